import type { QueryFilters } from "@tanstack/react-query";
import { App, type FormInstance, Modal } from "antd";
import type { ReactNode } from "react";
import { flushSync } from "react-dom";
import { useI18n } from "../i18n";
import { queryClient } from "../trpc";
import { type FormFailure, FormFailureAlert } from "./FormFailure";

/** A list of rows a form may leave blank (a contact, a pack): a row with nothing typed in is dropped on save. */
export interface OptionalRows {
  /** The Form.List's name. */
  list: string;
  /** Fields a new row starts with (a default response time): they alone do not make a row typed in. */
  prefilled?: readonly string[];
  /** Rows that stay even when blank, so a list that needs rows shows its errors in them. */
  keep?: number;
}

const blankValue = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === "string" && value.trim() === "") ||
  (Array.isArray(value) && value.length === 0);

/** Whether nothing but the `prefilled` fields has been typed into a row. */
function isBlankRow(row: unknown, prefilled: readonly string[] = []): boolean {
  if (row === null || typeof row !== "object") return blankValue(row);
  return Object.entries(row).every(([key, value]) => prefilled.includes(key) || blankValue(value));
}

/**
 * Takes the blank rows out of the form itself rather than out of what is sent, so the rows the server numbers
 * in its issues are the rows on screen. Rendered at once: validation must not meet the fields of a row
 * that is gone.
 */
function dropBlankRows(form: FormInstance, { list, prefilled, keep = 0 }: OptionalRows) {
  const rows: unknown[] = form.getFieldValue(list) ?? [];
  const filled = rows.filter((row) => !isBlankRow(row, prefilled));
  const kept = filled.length >= keep ? filled : rows.slice(0, keep);
  if (kept.length < rows.length) flushSync(() => form.setFieldValue(list, kept));
}

/** What `form.validateFields()` rejects with when a field is refused. */
interface ValidationFailure {
  errorFields: Array<{ name: (string | number)[] }>;
}

const isValidationFailure = (error: unknown): error is ValidationFailure =>
  typeof error === "object" && error !== null && Array.isArray((error as ValidationFailure).errorFields);

/**
 * A form in a dialog that only its buttons close: a failed save's message above the form, `intro` (a hint,
 * what the form is about) above that message. Saving first drops the blank `optionalRows` of `form`; when
 * `onOk`'s validation refuses a field, the form already shows why beside it, so the refusal goes no further
 * than scrolling to the first refused field — never to the page as an uncaught error.
 */
export function FormModal({
  title,
  width,
  okText,
  okTestId,
  danger,
  pending,
  onOk,
  onClose,
  form,
  optionalRows = [],
  failure,
  always,
  intro,
  children,
}: {
  title: ReactNode;
  width?: number;
  /** `common.save` unless given. */
  okText?: ReactNode;
  okTestId?: string;
  danger?: boolean;
  pending: boolean;
  /** Validates (`await form.validateFields()`, its refusal left to propagate) and saves. */
  onOk: () => unknown;
  onClose: () => void;
  form?: FormInstance;
  optionalRows?: readonly OptionalRows[];
  failure: FormFailure | null;
  always?: boolean;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const save = () => {
    if (form) for (const rows of optionalRows) dropBlankRows(form, rows);
    Promise.resolve()
      .then(onOk)
      .catch((error: unknown) => {
        if (!isValidationFailure(error)) throw error;
        const first = error.errorFields[0];
        if (form && first) form.scrollToField(first.name, { block: "center", focus: true });
      });
  };
  return (
    <Modal
      open
      width={width}
      title={title}
      okText={okText ?? t("common.save")}
      okButtonProps={okTestId ? { danger, "data-testid": okTestId } : { danger }}
      cancelText={t("common.cancel")}
      confirmLoading={pending}
      onOk={save}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      {intro}
      <FormFailureAlert failure={failure} always={always} />
      {children}
    </Modal>
  );
}

/** A save's `onSuccess`: the queries under `filters` refetch, "saved" is said and the dialog closes. */
export function useSaved(onClose: () => void, ...filters: QueryFilters[]) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return () => {
    for (const filter of filters) void queryClient.invalidateQueries(filter);
    message.success(t("common.saved"));
    onClose();
  };
}
