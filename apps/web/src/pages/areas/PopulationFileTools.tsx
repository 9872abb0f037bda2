import { DownloadOutlined, FileExcelOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { App, Button, Space } from "antd";
import { useState } from "react";
import type { ImportOutcome } from "../../components/ImportOutcome";
import { SpreadsheetUploadButton } from "../../components/SpreadsheetUploadButton";
import { useI18n } from "../../i18n";
import type { PopulationImportResult } from "../../lib/api-types";
import { downloadBase64File } from "../../lib/download";
import { errorInfo, isUnauthorized } from "../../lib/errors";
import { useSpreadsheetFile } from "../../lib/useSpreadsheetFile";
import { queryClient, trpc } from "../../trpc";

type DownloadKind = "template" | "export";

/** An upload of the population sheet: the file and what it changed. */
export type PopulationOutcome = ImportOutcome<{ fileName: string; result: PopulationImportResult }>;

/** 下载模板 / 导出 / 导入: the population spreadsheet round trip. */
export function PopulationFileTools({
  canEdit,
  onOutcome,
}: {
  canEdit: boolean;
  onOutcome: (outcome: PopulationOutcome | null) => void;
}) {
  const { t, tm } = useI18n();
  const { message } = App.useApp();
  const prepareFile = useSpreadsheetFile();
  const [downloading, setDownloading] = useState<DownloadKind | null>(null);

  const importPopulation = useMutation(
    trpc.areas.importPopulation.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.areas.pathFilter()),
    }),
  );

  const download = async (kind: DownloadKind) => {
    setDownloading(kind);
    message.loading({ key: "population-download", content: t("common.generatingFile"), duration: 0 });
    try {
      const options =
        kind === "template"
          ? trpc.areas.populationTemplate.queryOptions()
          : trpc.areas.exportPopulation.queryOptions();
      // Always fresh, and not kept: the figures change with every import.
      downloadBase64File(await queryClient.fetchQuery({ ...options, staleTime: 0, gcTime: 0 }));
    } catch (error) {
      // A lost session is handled by sending the user to the login page.
      if (!isUnauthorized(error)) message.error(errorInfo(error, t("errors.network"), tm).message);
    } finally {
      message.destroy("population-download");
      setDownloading(null);
    }
  };

  const upload = async (file: File) => {
    onOutcome(null);
    const payload = await prepareFile(file);
    if (!payload) return;
    importPopulation.mutate(payload, {
      onSuccess(result) {
        message.success(t("areas.import.counts", { updated: result.updated, created: result.created }));
        onOutcome({ kind: "imported", imported: { fileName: file.name, result } });
      },
      onError(error) {
        onOutcome({ kind: "failed", error });
      },
    });
  };

  return (
    <Space wrap>
      {canEdit && (
        <Button
          icon={<FileExcelOutlined />}
          loading={downloading === "template"}
          onClick={() => download("template")}
          data-testid="areas-template"
        >
          {t("areas.template")}
        </Button>
      )}
      <Button
        icon={<DownloadOutlined />}
        loading={downloading === "export"}
        onClick={() => download("export")}
        data-testid="areas-export"
      >
        {t("areas.export")}
      </Button>
      {canEdit && (
        <SpreadsheetUploadButton
          testId="areas-import"
          pending={importPopulation.isPending}
          onFile={(file) => void upload(file)}
          primary
        />
      )}
    </Space>
  );
}
