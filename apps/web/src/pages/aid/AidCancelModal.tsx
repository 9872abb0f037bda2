import { useMutation } from "@tanstack/react-query";
import { Form, Input } from "antd";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal, useSaved } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { trpc } from "../../trpc";
import type { AidView } from "./aidTypes";

/** Cancelling a request, with the reason the neighbour is told. */
export function AidCancelModal({ aid, onClose }: { aid: AidView; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const { failure, fail, clear } = useFormFailure(form, ["reason"]);
  const onSuccess = useSaved(onClose, trpc.aid.pathFilter(), trpc.dispatch.pathFilter());
  const cancel = useMutation(trpc.aid.cancel.mutationOptions({ onSuccess, onError: fail }));
  return (
    <FormModal
      title={t("aid.cancel.title", { number: aid.number })}
      okText={t("aid.cancel.ok")}
      okTestId="aid-cancel-ok"
      danger
      pending={cancel.isPending}
      onOk={async () => {
        const v = await form.validateFields();
        clear();
        cancel.mutate({ requestId: aid.id, reason: v.reason.trim() });
      }}
      onClose={onClose}
      form={form}
      failure={failure}
    >
      <Form form={form} layout="vertical" name="aid-cancel">
        <Form.Item
          name="reason"
          label={t("aid.field.cancelReason")}
          rules={[{ required: true, whitespace: true, message: t("aid.cancel.reasonRequired") }]}
        >
          <Input.TextArea
            maxLength={200}
            autoSize={{ minRows: 2, maxRows: 4 }}
            data-testid="aid-cancel-reason"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
