import { warehouseOwner } from "@relief/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Col, Form, Input, InputNumber, Row, Select, Switch } from "antd";
import { useCurrentUser } from "../../auth/current-user";
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
import { canEditWarehouse } from "../../lib/roles";
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

/** The partner enterprise a new site is registered for, when the form is opened from its page. */
export interface SiteOf {
  id: number;
  name: string;
  areaId: number | null;
}

/** What a new warehouse starts as: a site of `siteOf`, or the first kind the user may register. */
function newWarehouse(kinds: readonly WarehouseKind[], siteOf: SiteOf | undefined): Partial<WarehouseValues> {
  const defaults = { active: true, loadMinutes: 120 };
  if (siteOf) {
    return {
      ...defaults,
      kind: "enterprise",
      enterpriseId: siteOf.id,
      organisation: siteOf.name,
      areaId: siteOf.areaId ?? undefined,
    };
  }
  return { ...defaults, kind: kinds.includes("township_point") ? "township_point" : kinds[0] };
}

/**
 * Creates or edits a warehouse of the register; from an enterprise's page, a new site of that enterprise
 * (kind and enterprise fixed, its name as the organisation). Only the kinds the user's bureau keeps are offered.
 */
export function WarehouseFormModal({
  warehouse,
  siteOf,
  onClose,
}: {
  warehouse: WarehouseView | null;
  siteOf?: SiteOf;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [form] = Form.useForm<WarehouseValues>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const areas = useQuery(trpc.areas.list.queryOptions());
  const townships = (areas.data?.areas ?? []).filter((a) => a.level === "township");
  const kind = Form.useWatch("kind", form);
  const kinds = WAREHOUSE_KINDS.filter((k) =>
    canEditWarehouse(user.role, { owner: warehouseOwner({ kind: k }) }),
  );
  // Every list that names sites follows at once: the register, pickers (the agreement form's), the enterprise's page.
  const onSuccess = useSaved(
    onClose,
    trpc.warehouses.pathFilter(),
    trpc.enterprises.pathFilter(),
    trpc.agreements.pathFilter(),
  );
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
          : siteOf
            ? t("warehouses.form.siteTitle", { name: siteOf.name })
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
        initialValues={warehouse ?? newWarehouse(kinds, siteOf)}
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
                disabled={siteOf !== undefined}
                options={WAREHOUSE_KINDS.map((value) => ({
                  value,
                  label: t(`warehouseKind.${value}`),
                  disabled: !kinds.includes(value) && value !== warehouse?.kind,
                }))}
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
            rules={[{ required: true, message: t("warehouses.form.enterpriseRequired") }]}
          >
            <EnterpriseSelect
              allowClear
              disabled={siteOf !== undefined}
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
