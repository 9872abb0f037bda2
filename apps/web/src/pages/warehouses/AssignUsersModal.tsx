import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, Form, Modal, Select } from "antd";
import { FormFailureAlert, useFormFailure } from "../../components/FormFailure";
import { useI18n } from "../../i18n";
import type { WarehouseView } from "../../lib/api-types";
import { queryClient, trpc } from "../../trpc";

const FIELDS = ["userIds"] as const;

/** Which civil-affairs staff may post in a warehouse (administrators). */
export function AssignUsersModal({ warehouse, onClose }: { warehouse: WarehouseView; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ userIds: number[] }>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const users = useQuery(trpc.users.list.queryOptions());
  const assign = useMutation(
    trpc.warehouses.assignUsers.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.warehouses.pathFilter());
        message.success(t("common.saved"));
        onClose();
      },
      onError: fail,
    }),
  );
  const candidates = (users.data ?? []).filter((u) => u.role === "civil_affairs");

  return (
    <Modal
      open
      title={t("warehouses.assign.title", { name: warehouse.name })}
      okText={t("common.save")}
      okButtonProps={{ "data-testid": "assign-ok" }}
      cancelText={t("common.cancel")}
      confirmLoading={assign.isPending}
      onOk={async () => {
        const { userIds } = await form.validateFields();
        clear();
        assign.mutate({ warehouseId: warehouse.id, userIds: userIds ?? [] });
      }}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Alert className="form-alert" type="info" showIcon title={t("warehouses.assign.hint")} />
      <FormFailureAlert failure={failure} />
      <Form form={form} layout="vertical" name="assign" initialValues={{ userIds: warehouse.userIds }}>
        <Form.Item name="userIds" label={t("warehouses.assign.users")}>
          <Select<number[]>
            mode="multiple"
            loading={users.isPending}
            showSearch={{ optionFilterProp: "label" }}
            options={candidates.map((u) => ({
              value: u.id,
              label: `${u.displayName}（${u.username}）${u.active ? "" : ` · ${t("users.inactive")}`}`,
            }))}
            data-testid="assign-users"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
