import { FileExcelOutlined } from "@ant-design/icons";
import { type UseMutationResult, useMutation } from "@tanstack/react-query";
import { Alert, App, Card, Flex, Space, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { useCurrentUser } from "../../auth/current-user";
import { DownloadButton } from "../../components/DownloadButton";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { type ImportOutcome, ImportOutcomeAlert } from "../../components/ImportOutcome";
import { PageHeader } from "../../components/PageHeader";
import { SpreadsheetUploadButton } from "../../components/SpreadsheetUploadButton";
import { type MessageKey, useI18n } from "../../i18n";
import { canEditAgreements } from "../../lib/roles";
import { useSpreadsheetFile } from "../../lib/useSpreadsheetFile";
import { queryClient, trpc } from "../../trpc";

type FileResult = { fileName: string; contentBase64: string };
type UploadPayload = { fileName: string; contentBase64: string };
/** An import's outcome; an applied one carries the file's name and what the server applied. */
type Outcome<R> = ImportOutcome<{ fileName: string; result: R }>;

const fresh = <T,>(options: T) => ({ ...options, staleTime: 0, gcTime: 0 });

/** One spreadsheet round trip: template, export, import with the outcome shown in place. */
function SheetCard<R>({
  id,
  title,
  description,
  canEdit,
  template,
  exportFile,
  mutation,
  done,
  extra,
}: {
  id: string;
  title: MessageKey;
  description: MessageKey;
  canEdit: boolean;
  template: () => Promise<FileResult>;
  exportFile: () => Promise<FileResult>;
  mutation: UseMutationResult<R, unknown, UploadPayload>;
  done: (result: R, fileName: string) => string;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const prepareFile = useSpreadsheetFile();
  const [outcome, setOutcome] = useState<Outcome<R> | null>(null);

  const upload = async (file: File) => {
    setOutcome(null);
    const payload = await prepareFile(file);
    if (!payload) return;
    mutation.mutate(payload, {
      onSuccess(result) {
        void queryClient.invalidateQueries(trpc.enterprises.pathFilter());
        void queryClient.invalidateQueries(trpc.agreements.pathFilter());
        message.success(done(result, file.name));
        setOutcome({ kind: "imported", imported: { fileName: file.name, result } });
      },
      onError(error) {
        setOutcome({ kind: "failed", error });
      },
    });
  };

  return (
    <Card title={t(title)} data-testid={`sheets-${id}`}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t(description)}</Typography.Text>
        {extra}
        <Space wrap>
          {canEdit && (
            <DownloadButton icon={<FileExcelOutlined />} load={template} testId={`${id}-template`}>
              {t("areas.template")}
            </DownloadButton>
          )}
          <DownloadButton load={exportFile} testId={`${id}-export`}>
            {t("areas.export")}
          </DownloadButton>
          {canEdit && (
            <SpreadsheetUploadButton
              testId={`${id}-import`}
              pending={mutation.isPending}
              onFile={(file) => void upload(file)}
              primary
            />
          )}
        </Space>
        {outcome && (
          <ImportOutcomeAlert
            outcome={outcome}
            onClose={() => setOutcome(null)}
            success={({ fileName, result }) => ({ title: done(result, fileName) })}
          />
        )}
      </Flex>
    </Card>
  );
}

/**
 * 商务数据导入导出: enterprises, agreements with their lines, and the declaration sheet the enterprises fill
 * in. Any error rejects the whole file and lists every bad row and column; nothing is written.
 */
export function CommerceSheetsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const canEdit = canEditAgreements(user.role);
  const [enterpriseId, setEnterpriseId] = useState<number | undefined>(undefined);
  const importEnterprises = useMutation(trpc.enterprises.import.mutationOptions());
  const importAgreements = useMutation(trpc.agreements.import.mutationOptions());
  const importDeclarations = useMutation(trpc.agreements.importDeclarations.mutationOptions());

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t("commerceSheets.title")} subtitle={t("commerceSheets.subtitle")} />
      <Alert type="info" showIcon title={t("receiptImport.rules")} description={t("commerceSheets.rules")} />
      <SheetCard
        id="enterprises"
        title="commerceSheets.enterprises"
        description="commerceSheets.enterprisesHint"
        canEdit={canEdit}
        template={() => queryClient.fetchQuery(fresh(trpc.enterprises.template.queryOptions()))}
        exportFile={() => queryClient.fetchQuery(fresh(trpc.enterprises.export.queryOptions()))}
        mutation={importEnterprises}
        done={(r, fileName) =>
          t("commerceSheets.enterprisesDone", { fileName, created: r.created, updated: r.updated })
        }
      />
      <SheetCard
        id="agreements"
        title="commerceSheets.agreements"
        description="commerceSheets.agreementsHint"
        canEdit={canEdit}
        template={() => queryClient.fetchQuery(fresh(trpc.agreements.template.queryOptions()))}
        exportFile={() => queryClient.fetchQuery(fresh(trpc.agreements.export.queryOptions()))}
        mutation={importAgreements}
        done={(r, fileName) =>
          t("commerceSheets.agreementsDone", { fileName, agreements: r.agreements, lines: r.lines })
        }
      />
      <SheetCard
        id="declarations"
        title="commerceSheets.declarations"
        description="commerceSheets.declarationsHint"
        canEdit={canEdit}
        template={() =>
          queryClient.fetchQuery(
            fresh(
              trpc.agreements.declarationTemplate.queryOptions(
                enterpriseId === undefined ? {} : { enterpriseId },
              ),
            ),
          )
        }
        exportFile={() => queryClient.fetchQuery(fresh(trpc.agreements.exportDeclarations.queryOptions()))}
        mutation={importDeclarations}
        done={(r, fileName) => t("commerceSheets.declarationsDone", { fileName, count: r.declarations })}
        extra={
          canEdit && (
            <Space wrap>
              <Typography.Text>{t("commerceSheets.templateFor")}</Typography.Text>
              <EnterpriseSelect
                allowClear
                style={{ minWidth: 280 }}
                placeholder={t("commerceSheets.allEnterprises")}
                value={enterpriseId}
                onChange={(id) => setEnterpriseId(id)}
                data-testid="declarations-enterprise"
              />
            </Space>
          )
        }
      />
    </Flex>
  );
}
