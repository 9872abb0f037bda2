import type { QueryFilters } from "@tanstack/react-query";
import { App, Modal } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "../i18n";
import { queryClient } from "../trpc";
import { type FormFailure, FormFailureAlert } from "./FormFailure";

/**
 * A form in a dialog that only its buttons close: a failed save's message above the form, `intro` (a hint,
 * what the form is about) above that message.
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
  onOk: () => void;
  onClose: () => void;
  failure: FormFailure | null;
  always?: boolean;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      width={width}
      title={title}
      okText={okText ?? t("common.save")}
      okButtonProps={okTestId ? { danger, "data-testid": okTestId } : { danger }}
      cancelText={t("common.cancel")}
      confirmLoading={pending}
      onOk={onOk}
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
