import { useMutation, useQuery } from "@tanstack/react-query";
import { Col, Form, Input, InputNumber, Row, Select, Switch } from "antd";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal, useSaved } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import {
  WAREHOUSE_KINDS,
  type WarehouseInput,
  type WarehouseKind,
  type WarehouseView,
} from "../../lib/api-types";
import { trpc } from "../../trpc";

interface WarehouseValues {
  code: string;
  name: string;
  kind?: WarehouseKind;
  organisation: string;
  enterpriseId?: number | null;
  areaId?: number;
  address?: string;
  lat?: number | null;
  lon?: number | null;
  capacityM3?: number | null;
  capacityM2?: number | null;
  manager?: string;
  phone?: string;
  loadMinutes?: number;
  active: boolean;
}

const FIELDS = [
  "code",
  "name",
  "kind",
  "organisation",
  "enterpriseId",
  "areaId",
  "address",
  "lat",
  "lon",
  "capacityM3",
  "capacityM2",
  "manager",
  "phone",
  "loadMinutes",
  "active",
] as const;

/** Creates or edits a warehouse of the register. */
export function WarehouseFormModal({
  warehouse,
  onClose,
}: {
  warehouse: WarehouseView | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<WarehouseValues>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const areas = useQuery(trpc.areas.list.queryOptions());
  const townships = (areas.data?.areas ?? []).filter((a) => a.level === "township");
  const kind = Form.useWatch("kind", form);
  const onSuccess = useSaved(onClose, trpc.warehouses.pathFilter());
  const create = useMutation(trpc.warehouses.create.mutationOptions({ onSuccess, onError: fail }));
  const update = useMutation(trpc.warehouses.update.mutationOptions({ onSuccess, onError: fail }));

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    const input: WarehouseInput = {
      code: v.code.trim(),
      name: v.name.trim(),
      kind: v.kind ?? "civil_affairs",
      organisation: v.organisation.trim(),
      enterpriseId: v.kind === "enterprise" ? (v.enterpriseId ?? null) : null,
      areaId: v.areaId ?? 0,
      address: v.address?.trim() ?? "",
      lat: v.lat ?? null,
      lon: v.lon ?? null,
      capacityM3: v.capacityM3 ?? null,
      capacityM2: v.capacityM2 ?? null,
      manager: v.manager?.trim() ?? "",
      phone: v.phone?.trim() ?? "",
      loadMinutes: v.loadMinutes ?? 120,
      active: v.active,
    };
    if (warehouse) update.mutate({ id: warehouse.id, ...input });
    else create.mutate(input);
  };

  return (
    <FormModal
      title={
        warehouse
          ? t("warehouses.form.editTitle", { name: warehouse.name })
          : t("warehouses.form.createTitle")
      }
      width={760}
      okTestId="warehouse-form-ok"
      pending={create.isPending || update.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
    >
      <Form<WarehouseValues>
        form={form}
        layout="vertical"
        name="warehouse"
        initialValues={warehouse ?? { active: true, kind: "township_point", loadMinutes: 120 }}
      >
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item
              name="code"
              label={t("catalog.column.code")}
              rules={[{ required: true, whitespace: true, message: t("catalog.form.codeRequired") }]}
            >
              <Input maxLength={20} data-testid="warehouse-form-code" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="name"
              label={t("catalog.column.name")}
              rules={[{ required: true, whitespace: true, message: t("catalog.form.nameRequired") }]}
            >
              <Input maxLength={60} data-testid="warehouse-form-name" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="kind" label={t("warehouses.column.kind")} rules={[{ required: true }]}>
              <Select<WarehouseKind>
                data-testid="warehouse-form-kind"
                options={WAREHOUSE_KINDS.map((value) => ({ value, label: t(`warehouseKind.${value}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="organisation"
              label={t("warehouses.column.organisation")}
              rules={[
                { required: true, whitespace: true, message: t("warehouses.form.organisationRequired") },
              ]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="areaId"
              label={t("warehouses.column.township")}
              rules={[{ required: true, message: t("warehouses.form.townshipRequired") }]}
            >
              <Select<number>
                showSearch={{ optionFilterProp: "label" }}
                loading={areas.isPending}
                options={townships.map((a) => ({ value: a.id, label: a.name }))}
                data-testid="warehouse-form-township"
              />
            </Form.Item>
          </Col>
        </Row>
        {kind === "enterprise" && (
          <Form.Item
            name="enterpriseId"
            label={t("warehouses.form.enterprise")}
            extra={t("warehouses.form.enterpriseHint")}
          >
            <EnterpriseSelect
              allowClear
              onChange={(_id, chosen) => {
                if (chosen && !form.getFieldValue("organisation"))
                  form.setFieldValue("organisation", chosen.name);
              }}
              data-testid="warehouse-form-enterprise"
            />
          </Form.Item>
        )}
        <Form.Item name="address" label={t("warehouses.column.address")}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="capacityM3" label={t("warehouses.form.capacityM3")}>
              <InputNumber<number> min={0} className="full-width" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="capacityM2" label={t("warehouses.form.capacityM2")}>
              <InputNumber<number> min={0} className="full-width" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="lat" label={t("areas.form.lat")}>
              <InputNumber<number> min={-90} max={90} step={0.001} className="full-width" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="lon" label={t("areas.form.lon")}>
              <InputNumber<number> min={-180} max={180} step={0.001} className="full-width" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="manager" label={t("warehouses.column.manager")}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="phone" label={t("warehouses.column.phone")}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="loadMinutes"
              label={t("warehouses.column.loadMinutes")}
              tooltip={t("warehouses.form.loadMinutesHint")}
            >
              <InputNumber<number>
                min={0}
                max={1440}
                precision={0}
                className="full-width"
                suffix={t("warehouses.minutes")}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="active" label={t("catalog.column.active")} valuePropName="checked">
          <Switch checkedChildren={t("users.active")} unCheckedChildren={t("users.inactive")} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
