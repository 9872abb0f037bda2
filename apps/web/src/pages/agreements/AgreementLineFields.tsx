import {
  Col,
  Flex,
  Form,
  type FormListFieldData,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from "antd";
import type { useItemUnits } from "../../components/agreements/lines";
import { RemoveRowButton } from "../../components/RemoveRowButton";
import { ItemSelect } from "../../components/stock/Pickers";
import { useI18n } from "../../i18n";
import { type AgreementKind, VEHICLE_TYPES, type VehicleType, type WarehouseView } from "../../lib/api-types";
import { toBaseQuantity, unitOptions } from "../../lib/quantity";

export interface LineValues {
  /** An existing line being edited: sent back so its records stay attached. */
  id?: number;
  itemId?: number | null;
  vehicleType?: VehicleType | null;
  quantity?: number | null;
  unit?: string;
  warehouseId?: number | null;
  responseHours?: number | null;
  unitPrice?: number | null;
  reserveFund?: number | null;
  rotationDuty?: string;
}

/**
 * One line of the agreement form, its fields following the kind: stock (item, quantity and unit, the enterprise
 * warehouse holding it, prices, rotation duty), production (item and units per day), transport (truck class and
 * count); every kind has a response time.
 */
export function AgreementLineFields({
  field,
  kind,
  units,
  warehouses,
  enterpriseChosen,
  onRemove,
}: {
  field: FormListFieldData;
  kind: AgreementKind;
  units: ReturnType<typeof useItemUnits>;
  warehouses: readonly WarehouseView[];
  enterpriseChosen: boolean;
  onRemove: (() => void) | undefined;
}) {
  const { t, formatNumber, aside } = useI18n();
  const form = Form.useFormInstance<{ lines: LineValues[] }>();
  const index = field.name;
  const line: LineValues = Form.useWatch(["lines", index], form) ?? {};
  const item = units.item(line.itemId);
  const testId = (part: string) => `agreement-line-${index}-${part}`;
  const base =
    item && typeof line.quantity === "number" ? toBaseQuantity(line.quantity, line.unit, item) : null;
  const conversion =
    item && base !== null && line.unit && line.unit !== item.baseUnit
      ? t("stock.line.equals", { quantity: `${formatNumber(base)} ${item.baseUnit}` })
      : undefined;

  const onItemChange = (itemId: number | undefined) => {
    form.setFieldValue(["lines", index, "unit"], units.item(itemId)?.baseUnit);
  };

  const header = (
    <Flex justify="space-between" align="center" className="agreement-line-header">
      <Typography.Text type="secondary">
        {t("agreements.form.lineNo", { no: index + 1 })}
        {line.id !== undefined && ` · ${t("agreements.form.existingLine")}`}
      </Typography.Text>
      {onRemove && (
        <RemoveRowButton
          small
          label={t("agreements.form.removeLine")}
          onClick={onRemove}
          testId={testId("remove")}
        />
      )}
    </Flex>
  );

  const responseHours = (
    <Form.Item
      name={[index, "responseHours"]}
      label={t("agreements.form.responseHours")}
      rules={[{ required: true, message: t("agreements.form.responseRequired") }]}
    >
      <InputNumber<number>
        min={1}
        max={720}
        precision={0}
        className="full-width"
        data-testid={testId("hours")}
      />
    </Form.Item>
  );

  if (kind === "transport") {
    return (
      // Keyed by kind: fields of another kind start afresh, without the errors of the fields they replace.
      <div key={kind} className="stock-line" data-testid={`agreement-line-${index}`}>
        {header}
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item
              name={[index, "vehicleType"]}
              label={t("agreements.form.vehicleType")}
              rules={[{ required: true, message: t("agreements.form.vehicleRequired") }]}
            >
              <Select<VehicleType>
                options={VEHICLE_TYPES.map((value) => ({ value, label: t(`vehicleType.${value}`) }))}
                data-testid={testId("vehicle")}
              />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item
              name={[index, "quantity"]}
              label={t("agreements.form.quantity.transport")}
              rules={[{ required: true, message: t("agreements.form.quantityRequired") }]}
            >
              <InputNumber<number>
                min={1}
                precision={0}
                className="full-width"
                suffix={t("agreements.unit.truck")}
                data-testid={testId("quantity")}
              />
            </Form.Item>
          </Col>
          <Col span={7}>{responseHours}</Col>
        </Row>
      </div>
    );
  }

  return (
    <div key={kind} className="stock-line" data-testid={`agreement-line-${index}`}>
      {header}
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            name={[index, "itemId"]}
            label={t("agreements.form.item")}
            rules={[{ required: true, message: t("stock.line.itemRequired") }]}
          >
            <ItemSelect items={units.items} onChange={onItemChange} data-testid={testId("item")} />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item
            label={t(
              kind === "production"
                ? "agreements.form.quantity.production"
                : "agreements.form.quantity.stock",
            )}
            extra={conversion}
            required
          >
            <Space.Compact block className="qty-group">
              <Form.Item
                name={[index, "quantity"]}
                noStyle
                rules={[{ required: true, message: t("agreements.form.quantityRequired") }]}
              >
                <InputNumber<number>
                  className="stock-line-quantity"
                  min={1}
                  precision={0}
                  placeholder={t("stock.line.quantity")}
                  data-testid={testId("quantity")}
                />
              </Form.Item>
              <Form.Item name={[index, "unit"]} noStyle>
                <Select
                  className="stock-line-unit"
                  popupMatchSelectWidth={false}
                  labelRender={(option) =>
                    `${option.value}${kind === "production" ? t("agreements.perDay") : ""}`
                  }
                  options={item ? unitOptions(item, { aside }) : []}
                  placeholder={t("stock.line.unit")}
                  data-testid={testId("unit")}
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item
            name={[index, "warehouseId"]}
            label={t(kind === "stock" ? "agreements.form.warehouse" : "agreements.form.warehouseOptional")}
            rules={
              kind === "stock" ? [{ required: true, message: t("agreements.form.warehouseRequired") }] : []
            }
          >
            <Select<number>
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              placeholder={t(
                enterpriseChosen ? "stock.pickWarehouse" : "agreements.form.pickEnterpriseFirst",
              )}
              notFoundContent={t(
                enterpriseChosen
                  ? "agreements.form.noWarehousesShort"
                  : "agreements.form.pickEnterpriseFirst",
              )}
              options={warehouses.map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))}
              data-testid={testId("warehouse")}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={4}>{responseHours}</Col>
        <Col span={5}>
          <Form.Item name={[index, "unitPrice"]} label={t("agreements.form.unitPrice")}>
            <InputNumber<number>
              min={0}
              precision={2}
              step={0.01}
              className="full-width"
              data-testid={testId("price")}
            />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name={[index, "reserveFund"]} label={t("agreements.form.reserveFund")}>
            <InputNumber<number>
              min={0}
              precision={2}
              step={100}
              className="full-width"
              data-testid={testId("fund")}
            />
          </Form.Item>
        </Col>
        {kind === "stock" && (
          <Col span={10}>
            <Form.Item name={[index, "rotationDuty"]} label={t("agreements.form.rotationDuty")}>
              <Input
                maxLength={200}
                placeholder={t("agreements.form.rotationPlaceholder")}
                data-testid={testId("rotation")}
              />
            </Form.Item>
          </Col>
        )}
      </Row>
    </div>
  );
}
