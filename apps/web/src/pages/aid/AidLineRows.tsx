import { PlusOutlined } from "@ant-design/icons";
import { Button, Col, Flex, Form, InputNumber, Row, Select } from "antd";
import type { ReactNode } from "react";
import { RemoveRowButton } from "../../components/RemoveRowButton";
import { useI18n } from "../../i18n";

export interface ItemOption {
  id: number;
  code: string;
  name: string;
  baseUnit: string;
}

export interface AidLineValues {
  itemId?: number;
  quantity?: number | null;
}

/**
 * The `lines` of an aid form, one item and a whole quantity in its base unit a row (the server numbers its
 * refusals `lines.N.…`, shown beside the row). `extra` adds a row's further fields (lot, dates) after them.
 */
export function AidLineRows({
  items,
  extra,
  itemSpan = 12,
  testId = "aid-line",
}: {
  items: readonly ItemOption[];
  extra?: (index: number) => ReactNode;
  itemSpan?: number;
  testId?: string;
}) {
  const { t } = useI18n();
  const unitOf = new Map(items.map((i) => [i.id, i.baseUnit]));
  const codeOf = new Map(items.map((i) => [i.id, i.code]));
  const lines: Array<AidLineValues | undefined> | undefined = Form.useWatch("lines");
  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => (
        <Flex vertical gap={0}>
          {fields.map((field) => (
            <Row
              key={field.key}
              gutter={8}
              align="top"
              data-testid={`${testId}-${field.name}`}
              data-item={codeOf.get(lines?.[field.name]?.itemId ?? 0) ?? ""}
            >
              <Col span={itemSpan}>
                <Form.Item
                  name={[field.name, "itemId"]}
                  rules={[{ required: true, message: t("aid.form.itemRequired") }]}
                >
                  <Select<number>
                    showSearch={{ optionFilterProp: "label" }}
                    placeholder={t("aid.field.item")}
                    options={items.map((i) => ({ value: i.id, label: `${i.name} · ${i.code}` }))}
                    data-testid={`${testId}-${field.name}-item`}
                  />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => (
                    <Form.Item
                      name={[field.name, "quantity"]}
                      rules={[{ required: true, message: t("aid.form.quantityRequired") }]}
                    >
                      <InputNumber
                        min={1}
                        precision={0}
                        className="full-width"
                        placeholder={t("aid.form.quantity")}
                        addonAfter={unitOf.get(getFieldValue(["lines", field.name, "itemId"])) ?? ""}
                        data-testid={`${testId}-${field.name}-quantity`}
                      />
                    </Form.Item>
                  )}
                </Form.Item>
              </Col>
              {extra?.(field.name)}
              <Col span={2}>
                <RemoveRowButton
                  label={t("common.delete")}
                  onClick={() => remove(field.name)}
                  testId={`${testId}-${field.name}-remove`}
                />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid={`${testId}-add`}>
            {t("aid.form.addLine")}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

/** Server field paths of the `lines` list and the named fields, placed beside their inputs. */
export function aidFields(names: readonly string[]) {
  return (field: string) =>
    names.includes(field) || field.startsWith("lines.") || field.startsWith("trucks.");
}
