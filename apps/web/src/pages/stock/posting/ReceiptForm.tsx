import { useMutation } from "@tanstack/react-query";
import { Col, Form, Input, Row, Select } from "antd";
import { FormFailureAlert } from "../../../components/FormFailure";
import { WarehouseSelect } from "../../../components/stock/Pickers";
import type { StockRefs } from "../../../components/stock/useStockRefs";
import { useI18n } from "../../../i18n";
import {
  DEFAULT_OWNERSHIP,
  OWNERSHIPS,
  type Ownership,
  RECEIPT_KINDS,
  type ReceiptKind,
} from "../../../lib/api-types";
import { trpc } from "../../../trpc";
import { LinesEditor } from "./LinesEditor";
import { isoDate, type LineValues, optionalText, quantityOf } from "./lines";
import { PostingFooter } from "./PostingFooter";
import { PostedAlert, usePosting } from "./usePosting";

interface ReceiptValues {
  warehouseId?: number;
  source: { kind: ReceiptKind; ownership: Ownership; reference?: string };
  note?: string;
  lines: LineValues[];
}

const HEADER_FIELDS = ["warehouseId", "source.kind", "source.ownership", "source.reference", "note"];

/** 入库: stock arriving in a warehouse, each line with its lot (new lots are registered on the way). */
export function ReceiptForm({ refs }: { refs: StockRefs }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReceiptValues>();
  const { failure, fail, posted, succeed, start } = usePosting(form, HEADER_FIELDS);
  const receive = useMutation(trpc.stock.receive.mutationOptions());

  const submit = (values: ReceiptValues) => {
    start();
    receive.mutate(
      {
        warehouseId: values.warehouseId ?? 0,
        source: {
          kind: values.source.kind,
          ownership: values.source.ownership,
          reference: optionalText(values.source.reference),
        },
        note: optionalText(values.note),
        lines: values.lines.map((line) => ({
          itemId: line.itemId ?? 0,
          lotCode: line.lotCode?.trim() ?? "",
          productionDate: isoDate(line.productionDate),
          expiryDate: isoDate(line.expiryDate),
          ...quantityOf(line, refs),
        })),
      },
      {
        onSuccess(document) {
          succeed([document]);
          form.setFieldsValue({
            lines: [{}],
            note: undefined,
            source: { ...values.source, reference: undefined },
          });
        },
        onError: fail,
      },
    );
  };

  return (
    <Form<ReceiptValues>
      form={form}
      name="receipt"
      layout="vertical"
      onFinish={submit}
      initialValues={{
        warehouseId: refs.postable.length === 1 ? refs.postable[0]?.id : undefined,
        source: { kind: "purchase", ownership: "government" },
        lines: [{}],
      }}
      data-testid="receipt-form"
    >
      <PostedAlert posted={posted} onClose={() => start()} />
      <FormFailureAlert failure={failure} always />
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="warehouseId"
            label={t("stock.column.warehouse")}
            rules={[{ required: true, message: t("posting.warehouseRequired") }]}
          >
            <WarehouseSelect warehouses={refs.postable} data-testid="receipt-warehouse" />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name={["source", "kind"]} label={t("posting.receiptKind")} rules={[{ required: true }]}>
            <Select<ReceiptKind>
              options={RECEIPT_KINDS.map((value) => ({ value, label: t(`stock.receiptKind.${value}`) }))}
              onChange={(kind) => form.setFieldValue(["source", "ownership"], DEFAULT_OWNERSHIP[kind])}
              data-testid="receipt-kind"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item
            name={["source", "ownership"]}
            label={t("stock.column.ownership")}
            tooltip={t("posting.ownershipHint")}
            rules={[{ required: true }]}
          >
            <Select<Ownership>
              options={OWNERSHIPS.map((value) => ({ value, label: t(`ownership.${value}`) }))}
              data-testid="receipt-ownership"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={7}>
          <Form.Item name={["source", "reference"]} label={t("posting.reference")}>
            <Input
              maxLength={100}
              placeholder={t("posting.referencePlaceholder")}
              data-testid="receipt-reference"
            />
          </Form.Item>
        </Col>
      </Row>
      <LinesEditor mode="receipt" refs={refs} />
      <PostingFooter prefix="receipt" submitLabel={t("posting.receipt.submit")} loading={receive.isPending} />
    </Form>
  );
}
