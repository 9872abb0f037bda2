import { Alert, Flex } from "antd";
import { ImportIssueTable } from "../../components/ImportIssueTable";
import { useI18n } from "../../i18n";
import type { PopulationImportResult } from "../../lib/api-types";
import { type ErrorIssue, rowIssues } from "../../lib/errors";

export type ImportOutcome =
  | { kind: "failed"; fileName: string; message: string; issues: ErrorIssue[] }
  | { kind: "imported"; fileName: string; result: PopulationImportResult };

/** The result of the last upload: every problem of a rejected file, row by row, or what was applied. */
export function ImportOutcomeView({ outcome, onClose }: { outcome: ImportOutcome; onClose: () => void }) {
  const { t } = useI18n();

  if (outcome.kind === "imported") {
    const { result } = outcome;
    return (
      <Alert
        type="success"
        showIcon
        data-testid="import-success"
        closable={{ onClose }}
        title={t("areas.import.done", { fileName: outcome.fileName })}
        description={t("areas.import.counts", { updated: result.updated, created: result.created })}
      />
    );
  }

  const issues = rowIssues({ message: outcome.message, code: null, issues: outcome.issues });
  return (
    <Alert
      type="error"
      showIcon
      data-testid="import-error"
      closable={{ onClose }}
      title={outcome.message}
      description={
        <Flex vertical gap={8}>
          <span>{t("areas.import.nothingChanged")}</span>
          {issues.length > 0 && <ImportIssueTable issues={issues} />}
        </Flex>
      }
    />
  );
}
