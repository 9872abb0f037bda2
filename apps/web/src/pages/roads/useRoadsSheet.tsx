import { UploadOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { App, Button, Space, Upload } from "antd";
import { type ReactNode, useState } from "react";
import { DownloadButton } from "../../components/DownloadButton";
import { type ImportOutcome, ImportOutcomeAlert } from "../../components/ImportOutcome";
import { useI18n } from "../../i18n";
import { useSpreadsheetFile } from "../../lib/useSpreadsheetFile";
import { queryClient, trpc } from "../../trpc";

type Imported = {
  fileName: string;
  nodesCreated: number;
  nodesUpdated: number;
  edgesCreated: number;
  edgesUpdated: number;
};

/**
 * The road network workbook: export it (roads, nodes), edit it, import it back (codes match; new codes add).
 * The buttons go in the page's header; the outcome (every bad row and column of a rejected file) above the
 * table.
 */
export function useRoadsSheet(canImport: boolean): { buttons: ReactNode; outcome: ReactNode } {
  const { t } = useI18n();
  const { message } = App.useApp();
  const prepareFile = useSpreadsheetFile();
  const [outcome, setOutcome] = useState<ImportOutcome<Imported> | null>(null);
  const importSheet = useMutation(trpc.roads.importSheet.mutationOptions());
  const done = (r: Imported) => t("roads.import.done", r);

  const upload = async (file: File) => {
    setOutcome(null);
    const payload = await prepareFile(file);
    if (!payload) return;
    importSheet.mutate(payload, {
      onSuccess(result) {
        void queryClient.invalidateQueries(trpc.roads.pathFilter());
        const imported = { fileName: file.name, ...result };
        message.success(done(imported));
        setOutcome({ kind: "imported", imported });
      },
      onError(error) {
        setOutcome({ kind: "failed", error });
      },
    });
  };

  return {
    buttons: (
      <Space wrap>
        <DownloadButton
          load={() =>
            queryClient.fetchQuery({ ...trpc.roads.exportSheet.queryOptions(), staleTime: 0, gcTime: 0 })
          }
          testId="roads-export"
        >
          {t("areas.export")}
        </DownloadButton>
        {canImport && (
          <span data-testid="roads-import">
            <Upload
              accept=".xlsx,.xls"
              showUploadList={false}
              maxCount={1}
              disabled={importSheet.isPending}
              beforeUpload={(file) => {
                void upload(file);
                // The file goes to the API as base64 JSON, never through antd's own upload request.
                return Upload.LIST_IGNORE;
              }}
            >
              <Button icon={<UploadOutlined />} loading={importSheet.isPending}>
                {t("areas.import")}
              </Button>
            </Upload>
          </span>
        )}
      </Space>
    ),
    outcome: outcome && (
      <ImportOutcomeAlert
        outcome={outcome}
        onClose={() => setOutcome(null)}
        success={(imported) => ({ title: done(imported) })}
      />
    ),
  };
}
