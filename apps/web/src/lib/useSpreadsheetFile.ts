import { App } from "antd";
import { useI18n } from "../i18n";
import { MAX_UPLOAD_BYTES, readFileAsBase64 } from "./files";

/**
 * Turns a picked spreadsheet into the `{ fileName, contentBase64 }` every import procedure takes, or tells the
 * user why it cannot be sent (too large, unreadable) and gives null.
 */
export function useSpreadsheetFile() {
  const { message } = App.useApp();
  const { t, formatNumber } = useI18n();
  return async (file: File): Promise<{ fileName: string; contentBase64: string } | null> => {
    if (file.size > MAX_UPLOAD_BYTES) {
      message.error(t("areas.import.tooLarge", { size: formatNumber(file.size / 1024 / 1024, 1) }));
      return null;
    }
    try {
      return { fileName: file.name, contentBase64: await readFileAsBase64(file) };
    } catch {
      message.error(t("areas.import.unreadable"));
      return null;
    }
  };
}
