import { FileExcelOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { App, Card, Flex, Space, Typography } from "antd";
import { useState } from "react";
import { DownloadButton } from "../../components/DownloadButton";
import { type ImportOutcome, ImportOutcomeAlert } from "../../components/ImportOutcome";
import { SpreadsheetUploadButton } from "../../components/SpreadsheetUploadButton";
import { useI18n } from "../../i18n";
import { useSpreadsheetFile } from "../../lib/useSpreadsheetFile";
import { queryClient, trpc } from "../../trpc";

type Outcome = ImportOutcome<{ fileName: string; declarations: number }>;

/**
 * 表格申报: the enterprise's own declaration sheet (every stock line of its agreements, with lot and site
 * columns) to fill in and upload. A bad row rejects the whole file, every problem listed by row and column.
 */
export function DeclarationUpload() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const prepareFile = useSpreadsheetFile();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const upload = useMutation(trpc.portal.importDeclarations.mutationOptions());
  const done = (declarations: number, fileName: string) =>
    t("portal.upload.done", { fileName, count: declarations });

  const send = async (file: File) => {
    setOutcome(null);
    const payload = await prepareFile(file);
    if (!payload) return;
    upload.mutate(payload, {
      onSuccess({ declarations }) {
        void queryClient.invalidateQueries(trpc.portal.pathFilter());
        message.success(done(declarations, file.name));
        setOutcome({ kind: "imported", imported: { fileName: file.name, declarations } });
      },
      onError(error) {
        setOutcome({ kind: "failed", error });
      },
    });
  };

  return (
    <Card size="small" title={t("portal.upload.title")} data-testid="portal-upload">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t("portal.upload.hint")}</Typography.Text>
        <Space wrap>
          <DownloadButton
            icon={<FileExcelOutlined />}
            load={() =>
              queryClient.fetchQuery({
                ...trpc.portal.declarationTemplate.queryOptions(),
                staleTime: 0,
                gcTime: 0,
              })
            }
            testId="portal-template"
          >
            {t("areas.template")}
          </DownloadButton>
          <SpreadsheetUploadButton
            testId="portal-import"
            pending={upload.isPending}
            onFile={(file) => void send(file)}
            primary
          />
        </Space>
        {outcome && (
          <ImportOutcomeAlert
            outcome={outcome}
            onClose={() => setOutcome(null)}
            success={({ fileName, declarations }) => ({ title: done(declarations, fileName) })}
          />
        )}
      </Flex>
    </Card>
  );
}
