import { useMutation } from "@tanstack/react-query";
import { App, Form, Input, Select, Switch } from "antd";
import { useCurrentUser } from "../../auth/current-user";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal, useSaved } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { ROLES, type Role, type UserItem } from "../../lib/api-types";
import { trpc } from "../../trpc";

interface UserValues {
  username: string;
  displayName: string;
  role: Role;
  enterpriseId?: number;
  password: string;
  active: boolean;
}

const FIELDS = ["username", "displayName", "role", "enterpriseId", "password", "active"] as const;

/**
 * Creates an account (`user` absent) or changes a user's name, role, enterprise and whether the account is
 * active. An enterprise user is bound to one partner enterprise; the commerce bureau creates only those.
 */
export function UserFormModal({ user, onClose }: { user: UserItem | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const roles = useCurrentUser().role === "admin" ? ROLES : (["enterprise"] as const);
  const [form] = Form.useForm<UserValues>();
  const { failure, fail: onError, clear } = useFormFailure(form, FIELDS);
  const onSuccess = useSaved(onClose, trpc.users.pathFilter());
  const create = useMutation(trpc.users.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.users.update.mutationOptions({ onSuccess, onError }));

  const submit = async () => {
    const values = await form.validateFields();
    clear();
    if (!user) {
      create.mutate({
        username: values.username,
        displayName: values.displayName,
        role: values.role,
        enterpriseId: values.role === "enterprise" ? (values.enterpriseId ?? null) : null,
        password: values.password,
      });
      return;
    }
    const changes = {
      ...(values.displayName !== user.displayName && { displayName: values.displayName }),
      ...(values.role !== user.role && { role: values.role }),
      ...(values.role === "enterprise" &&
        values.enterpriseId !== (user.enterpriseId ?? undefined) && {
          enterpriseId: values.enterpriseId ?? null,
        }),
      ...(values.active !== user.active && { active: values.active }),
    };
    if (Object.keys(changes).length === 0) {
      message.info(t("common.unchanged"));
      onClose();
      return;
    }
    update.mutate({ id: user.id, ...changes });
  };

  return (
    <FormModal
      title={user ? t("users.form.editTitle", { username: user.username }) : t("users.form.createTitle")}
      okTestId="user-form-ok"
      pending={create.isPending || update.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
    >
      <Form<UserValues>
        form={form}
        name="user"
        layout="vertical"
        initialValues={
          user
            ? {
                username: user.username,
                displayName: user.displayName,
                role: user.role,
                enterpriseId: user.enterpriseId ?? undefined,
                active: user.active,
              }
            : { role: roles[0], active: true }
        }
      >
        <Form.Item
          name="username"
          label={t("users.column.username")}
          extra={user ? undefined : t("users.form.usernameRule")}
          rules={[{ required: true, whitespace: true, message: t("users.form.usernameRequired") }]}
        >
          <Input disabled={!!user} autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t("users.column.displayName")}
          rules={[{ required: true, whitespace: true, message: t("users.form.displayNameRequired") }]}
        >
          <Input maxLength={50} data-testid="user-form-display-name" />
        </Form.Item>
        <Form.Item name="role" label={t("users.column.role")} rules={[{ required: true }]}>
          <Select options={roles.map((value) => ({ value, label: t(`role.${value}`) }))} />
        </Form.Item>
        <Form.Item noStyle dependencies={["role"]}>
          {({ getFieldValue }) =>
            getFieldValue("role") === "enterprise" && (
              <Form.Item
                name="enterpriseId"
                label={t("users.field.enterprise")}
                rules={[{ required: true, message: t("users.error.enterpriseRequired") }]}
              >
                <EnterpriseSelect data-testid="user-form-enterprise" />
              </Form.Item>
            )
          }
        </Form.Item>
        {user ? (
          <Form.Item name="active" label={t("users.column.active")} valuePropName="checked">
            <Switch checkedChildren={t("users.active")} unCheckedChildren={t("users.inactive")} />
          </Form.Item>
        ) : (
          <Form.Item
            name="password"
            label={t("users.form.password")}
            extra={t("users.form.passwordRule")}
            rules={[{ required: true, message: t("password.newRequired") }]}
          >
            <Input.Password autoComplete="new-password" data-testid="user-form-password" />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
