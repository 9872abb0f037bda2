import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Form, Select } from "antd";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal, useSaved } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import type { WarehouseView } from "../../lib/api-types";
import { trpc } from "../../trpc";

const FIELDS = ["userIds"] as const;

/** Which civil-affairs staff may post in a warehouse (administrators). */
export function AssignUsersModal({ warehouse, onClose }: { warehouse: WarehouseView; onClose: () => void }) {
  const { t, aside } = useI18n();
  const [form] = Form.useForm<{ userIds: number[] }>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const users = useQuery(trpc.users.list.queryOptions());
  const onSuccess = useSaved(onClose, trpc.warehouses.pathFilter());
  const assign = useMutation(trpc.warehouses.assignUsers.mutationOptions({ onSuccess, onError: fail }));
  const candidates = (users.data ?? []).filter((u) => u.role === "civil_affairs");

  return (
    <FormModal
      title={t("warehouses.assign.title", { name: warehouse.name })}
      okTestId="assign-ok"
      pending={assign.isPending}
      onOk={async () => {
        const { userIds } = await form.validateFields();
        clear();
        assign.mutate({ warehouseId: warehouse.id, userIds: userIds ?? [] });
      }}
      onClose={onClose}
      form={form}
      failure={failure}
      intro={<Alert className="form-alert" type="info" showIcon title={t("warehouses.assign.hint")} />}
    >
      <Form form={form} layout="vertical" name="assign" initialValues={{ userIds: warehouse.userIds }}>
        <Form.Item name="userIds" label={t("warehouses.assign.users")}>
          <Select<number[]>
            mode="multiple"
            loading={users.isPending}
            showSearch={{ optionFilterProp: "label" }}
            options={candidates.map((u) => ({
              value: u.id,
              label: `${aside(u.displayName, u.username)}${u.active ? "" : ` · ${t("users.inactive")}`}`,
            }))}
            data-testid="assign-users"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
