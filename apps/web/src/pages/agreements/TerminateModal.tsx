import { useMutation } from "@tanstack/react-query";
import { Alert, App, DatePicker, Form, Input } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { invalidateAgreements } from "../../components/agreements/invalidate";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import type { AgreementView } from "../../lib/api-types";
import { districtToday } from "../../lib/format";
import { trpc } from "../../trpc";

const FIELDS = ["terminatedOn", "reason"] as const;

/** 终止协议: from the termination date the agreement's reserves no longer count. */
export function TerminateModal({ agreement, onClose }: { agreement: AgreementView; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ terminatedOn?: Dayjs; reason?: string }>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const terminate = useMutation(
    trpc.agreements.terminate.mutationOptions({
      onSuccess: () => {
        void invalidateAgreements();
        message.success(t("agreements.terminate.done", { number: agreement.number }));
        onClose();
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    terminate.mutate({
      id: agreement.id,
      terminatedOn: (v.terminatedOn ?? dayjs()).format("YYYY-MM-DD"),
      reason: v.reason?.trim() ?? "",
    });
  };

  return (
    <FormModal
      title={t("agreements.terminate.title", { number: agreement.number })}
      okText={t("agreements.terminate.ok")}
      danger
      okTestId="terminate-ok"
      pending={terminate.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
      intro={<Alert className="form-alert" type="warning" showIcon title={t("agreements.terminate.hint")} />}
    >
      <Form
        form={form}
        layout="vertical"
        name="terminate"
        initialValues={{ terminatedOn: dayjs(districtToday()) }}
      >
        <Form.Item
          name="terminatedOn"
          label={t("agreements.terminate.date")}
          rules={[{ required: true, message: t("agreements.terminate.dateRequired") }]}
          extra={t("agreements.terminate.dateHint", { end: agreement.endDate })}
        >
          <DatePicker data-testid="terminate-date" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("agreements.terminate.reason")}
          rules={[{ required: true, whitespace: true, message: t("agreements.terminate.reasonRequired") }]}
        >
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 5 }}
            data-testid="terminate-reason"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
