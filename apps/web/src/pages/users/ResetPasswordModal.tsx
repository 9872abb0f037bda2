import { useMutation } from "@tanstack/react-query";
import { Alert, App, Form, Input } from "antd";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import type { UserItem } from "../../lib/api-types";
import { trpc } from "../../trpc";

const PASSWORD_FIELD = ["password"] as const;

/** An administrator sets a new password; the user's open sessions end. */
export function ResetPasswordModal({ user, onClose }: { user: UserItem; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const { failure, fail, clear } = useFormFailure(form, PASSWORD_FIELD);

  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess() {
        message.success(t("users.reset.done", { username: user.username }));
        onClose();
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    const { password } = await form.validateFields();
    clear();
    reset.mutate({ id: user.id, password });
  };

  return (
    <FormModal
      title={t("users.reset.title", { username: user.username })}
      pending={reset.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
      intro={<Alert className="form-alert" type="info" showIcon title={t("users.reset.note")} />}
    >
      <Form form={form} name="reset-password" layout="vertical">
        <Form.Item
          name="password"
          label={t("password.new")}
          extra={t("users.form.passwordRule")}
          rules={[{ required: true, message: t("password.newRequired") }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
