import { Alert, Flex } from "antd";
import { useI18n } from "../i18n";
import { type ErrorIssue, rowIssues } from "../lib/errors";
import { ImportIssueTable } from "./ImportIssueTable";

/** A rejected spreadsheet: the message, that nothing was written, and every bad row and column. */
export function ImportFailureAlert({
  message,
  issues,
  onClose,
}: {
  message: string;
  issues: ErrorIssue[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const rows = rowIssues({ message, code: null, issues });
  return (
    <Alert
      type="error"
      showIcon
      data-testid="import-error"
      closable={{ onClose }}
      title={message}
      description={
        <Flex vertical gap={8}>
          <span>{t("areas.import.nothingChanged")}</span>
          {rows.length > 0 && <ImportIssueTable issues={rows} />}
        </Flex>
      }
    />
  );
}
