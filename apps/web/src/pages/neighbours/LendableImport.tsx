import { useMutation } from "@tanstack/react-query";
import { App, DatePicker, Flex, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { DownloadButton } from "../../components/DownloadButton";
import { type ImportOutcome, ImportOutcomeAlert } from "../../components/ImportOutcome";
import { SpreadsheetUploadButton } from "../../components/SpreadsheetUploadButton";
import { useI18n } from "../../i18n";
import { districtToday } from "../../lib/format";
import { useSpreadsheetFile } from "../../lib/useSpreadsheetFile";
import { queryClient, trpc } from "../../trpc";

type Imported = { fileName: string; lines: number; listDate: string };

/**
 * The neighbour's lendable-items sheet: the template to send it, and its filled-in copy read back with the date
 * the list bears (earlier lists stay as history). A refused file shows every bad row beside its row number.
 */
export function LendableImport({ neighbourId, canImport }: { neighbourId: number; canImport: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const prepareFile = useSpreadsheetFile();
  const [listDate, setListDate] = useState<Dayjs>(dayjs(districtToday()));
  const [outcome, setOutcome] = useState<ImportOutcome<Imported> | null>(null);
  const importList = useMutation(trpc.neighbours.importLendable.mutationOptions());

  const upload = async (file: File) => {
    setOutcome(null);
    const payload = await prepareFile(file);
    if (!payload) return;
    const date = listDate.format("YYYY-MM-DD");
    importList.mutate(
      { neighbourId, listDate: date, ...payload },
      {
        onSuccess(result) {
          void queryClient.invalidateQueries(trpc.neighbours.pathFilter());
          const imported = { fileName: file.name, lines: result.lendable.length, listDate: date };
          message.success(t("neighbours.import.done", imported));
          setOutcome({ kind: "imported", imported });
        },
        onError(error) {
          setOutcome({ kind: "failed", error });
        },
      },
    );
  };

  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <DownloadButton
          load={() =>
            queryClient.fetchQuery({
              ...trpc.neighbours.lendableTemplate.queryOptions({ id: neighbourId }),
              staleTime: 0,
              gcTime: 0,
            })
          }
          testId="lendable-template"
        >
          {t("neighbours.import.template")}
        </DownloadButton>
        {canImport && (
          <>
            <DatePicker
              allowClear={false}
              value={listDate}
              onChange={(value) => value && setListDate(value)}
              disabledDate={(d) => d.format("YYYY-MM-DD") > districtToday()}
              aria-label={t("neighbours.import.listDate")}
              data-testid="lendable-date"
            />
            <SpreadsheetUploadButton
              testId="lendable-import"
              pending={importList.isPending}
              onFile={(file) => void upload(file)}
              label={t("neighbours.import.upload")}
            />
          </>
        )}
      </Space>
      {outcome && (
        <ImportOutcomeAlert
          outcome={outcome}
          onClose={() => setOutcome(null)}
          success={(imported) => ({ title: t("neighbours.import.done", imported) })}
        />
      )}
    </Flex>
  );
}
