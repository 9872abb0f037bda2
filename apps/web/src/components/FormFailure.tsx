import { Alert, type FormInstance } from "antd";
import { useCallback, useState } from "react";
import { useI18n } from "../i18n";
import {
  applyFieldErrors,
  type ErrorIssue,
  errorInfo,
  type FieldMatcher,
  type FieldPlacement,
} from "../lib/errors";

export interface FormFailure {
  message: string;
  /** Issues that name no field of the form. */
  unplaced: ErrorIssue[];
  /** How many issues went beside their fields. */
  placed: number;
}

/**
 * A failed save of a form: issues naming a field go beside it (at `placement(field)` when the form names
 * it differently); the server's message is shown above the form unless every issue already sits on its field.
 */
export function useFormFailure<Values>(
  form: FormInstance<Values>,
  fields: FieldMatcher,
  placement?: FieldPlacement,
) {
  const { t, tm } = useI18n();
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const fail = useCallback(
    (error: unknown) => {
      const info = errorInfo(error, t("errors.network"), tm);
      const unplaced = applyFieldErrors(form, info, fields, placement);
      setFailure({ message: info.message, unplaced, placed: info.issues.length - unplaced.length });
    },
    [form, fields, placement, t],
  );
  const clear = useCallback(() => setFailure(null), []);
  return { failure, fail, clear };
}

/**
 * The server's message above the form. `always`: also when every issue sits beside its field — posting
 * forms say what went wrong in one sentence even when each line carries its own message.
 */
export function FormFailureAlert({
  failure,
  always = false,
}: {
  failure: FormFailure | null;
  always?: boolean;
}) {
  const { t } = useI18n();
  if (!failure || (!always && failure.placed > 0 && failure.unplaced.length === 0)) return null;
  return (
    <Alert
      className="form-alert"
      type="error"
      showIcon
      data-testid="form-error"
      title={failure.message}
      description={
        failure.unplaced.length > 0
          ? failure.unplaced.map((i) => i.message).join(t("common.clauseSeparator"))
          : undefined
      }
    />
  );
}
