import { useMutation } from "@tanstack/react-query";
import { App, Form, Input } from "antd";
import { useNavigate } from "react-router";
import { LOGIN_PATH } from "../auth/paths";
import { useFormFailure } from "../components/FormFailure";
import { FormModal } from "../components/FormModal";
import { useI18n } from "../i18n";
import { queryClient, trpc } from "../trpc";

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ["currentPassword", "newPassword"] as const;

/** Changing one's password ends every session, this one included: the user signs in again afterwards. */
export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordValues>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);

  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess() {
        message.success(t("password.changed"));
        onClose();
        queryClient.clear();
        navigate(LOGIN_PATH, { replace: true });
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    const values = await form.validateFields();
    clear();
    change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  };

  return (
    <FormModal
      title={t("password.title")}
      pending={change.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
    >
      <Form form={form} layout="vertical" name="change-password" onFinish={submit}>
        <Form.Item
          name="currentPassword"
          label={t("password.current")}
          rules={[{ required: true, message: t("password.currentRequired") }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t("password.new")}
          extra={t("password.rule")}
          rules={[{ required: true, message: t("password.newRequired") }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t("password.confirm")}
          dependencies={["newPassword"]}
          rules={[
            { required: true, message: t("password.confirmRequired") },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || value === getFieldValue("newPassword")
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("password.mismatch"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
