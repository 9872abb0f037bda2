import { useMutation } from "@tanstack/react-query";
import { Alert, App, Descriptions, Form, Input } from "antd";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { invalidateStock } from "../../components/stock/invalidate";
import { QuantityText } from "../../components/stock/QuantityText";
import { QuantityUnitInput } from "../../components/stock/QuantityUnitInput";
import { useI18n } from "../../i18n";
import type { BalanceRow } from "../../lib/api-types";
import type { UnitInfo } from "../../lib/quantity";
import { trpc } from "../../trpc";

interface HoldValues {
  quantity: number;
  unit: string;
  note: string;
}

/** The dialog posts one line: the server's `lines.0.*` issues go beside the quantity. */
const FIELDS = ["note", "lines.0.quantity", "lines.0.unit", "lines.0.lotId", "lines.0.itemId"];
const placement = (field: string) => (field.startsWith("lines.0.") ? "quantity" : field);

/** 冻结 / 解冻 part of one balance (pending inspection, say): held stock is not available. */
export function HoldModal({
  row,
  unit,
  direction,
  onClose,
}: {
  row: BalanceRow;
  unit: UnitInfo;
  direction: "hold" | "unhold";
  onClose: () => void;
}) {
  const { t, aside } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<HoldValues>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS, placement);
  const options = {
    onSuccess: (doc: { number: string }) => {
      void invalidateStock();
      message.success(t("posting.done", { number: doc.number }));
      onClose();
    },
    onError: fail,
  };
  const hold = useMutation(trpc.stock.hold.mutationOptions(options));
  const unhold = useMutation(trpc.stock.unhold.mutationOptions(options));
  const mutation = direction === "hold" ? hold : unhold;
  const limit = direction === "hold" ? row.onHand - row.reserved - row.onHold : row.onHold;

  const submit = async () => {
    const values = await form.validateFields();
    clear();
    mutation.mutate({
      warehouseId: row.warehouseId,
      note: values.note.trim(),
      lines: [
        {
          itemId: row.itemId,
          lotId: row.lotId,
          ownership: row.ownership,
          quantity: values.quantity,
          ...(values.unit !== unit.baseUnit && { unit: values.unit }),
        },
      ],
    });
  };

  return (
    <FormModal
      title={t(direction === "hold" ? "stock.hold.title" : "stock.unhold.title")}
      okText={t(direction === "hold" ? "stock.hold.ok" : "stock.unhold.ok")}
      okTestId="hold-ok"
      pending={mutation.isPending}
      onOk={submit}
      onClose={onClose}
      failure={failure}
      always
    >
      <Descriptions
        size="small"
        column={1}
        className="modal-descriptions"
        items={[
          { key: "where", label: t("stock.column.warehouse"), children: row.warehouseName },
          { key: "item", label: t("stock.column.item"), children: `${row.itemCode} ${row.itemName}` },
          {
            key: "lot",
            label: t("stock.column.lot"),
            children: aside(row.lotCode, t(`ownership.${row.ownership}`)),
          },
          {
            key: "limit",
            label: t(direction === "hold" ? "stock.hold.free" : "stock.column.onHold"),
            children: <QuantityText value={limit} unit={unit} />,
          },
        ]}
      />
      {direction === "hold" && (
        <Alert className="form-alert" type="info" showIcon title={t("stock.hold.hint")} />
      )}
      <Form<HoldValues> form={form} layout="vertical" initialValues={{ unit: unit.baseUnit }} name="hold">
        <QuantityUnitInput
          label={t("stock.line.quantity")}
          unit={unit}
          min={1}
          requiredMessage={t("stock.line.quantityRequired")}
          testId="hold-quantity"
        />
        <Form.Item
          name="note"
          label={t("stock.hold.note")}
          rules={[{ required: true, whitespace: true, message: t("stock.hold.noteRequired") }]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="hold-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
