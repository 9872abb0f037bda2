import { useMutation } from "@tanstack/react-query";
import { Col, Form, Input, InputNumber, Radio, Row, Select, Switch } from "antd";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal, useSaved } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import {
  FLEET_VEHICLE_TYPES,
  type FleetVehicleType,
  MAX_VEHICLE_PAYLOAD_KG,
  MAX_VEHICLE_VOLUME_M3,
  normalizePlate,
  PLATE_EXAMPLES,
  type Role,
  TRUCK_CLASSES,
  VEHICLE_OWNERS,
  VEHICLE_STATUSES,
  type VehicleFormOptions,
  type VehicleInput,
  type VehicleOwner,
  type VehicleStatus,
  type VehicleView,
} from "../../lib/api-types";
import { canEditVehicle } from "../../lib/roles";
import { trpc } from "../../trpc";

interface VehicleValues {
  plate: string;
  type: FleetVehicleType;
  payloadKg: number;
  volumeM3: number;
  homeWarehouseId?: number;
  driver?: string;
  phone?: string;
  status: VehicleStatus;
  owner: VehicleOwner;
  agreementLineId?: number | null;
  note?: string | null;
  active: boolean;
}

const FIELD_NAMES = [
  "plate",
  "type",
  "payloadKg",
  "volumeM3",
  "homeWarehouseId",
  "driver",
  "phone",
  "status",
  "owner",
  "agreementLineId",
  "note",
];
const FIELDS = (field: string) => FIELD_NAMES.includes(field);

/** A truck class's payload and volume, the defaults a vehicle of that type starts from. */
const preset = (type: FleetVehicleType) => (type === "other" ? {} : TRUCK_CLASSES[type]);

/**
 * Registers or edits a vehicle. Choosing a truck class fills in its payload and volume; an agreement truck
 * names its agreement line: a transport line, whose truck class it takes, or a stock line, whose enterprise
 * delivers the called-off goods with it from the line's site, its home. The commerce bureau registers
 * agreement trucks only, so the owner is fixed for it.
 */
export function VehicleFormModal({
  vehicle,
  options,
  role,
  onClose,
}: {
  vehicle: VehicleView | null;
  options: VehicleFormOptions | undefined;
  role: Role;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<VehicleValues>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const onSuccess = useSaved(onClose, trpc.vehicles.pathFilter());
  const create = useMutation(trpc.vehicles.create.mutationOptions({ onSuccess, onError: fail }));
  const update = useMutation(trpc.vehicles.update.mutationOptions({ onSuccess, onError: fail }));
  const owner = Form.useWatch("owner", form) ?? vehicle?.owner ?? "government";
  const owners = VEHICLE_OWNERS.filter((o) => canEditVehicle(role, o));
  const lines = options?.agreementLines ?? [];

  const onValuesChange = (changed: Partial<VehicleValues>) => {
    if (changed.type) form.setFieldsValue(preset(changed.type));
    if (changed.agreementLineId) {
      const line = lines.find((l) => l.id === changed.agreementLineId);
      // A transport line fixes the truck class; a stock line, the home (the site the goods are held at).
      if (line?.vehicleType) form.setFieldsValue({ type: line.vehicleType, ...preset(line.vehicleType) });
      if (line?.warehouseId) form.setFieldsValue({ homeWarehouseId: line.warehouseId });
    }
    if (changed.owner === "government") form.setFieldsValue({ agreementLineId: null });
  };

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    const note = v.note?.trim() ?? "";
    const input: VehicleInput = {
      plate: normalizePlate(v.plate),
      type: v.type,
      payloadKg: v.payloadKg,
      volumeM3: v.volumeM3,
      homeWarehouseId: v.homeWarehouseId ?? 0,
      driver: v.driver?.trim() ?? "",
      phone: v.phone?.trim() ?? "",
      status: v.status,
      owner: v.owner,
      agreementLineId: v.owner === "agreement" ? (v.agreementLineId ?? null) : null,
      note: note === "" ? null : note,
      active: v.active,
    };
    if (vehicle) update.mutate({ id: vehicle.id, ...input });
    else create.mutate(input);
  };

  return (
    <FormModal
      title={
        vehicle ? t("vehicles.form.editTitle", { plate: vehicle.plate }) : t("vehicles.form.createTitle")
      }
      width={720}
      okTestId="vehicle-form-ok"
      pending={create.isPending || update.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
    >
      <Form<VehicleValues>
        form={form}
        layout="vertical"
        name="vehicle"
        onValuesChange={onValuesChange}
        initialValues={
          vehicle ?? {
            type: "light",
            ...TRUCK_CLASSES.light,
            status: "available",
            owner: owners[0] ?? "government",
            agreementLineId: null,
            active: true,
          }
        }
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="plate"
              label={t("vehicles.column.plate")}
              tooltip={t("vehicles.form.plateHint", {
                ordinary: PLATE_EXAMPLES[0],
                newEnergy: PLATE_EXAMPLES[2],
              })}
              normalize={(value: string | undefined) => (value ? normalizePlate(value) : value)}
              rules={[{ required: true, message: t("vehicles.form.plateRequired") }]}
            >
              <Input maxLength={12} className="plate" data-testid="vehicle-form-plate" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="owner" label={t("vehicles.column.owner")}>
              <Radio.Group
                disabled={owners.length < 2}
                options={VEHICLE_OWNERS.map((value) => ({ value, label: t(`vehicles.owner.${value}`) }))}
                data-testid="vehicle-form-owner"
              />
            </Form.Item>
          </Col>
        </Row>
        {owner === "agreement" && (
          <Form.Item
            name="agreementLineId"
            label={t("vehicles.form.line")}
            rules={[{ required: true, message: t("vehicles.form.lineRequired") }]}
          >
            <Select<number>
              placeholder={t("vehicles.form.linePlaceholder")}
              options={[
                {
                  label: t("vehicles.form.transportLines"),
                  options: lines.flatMap((l) =>
                    l.vehicleType
                      ? [
                          {
                            value: l.id,
                            label: t("vehicles.form.lineLabel", {
                              number: l.agreementNumber,
                              line: l.lineNo,
                              enterprise: l.enterpriseName,
                              type: t(`vehicles.type.${l.vehicleType}`),
                              registered: l.registered,
                              quantity: l.quantity,
                              hours: l.responseHours,
                            }),
                          },
                        ]
                      : [],
                  ),
                },
                {
                  label: t("vehicles.form.stockLines"),
                  options: lines.flatMap((l) =>
                    l.kind === "stock"
                      ? [
                          {
                            value: l.id,
                            label: t("vehicles.form.stockLineLabel", {
                              number: l.agreementNumber,
                              line: l.lineNo,
                              enterprise: l.enterpriseName,
                              item: l.itemName ?? "",
                              warehouse: l.warehouseName ?? "",
                              registered: l.registered,
                              hours: l.responseHours,
                            }),
                          },
                        ]
                      : [],
                  ),
                },
              ].filter((group) => group.options.length > 0)}
              data-testid="vehicle-form-line"
            />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="type" label={t("vehicles.column.type")} tooltip={t("vehicles.form.typeHint")}>
              <Select<FleetVehicleType>
                options={FLEET_VEHICLE_TYPES.map((value) => ({ value, label: t(`vehicles.type.${value}`) }))}
                data-testid="vehicle-form-type"
              />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="payloadKg" label={t("vehicles.column.payload")} rules={[{ required: true }]}>
              <InputNumber
                min={1}
                max={MAX_VEHICLE_PAYLOAD_KG}
                precision={0}
                style={{ width: "100%" }}
                data-testid="vehicle-form-payload"
              />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="volumeM3" label={t("vehicles.column.volume")} rules={[{ required: true }]}>
              <InputNumber
                min={0.1}
                max={MAX_VEHICLE_VOLUME_M3}
                precision={1}
                style={{ width: "100%" }}
                data-testid="vehicle-form-volume"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="homeWarehouseId"
              label={t("vehicles.column.home")}
              rules={[{ required: true, message: t("vehicles.form.homeRequired") }]}
            >
              <Select<number>
                showSearch={{ optionFilterProp: "label" }}
                options={(options?.warehouses ?? []).map((w) => ({
                  value: w.id,
                  label: `${w.name} ${w.code}`,
                }))}
                data-testid="vehicle-form-home"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="status" label={t("vehicles.column.status")} rules={[{ required: true }]}>
              <Select<VehicleStatus>
                options={VEHICLE_STATUSES.map((value) => ({ value, label: t(`vehicles.status.${value}`) }))}
                data-testid="vehicle-form-status"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="driver" label={t("vehicles.column.driver")}>
              <Input maxLength={30} data-testid="vehicle-form-driver" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t("vehicles.form.phone")}>
              <Input maxLength={30} data-testid="vehicle-form-phone" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={18}>
            <Form.Item name="note" label={t("vehicles.form.note")}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="active"
              label={t("vehicles.form.active")}
              tooltip={t("vehicles.form.activeHint")}
              valuePropName="checked"
            >
              <Switch data-testid="vehicle-form-active" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
