import { UploadOutlined } from "@ant-design/icons";
import { Button, Upload } from "antd";
import { useI18n } from "../i18n";

/**
 * The 导入 button of a spreadsheet import: picks one .xlsx/.xls and hands it to `onFile`. The file goes to the API
 * as base64 JSON (useSpreadsheetFile), never through antd's own upload request.
 */
export function SpreadsheetUploadButton({
  testId,
  pending,
  onFile,
  primary,
  label,
}: {
  testId: string;
  pending: boolean;
  onFile: (file: File) => void;
  primary?: boolean;
  /** Default 导入 / Import. */
  label?: string;
}) {
  const { t } = useI18n();
  return (
    <span data-testid={testId}>
      <Upload
        accept=".xlsx,.xls"
        showUploadList={false}
        maxCount={1}
        disabled={pending}
        beforeUpload={(file) => {
          onFile(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button type={primary ? "primary" : "default"} icon={<UploadOutlined />} loading={pending}>
          {label ?? t("areas.import")}
        </Button>
      </Upload>
    </span>
  );
}
