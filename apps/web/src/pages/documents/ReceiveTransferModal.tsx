import { useMutation } from "@tanstack/react-query";
import { Alert, App, Form, Input, Table, type TableColumnsType, Typography } from "antd";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { invalidateStock } from "../../components/stock/invalidate";
import { QuantityText } from "../../components/stock/QuantityText";
import { useReceivedQuantities } from "../../components/stock/useReceivedQuantities";
import type { StockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import type { DocumentDetail, Ownership } from "../../lib/api-types";
import { trpc } from "../../trpc";

interface SentLine {
  key: string;
  itemId: number;
  itemName: string;
  baseUnit: string;
  lotId: number;
  lotCode: string;
  ownership: Ownership;
  sent: number;
}

interface ReceiveValues {
  /** In the order of `sentLines`, which is the order of the lines sent to the server. */
  lines: Array<{ receivedQuantity: number | null }>;
  note?: string;
}

/** Server issues name the line sent (`lines.2.receivedQuantity`, `lines.2.lotId`): all go beside its quantity. */
const LINE_FIELD = /^lines\.(\d+)\.(itemId|lotId|ownership|receivedQuantity)$/;
const isField = (field: string) => field === "note" || LINE_FIELD.test(field);
const placement = (field: string) => field.replace(LINE_FIELD, "lines.$1.receivedQuantity");

/** What a transfer sent to its destination, one line per item × lot × ownership. */
function sentLines(doc: DocumentDetail): SentLine[] {
  const lines = new Map<string, SentLine>();
  for (const line of doc.lines) {
    if (line.warehouseId !== doc.counterpartWarehouseId || line.inTransitDelta <= 0) continue;
    const key = `${line.itemId}-${line.lotId}-${line.ownership}`;
    const entry = lines.get(key) ?? {
      key,
      itemId: line.itemId,
      itemName: line.itemName,
      baseUnit: line.baseUnit,
      lotId: line.lotId,
      lotCode: line.lotCode,
      ownership: line.ownership as Ownership,
      sent: 0,
    };
    entry.sent += line.inTransitDelta;
    lines.set(key, entry);
  }
  return [...lines.values()];
}

/**
 * 签收: the destination confirms what arrived, line by line. Anything short leaves transit without entering
 * stock and must be explained in the note.
 */
export function ReceiveTransferModal({
  doc,
  refs,
  onClose,
}: {
  doc: DocumentDetail;
  refs: StockRefs;
  onClose: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReceiveValues>();
  const { failure, fail, clear } = useFormFailure(form, isField, placement);
  const lines = sentLines(doc);
  const { shortBy, receivedColumn } = useReceivedQuantities<SentLine>(form, {
    field: "receivedQuantity",
    sent: (l) => l.sent,
    unit: (l) => l.baseUnit,
    title: t("documents.receive.received"),
    width: 190,
    requiredMessage: t("stock.line.quantityRequired"),
  });
  const short = lines.reduce((sum, l, index) => sum + Math.max(0, shortBy(l, index)), 0);

  const receive = useMutation(
    trpc.stock.receiveTransfer.mutationOptions({
      onSuccess: (document) => {
        void invalidateStock();
        message.success(t("documents.receive.done", { number: document.number }));
        onClose();
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    const values = await form.validateFields();
    clear();
    receive.mutate({
      transferId: doc.id,
      note: values.note?.trim() || undefined,
      lines: lines.map((l, index) => ({
        itemId: l.itemId,
        lotId: l.lotId,
        ownership: l.ownership,
        receivedQuantity: values.lines[index]?.receivedQuantity ?? l.sent,
      })),
    });
  };

  const columns: TableColumnsType<SentLine> = [
    { title: t("stock.column.item"), dataIndex: "itemName", key: "item" },
    { title: t("stock.column.lot"), dataIndex: "lotCode", key: "lot" },
    {
      title: t("documents.receive.sent"),
      key: "sent",
      align: "right",
      render: (_v, l) => <QuantityText value={l.sent} unit={refs.unitOf(l.itemId, l.baseUnit)} />,
    },
    receivedColumn,
    {
      title: t("documents.receive.short"),
      key: "short",
      align: "right",
      render: (_v, l, index) => {
        const missing = shortBy(l, index);
        return missing > 0 ? (
          <Typography.Text type="danger" data-testid="receive-short">
            {formatNumber(missing)} {l.baseUnit}
          </Typography.Text>
        ) : (
          <span className="qty-zero">—</span>
        );
      },
    },
  ];

  return (
    <FormModal
      title={t("documents.receive.title", {
        number: doc.number,
        warehouse: doc.counterpartWarehouseName ?? "",
      })}
      width={820}
      okText={t("documents.receive.ok")}
      okTestId="receive-ok"
      pending={receive.isPending}
      onOk={submit}
      onClose={onClose}
      failure={failure}
      always
    >
      <Form<ReceiveValues>
        form={form}
        layout="vertical"
        name="receive"
        initialValues={{ lines: lines.map((l) => ({ receivedQuantity: l.sent })) }}
      >
        <Table<SentLine>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={lines}
          pagination={false}
          className="form-alert"
          data-testid="receive-lines"
        />
        {short > 0 && (
          <Alert
            className="form-alert"
            type="warning"
            showIcon
            title={t("documents.receive.shortHint")}
            data-testid="receive-short-hint"
          />
        )}
        <Form.Item
          name="note"
          label={t("posting.note")}
          rules={
            short > 0
              ? [{ required: true, whitespace: true, message: t("documents.receive.noteRequired") }]
              : []
          }
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="receive-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
