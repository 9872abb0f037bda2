import { useMutation } from "@tanstack/react-query";
import { Alert, App, Form, Input } from "antd";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { invalidateStock } from "../../components/stock/invalidate";
import { useI18n } from "../../i18n";
import type { DocumentDetail } from "../../lib/api-types";
import { trpc } from "../../trpc";

const FIELDS = ["note"] as const;

/** 冲销: posts the exact negative of the document; the note says why. */
export function ReverseModal({ doc, onClose }: { doc: DocumentDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const reverse = useMutation(
    trpc.stock.reverse.mutationOptions({
      onSuccess: (reversal) => {
        void invalidateStock();
        message.success(t("documents.reverse.done", { number: doc.number, reversal: reversal.number }));
        onClose();
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    const { note } = await form.validateFields();
    clear();
    reverse.mutate({ documentId: doc.id, note: note.trim() });
  };

  return (
    <FormModal
      title={t("documents.reverse.title", { number: doc.number })}
      okText={t("documents.reverse.ok")}
      danger
      okTestId="reverse-ok"
      pending={reverse.isPending}
      onOk={submit}
      onClose={onClose}
      failure={failure}
      always
      intro={<Alert className="form-alert" type="warning" showIcon title={t("documents.reverse.hint")} />}
    >
      <Form form={form} layout="vertical" name="reverse">
        <Form.Item
          name="note"
          label={t("documents.reverse.note")}
          rules={[{ required: true, whitespace: true, message: t("documents.reverse.noteRequired") }]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="reverse-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
