import { Alert } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "../i18n";
import { errorInfo } from "../lib/errors";
import { ImportFailureAlert } from "./ImportFailureAlert";

/**
 * What the last upload came to: a rejected file (the server's error, read at render so its message and rows
 * follow the language) or what the import applied (`T`).
 */
export type ImportOutcome<T> = { kind: "failed"; error: unknown } | { kind: "imported"; imported: T };

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
  const { t, tm } = useI18n();
  if (outcome.kind === "failed") {
    const info = errorInfo(outcome.error, t("errors.network"), tm);
    return <ImportFailureAlert message={info.message} issues={info.issues} onClose={onClose} />;
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
