import { useMutation } from "@tanstack/react-query";
import { Alert, App, Form, Input } from "antd";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { invalidateStock } from "../../components/stock/invalidate";
import { useI18n } from "../../i18n";
import { queryClient, trpc } from "../../trpc";

const FIELDS = ["reason"] as const;

/**
 * 取消: one order (`orderId`) or every order of a plan that has not left (`planId`), with the reason. The
 * reserved stock is released and the call-offs made for the orders are withdrawn; what has left stays.
 */
export function CancelOrdersModal({
  target,
  onClose,
}: {
  target: { orderId: number; number: string } | { planId: number; version: number };
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const cancel = useMutation(
    trpc.dispatch.cancel.mutationOptions({
      onSuccess: (result) => {
        void invalidateStock();
        void queryClient.invalidateQueries(trpc.dispatch.pathFilter());
        message.success(
          result.remaining.length > 0
            ? t("orders.cancel.doneSome", {
                count: result.cancelled.length,
                remaining: result.remaining.map((o) => o.number).join(t("common.listSeparator")),
              })
            : t("orders.cancel.done", { count: result.cancelled.length }),
        );
        onClose();
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    const { reason } = await form.validateFields();
    clear();
    const trimmed = reason.trim();
    cancel.mutate(
      "orderId" in target
        ? { orderId: target.orderId, reason: trimmed }
        : { planId: target.planId, reason: trimmed },
    );
  };

  return (
    <FormModal
      title={
        "orderId" in target
          ? t("orders.cancel.orderTitle", { number: target.number })
          : t("orders.cancel.planTitle", { version: target.version })
      }
      okText={t("orders.cancel.ok")}
      danger
      okTestId="cancel-ok"
      pending={cancel.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
      always
      intro={<Alert className="form-alert" type="warning" showIcon title={t("orders.cancel.hint")} />}
    >
      <Form form={form} layout="vertical" name="cancel-orders">
        <Form.Item
          name="reason"
          label={t("orders.field.cancelReason")}
          rules={[{ required: true, whitespace: true, message: t("orders.cancel.reasonRequired") }]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="cancel-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
