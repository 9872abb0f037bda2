import { Form, InputNumber, Select, Space } from "antd";
import { useI18n } from "../../i18n";
import { type UnitInfo, unitOptions } from "../../lib/quantity";

/**
 * A quantity and the unit it is counted in (the base unit or one of the item's packs), side by side under one
 * label. The form converts with the unit's pack size; the server checks again.
 */
export function QuantityUnitInput({
  label,
  extra,
  name = "quantity",
  unitName = "unit",
  unit,
  min = 0,
  requiredMessage,
  testId,
  unitTestId,
}: {
  label: string;
  extra?: React.ReactNode;
  name?: string;
  unitName?: string;
  unit: UnitInfo;
  min?: number;
  /** Set for a required quantity: the message shown when it is left empty. */
  requiredMessage?: string;
  testId: string;
  unitTestId?: string;
}) {
  const { aside } = useI18n();
  return (
    <Form.Item label={label} extra={extra} required={requiredMessage !== undefined}>
      <Space.Compact block className="qty-group">
        <Form.Item
          name={name}
          noStyle
          rules={requiredMessage === undefined ? undefined : [{ required: true, message: requiredMessage }]}
        >
          <InputNumber<number> className="stock-line-quantity" min={min} precision={0} data-testid={testId} />
        </Form.Item>
        <Form.Item name={unitName} noStyle>
          <Select
            className="stock-line-unit"
            popupMatchSelectWidth={false}
            labelRender={(option) => option.value}
            options={unitOptions(unit, { aside })}
            data-testid={unitTestId}
          />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}
