import { ReloadOutlined } from "@ant-design/icons";
import { msg, ORDER_AUTHORITY_DEFAULT, zh } from "@relief/domain";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, List, Modal } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { invalidateStock } from "../../components/stock/invalidate";
import { useI18n } from "../../i18n";
import { type ErrorInfo, errorInfo } from "../../lib/errors";
import { queryClient, trpc } from "../../trpc";

const FIELDS = ["authority", "authorityRef", "purpose"] as const;

interface Values {
  authority: string;
  authorityRef: string;
  purpose: string;
}

/**
 * 批准方案: the authorising body, its reference and the purpose that every order of the plan carries (the
 * defaults are the server's, document values in Chinese), then the orders it made. When the stock the plan
 * counted on has changed, nothing was reserved: the refusal lists what changed, and the plan is made again
 * (by whoever may plan: a leader approving is offered no re-plan).
 */
export function ApproveModal({
  plan,
  incidentTitle,
  onReplan,
  onClose,
}: {
  plan: { planId: number; version: number };
  incidentTitle: string;
  onReplan?: () => void;
  onClose: () => void;
}) {
  const { t, tm } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const [conflict, setConflict] = useState<ErrorInfo | null>(null);
  const approve = useMutation(
    trpc.dispatch.approve.mutationOptions({
      onSuccess: (result) => {
        void invalidateStock();
        void queryClient.invalidateQueries(trpc.dispatch.pathFilter());
        void queryClient.invalidateQueries(trpc.agreements.pathFilter());
        message.success(t("orders.approve.done", { count: result.orders.length }));
      },
      onError: (error) => {
        const info = errorInfo(error, t("errors.network"), tm);
        if (info.code === "CONFLICT") setConflict(info);
        else fail(error);
      },
    }),
  );

  const submit = async () => {
    const values = await form.validateFields();
    clear();
    setConflict(null);
    approve.mutate({
      planId: plan.planId,
      authority: values.authority.trim() || undefined,
      authorityRef: values.authorityRef.trim() || undefined,
      purpose: values.purpose.trim() || undefined,
    });
  };

  if (approve.data) {
    const orders = approve.data.orders;
    return (
      <Modal
        open
        title={t("orders.approve.doneTitle", { version: plan.version })}
        onCancel={onClose}
        footer={
          <Button type="primary" onClick={onClose} data-testid="approve-close">
            {t("orders.approve.close")}
          </Button>
        }
      >
        <List
          size="small"
          header={t("orders.approve.made", { count: orders.length })}
          dataSource={orders}
          data-testid="approve-orders"
          renderItem={(o) => (
            <List.Item>
              <Link to={`/dispatch/orders/${o.id}`} data-testid="approve-order">
                {o.number}
              </Link>
            </List.Item>
          )}
        />
      </Modal>
    );
  }

  return (
    <FormModal
      title={t("orders.approve.title", { version: plan.version })}
      okText={t("orders.approve.ok")}
      okTestId="approve-ok"
      pending={approve.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
      intro={
        conflict ? (
          <Alert
            className="form-alert"
            type="error"
            showIcon
            data-testid="approve-conflict"
            title={conflict.message}
            description={
              <>
                <ul className="approve-changes">
                  {conflict.issues.map((issue) => (
                    <li key={issue.message}>{issue.message}</li>
                  ))}
                </ul>
                {onReplan && (
                  <Button
                    type="primary"
                    icon={<ReloadOutlined />}
                    onClick={() => {
                      onClose();
                      onReplan();
                    }}
                    data-testid="approve-replan"
                  >
                    {t("orders.approve.replan")}
                  </Button>
                )}
              </>
            }
          />
        ) : (
          <Alert className="form-alert" type="info" showIcon title={t("orders.approve.hint")} />
        )
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="approve-plan"
        initialValues={{
          authority: ORDER_AUTHORITY_DEFAULT,
          authorityRef: "",
          purpose: zh(msg("orders.default.purpose", { title: incidentTitle })),
        }}
      >
        <Form.Item name="authority" label={t("orders.field.authority")}>
          <Input maxLength={100} data-testid="approve-authority" />
        </Form.Item>
        <Form.Item name="authorityRef" label={t("orders.field.authorityRef")}>
          <Input maxLength={100} placeholder={t("orders.approve.refPlaceholder")} data-testid="approve-ref" />
        </Form.Item>
        <Form.Item name="purpose" label={t("orders.field.purpose")}>
          <Input maxLength={200} data-testid="approve-purpose" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
