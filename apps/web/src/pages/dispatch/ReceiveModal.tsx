import { DISCREPANCY_OUTCOMES, type DiscrepancyOutcome } from "@relief/domain";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, DatePicker, Form, Input, Select, Table, type TableColumnsType, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { invalidateStock } from "../../components/stock/invalidate";
import { QuantityText } from "../../components/stock/QuantityText";
import { useReceivedQuantities } from "../../components/stock/useReceivedQuantities";
import type { StockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import { DATE_TIME_FORMAT, districtInstant, districtPickerValue } from "../../lib/format";
import { queryClient, trpc } from "../../trpc";
import type { OrderLine, OrderView } from "./orderTypes";

interface LineValues {
  quantity: number | null;
  outcome?: DiscrepancyOutcome;
  reason?: string;
  note?: string;
}

interface Values {
  signer: string;
  receivedAt: Dayjs;
  /** In the order of the order's lines, which is the order sent to the server. */
  lines: LineValues[];
}

/** Server issues name the line sent: `lines.2.quantity`, `lines.2.discrepancy(.outcome|.reason)`, `lines.2.note`. */
const LINE_FIELD =
  /^lines\.(\d+)\.(lineId|quantity|note|discrepancy|discrepancy\.outcome|discrepancy\.reason)$/;
const isField = (field: string) => ["signer", "receivedAt"].includes(field) || LINE_FIELD.test(field);
const placement = (field: string) =>
  field.replace(LINE_FIELD, (_whole, index: string, part: string) => {
    if (part === "discrepancy.reason") return `lines.${index}.reason`;
    if (part.startsWith("discrepancy")) return `lines.${index}.outcome`;
    if (part === "note") return `lines.${index}.note`;
    return `lines.${index}.quantity`;
  });

/**
 * 签收: the township's receipt, recorded by the dispatcher on its behalf — who signed, when, and per line what
 * arrived. A short line says what became of the difference (returned to the warehouse or lost) and why:
 * nothing is dropped silently.
 */
export function ReceiveModal({
  order,
  refs,
  onClose,
}: {
  order: OrderView;
  refs: StockRefs;
  onClose: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { failure, fail, clear } = useFormFailure(form, isField, placement);
  const { shortBy, receivedColumn } = useReceivedQuantities<OrderLine>(form, {
    field: "quantity",
    sent: (l) => l.quantity,
    unit: (l) => l.unit,
    title: t("orders.field.receivedQuantity"),
    width: 150,
    requiredMessage: t("orders.receive.quantityRequired"),
  });

  const receive = useMutation(
    trpc.dispatch.receive.mutationOptions({
      onSuccess: () => {
        void invalidateStock();
        void queryClient.invalidateQueries(trpc.dispatch.pathFilter());
        void queryClient.invalidateQueries(trpc.vehicles.pathFilter());
        void queryClient.invalidateQueries(trpc.agreements.pathFilter());
        message.success(t("orders.receive.done", { number: order.number }));
        onClose();
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    const values = await form.validateFields();
    clear();
    receive.mutate({
      orderId: order.id,
      signer: values.signer.trim(),
      receivedAt: districtInstant(values.receivedAt),
      lines: order.lines.map((line, index) => {
        const entry = values.lines[index];
        const quantity = entry?.quantity ?? line.quantity;
        return {
          lineId: line.id,
          quantity,
          note: entry?.note?.trim() || undefined,
          discrepancy:
            quantity < line.quantity && entry?.outcome
              ? { outcome: entry.outcome, reason: entry.reason?.trim() ?? "" }
              : undefined,
        };
      }),
    });
  };

  const columns: TableColumnsType<OrderLine> = [
    { title: t("orders.column.lineNo"), dataIndex: "lineNo", key: "lineNo", width: 48 },
    { title: t("stock.column.item"), dataIndex: "itemName", key: "item" },
    {
      title: t("orders.receive.sent"),
      key: "sent",
      align: "right",
      render: (_v, l) => <QuantityText value={l.quantity} unit={refs.unitOf(l.itemId, l.unit)} stacked />,
    },
    receivedColumn,
    {
      title: t("orders.receive.difference"),
      key: "difference",
      width: 320,
      render: (_v, l, index) => {
        const short = shortBy(l, index);
        if (short <= 0) return <span className="qty-zero">—</span>;
        return (
          <div className="receive-difference">
            <Typography.Text type="danger" data-testid={`receive-short-${index}`}>
              {t("orders.receive.short", { quantity: formatNumber(short), unit: l.unit })}
            </Typography.Text>
            <Form.Item
              name={["lines", index, "outcome"]}
              className="cell-form-item"
              rules={[{ required: true, message: t("orders.receive.outcomeRequired") }]}
            >
              <Select<DiscrepancyOutcome>
                placeholder={t("orders.field.discrepancyOutcome")}
                options={DISCREPANCY_OUTCOMES.map((value) => ({
                  value,
                  label: t(`orders.discrepancy.${value}`),
                }))}
                data-testid={`receive-outcome-${index}`}
              />
            </Form.Item>
            <Form.Item
              name={["lines", index, "reason"]}
              className="cell-form-item"
              rules={[{ required: true, whitespace: true, message: t("orders.receive.reasonRequired") }]}
            >
              <Input
                maxLength={500}
                placeholder={t("orders.field.discrepancyReason")}
                data-testid={`receive-reason-${index}`}
              />
            </Form.Item>
          </div>
        );
      },
    },
    {
      title: t("orders.column.note"),
      key: "note",
      render: (_v, _l, index) => (
        <Form.Item name={["lines", index, "note"]} className="cell-form-item">
          <Input maxLength={500} data-testid={`receive-note-${index}`} />
        </Form.Item>
      ),
    },
  ];

  return (
    <FormModal
      title={t("orders.receive.title", { number: order.number, area: order.areaName })}
      width={1000}
      okText={t("orders.receive.ok")}
      okTestId="receive-ok"
      pending={receive.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
      always
      intro={
        order.drill ? (
          <Alert className="form-alert" type="warning" showIcon title={t("orders.drillHint")} />
        ) : null
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="receive-order"
        initialValues={{
          signer: order.receiverName,
          receivedAt: districtPickerValue(new Date()),
          lines: order.lines.map((l) => ({ quantity: l.quantity })),
        }}
      >
        <div className="receive-header">
          <Form.Item
            name="signer"
            label={t("orders.field.signer")}
            rules={[{ required: true, whitespace: true, message: t("orders.receive.signerRequired") }]}
          >
            <Input maxLength={60} data-testid="receive-signer" />
          </Form.Item>
          <Form.Item
            name="receivedAt"
            label={t("orders.field.receivedAt")}
            rules={[{ required: true, message: t("orders.receive.timeRequired") }]}
          >
            <DatePicker showTime={{ format: "HH:mm" }} format={DATE_TIME_FORMAT} data-testid="receive-time" />
          </Form.Item>
        </div>
        <Table<OrderLine>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={order.lines}
          pagination={false}
          scroll={{ x: "max-content" }}
          data-testid="receive-lines"
        />
      </Form>
    </FormModal>
  );
}
