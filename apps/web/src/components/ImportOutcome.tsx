import { Alert } from "antd";
import type { ReactNode } from "react";
import type { ErrorIssue } from "../lib/errors";
import { ImportFailureAlert } from "./ImportFailureAlert";

/** What the last upload came to: a rejected file with every problem, or what the import applied (`T`). */
export type ImportOutcome<T> =
  | { kind: "failed"; message: string; issues: ErrorIssue[] }
  | { kind: "imported"; imported: T };

/**
 * The result of the last upload in place: every problem of a rejected file, row by row, or a success alert
 * whose text `success` makes from what was imported (at render, so it follows the language).
 */
export function ImportOutcomeAlert<T>({
  outcome,
  onClose,
  success,
}: {
  outcome: ImportOutcome<T>;
  onClose: () => void;
  success: (imported: T) => { title: ReactNode; description?: ReactNode };
}) {
  if (outcome.kind === "failed") {
    return <ImportFailureAlert message={outcome.message} issues={outcome.issues} onClose={onClose} />;
  }
  const { title, description } = success(outcome.imported);
  return (
    <Alert
      type="success"
      showIcon
      data-testid="import-success"
      closable={{ onClose }}
      title={title}
      description={description}
    />
  );
}
