import { type UseMutationOptions, useMutation } from "@tanstack/react-query";
import { App, Space } from "antd";
import { type ReactNode, useState } from "react";
import { useI18n } from "../i18n";
import { useSpreadsheetFile } from "../lib/useSpreadsheetFile";
import { DownloadButton, type FileResult } from "./DownloadButton";
import { type ImportOutcome, ImportOutcomeAlert } from "./ImportOutcome";
import { SpreadsheetUploadButton } from "./SpreadsheetUploadButton";

type SheetFile = { fileName: string; contentBase64: string };

export interface SheetTransferOptions<R extends object, E> {
  /** Prefix of the buttons' test ids: `<testId>-export`, `<testId>-import`. */
  testId: string;
  canImport: boolean;
  /** Loads the export workbook (fresh each time). */
  exportFile: () => Promise<FileResult>;
  /** The import procedure's mutation options (`trpc.<domain>.importSheet.mutationOptions()`). */
  importOptions: UseMutationOptions<R, E, SheetFile>;
  /** What the import changed, to refetch (`queryClient.invalidateQueries(trpc.<domain>.pathFilter())`). */
  invalidate: () => void;
  /** The success sentence, made at render so it follows the language. */
  done: (imported: R & { fileName: string }) => string;
}

/**
 * A register's spreadsheet round trip: export it, edit it, import it back. The buttons go in the page's
 * header; the outcome (every bad row and column of a rejected file, or what was imported) where the page puts
 * it, above the table.
 */
export function useSheetTransfer<R extends object, E>(
  options: SheetTransferOptions<R, E>,
): { buttons: ReactNode; outcome: ReactNode } {
  const { t } = useI18n();
  const { message } = App.useApp();
  const prepareFile = useSpreadsheetFile();
  const [outcome, setOutcome] = useState<ImportOutcome<R & { fileName: string }> | null>(null);
  const importSheet = useMutation(options.importOptions);

  const upload = async (file: File) => {
    setOutcome(null);
    const payload = await prepareFile(file);
    if (!payload) return;
    importSheet.mutate(payload, {
      onSuccess(result) {
        options.invalidate();
        const imported = { ...result, fileName: file.name };
        message.success(options.done(imported));
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
        <DownloadButton load={options.exportFile} testId={`${options.testId}-export`}>
          {t("areas.export")}
        </DownloadButton>
        {options.canImport && (
          <SpreadsheetUploadButton
            testId={`${options.testId}-import`}
            pending={importSheet.isPending}
            onFile={(file) => void upload(file)}
          />
        )}
      </Space>
    ),
    outcome: outcome && (
      <ImportOutcomeAlert
        outcome={outcome}
        onClose={() => setOutcome(null)}
        success={(imported) => ({ title: options.done(imported) })}
      />
    ),
  };
}
