import { Form, type FormInstance, InputNumber, type TableColumnType } from "antd";

/** A receipt form's line values, as watched: only the received quantity matters here. */
type EnteredLine = Partial<Record<string, number | null>> | undefined;

/**
 * The received-quantity cell of a 签收 dialog's line table (form field `lines.<index>.<field>`, at most what was
 * sent, whole numbers) and how much each line falls short, read from the watched form: a line not yet edited or
 * left empty counts as received in full, as the dialogs send it.
 */
export function useReceivedQuantities<Line>(
  form: FormInstance,
  {
    field,
    sent,
    unit,
    title,
    width,
    requiredMessage,
  }: {
    field: string;
    sent: (line: Line) => number;
    unit: (line: Line) => string;
    title: string;
    width: number;
    requiredMessage: string;
  },
) {
  const entered: EnteredLine[] = Form.useWatch("lines", form) ?? [];
  const shortBy = (line: Line, index: number) => sent(line) - (entered[index]?.[field] ?? sent(line));
  const receivedColumn: TableColumnType<Line> = {
    title,
    key: "received",
    width,
    render: (_v, line, index) => (
      <Form.Item
        name={["lines", index, field]}
        className="cell-form-item"
        rules={[{ required: true, message: requiredMessage }]}
      >
        <InputNumber<number>
          min={0}
          max={sent(line)}
          precision={0}
          className="full-width"
          suffix={unit(line)}
          data-testid={`receive-quantity-${index}`}
        />
      </Form.Item>
    ),
  };
  return { shortBy, receivedColumn };
}
