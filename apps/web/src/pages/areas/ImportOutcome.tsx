import { Alert } from "antd";
import { ImportFailureAlert } from "../../components/ImportFailureAlert";
import { useI18n } from "../../i18n";
import type { PopulationImportResult } from "../../lib/api-types";
import type { ErrorIssue } from "../../lib/errors";

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

  return <ImportFailureAlert message={outcome.message} issues={outcome.issues} onClose={onClose} />;
}
