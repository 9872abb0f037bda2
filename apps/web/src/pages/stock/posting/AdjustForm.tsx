import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Col, Form, Row, Select } from "antd";
import { FormFailureAlert } from "../../../components/FormFailure";
import { adjustmentReasonLabel } from "../../../components/stock/adjustmentReason";
import { WarehouseSelect } from "../../../components/stock/Pickers";
import type { StockRefs } from "../../../components/stock/useStockRefs";
import { useI18n } from "../../../i18n";
import type { AdjustmentReason } from "../../../lib/api-types";
import { trpc } from "../../../trpc";
import { LinesEditor } from "./LinesEditor";
import { clearLineLots, isoDate, type LineValues, NEW_LOT, optionalText, quantityOf } from "./lines";
import { PostingFooter } from "./PostingFooter";
import { PostedAlert, usePosting } from "./usePosting";

interface AdjustValues {
  warehouseId?: number;
  reasonId?: number;
  note?: string;
  lines: LineValues[];
}

const HEADER_FIELDS = ["warehouseId", "reasonId", "note"];

/** 库存调整 with a reason: + found stock (to an existing or a new lot), − loss or damage. */
export function AdjustForm({ refs }: { refs: StockRefs }) {
  const { t, aside } = useI18n();
  const [form] = Form.useForm<AdjustValues>();
  const { failure, fail, posted, succeed, start } = usePosting(form, HEADER_FIELDS);
  const adjust = useMutation(trpc.stock.adjust.mutationOptions());
  const reasons = useQuery(trpc.stock.reasons.queryOptions());
  const warehouseId = Form.useWatch("warehouseId", form);
  const reasonId = Form.useWatch("reasonId", form);
  const reason = reasons.data?.find((r) => r.id === reasonId);
  // What the warehouse holds, shown beside each lot; the lots themselves come from the lot register.

  const reasonLabel = (r: AdjustmentReason) => {
    const direction = t(`adjustDirection.${r.direction}`);
    return aside(
      adjustmentReasonLabel(r, t),
      r.noteRequired ? `${direction}${t("posting.noteRequiredAfter")}` : direction,
    );
  };

  const submit = (values: AdjustValues) => {
    start();
    adjust.mutate(
      {
        warehouseId: values.warehouseId ?? 0,
        reasonId: values.reasonId ?? 0,
        note: optionalText(values.note),
        lines: values.lines.map((line) => {
          const { quantity, unit } = quantityOf(line, refs);
          const common = {
            itemId: line.itemId ?? 0,
            ownership: line.ownership ?? "government",
            quantity,
            unit,
          };
          if (line.lotId === NEW_LOT) {
            return {
              ...common,
              lotCode: line.lotCode?.trim() ?? "",
              productionDate: isoDate(line.productionDate),
              expiryDate: isoDate(line.expiryDate),
            };
          }
          return { ...common, lotId: line.lotId };
        }),
      },
      {
        onSuccess(document) {
          succeed([document]);
          form.setFieldsValue({ lines: [{ ownership: "government" }], note: undefined });
        },
        onError: fail,
      },
    );
  };

  return (
    <Form<AdjustValues>
      form={form}
      name="adjust"
      layout="vertical"
      onFinish={submit}
      onValuesChange={(changed) => {
        if ("warehouseId" in changed) clearLineLots(form);
      }}
      initialValues={{
        warehouseId: refs.postable.length === 1 ? refs.postable[0]?.id : undefined,
        lines: [{ ownership: "government" }],
      }}
      data-testid="adjust-form"
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
            <WarehouseSelect warehouses={refs.postable} data-testid="adjust-warehouse" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="reasonId"
            label={t("posting.adjustReason")}
            rules={[{ required: true, message: t("posting.reasonRequired") }]}
          >
            <Select<number>
              loading={reasons.isPending}
              options={(reasons.data ?? [])
                .filter((r) => r.active)
                .map((r) => ({ value: r.id, label: reasonLabel(r) }))}
              data-testid="adjust-reason"
            />
          </Form.Item>
        </Col>
      </Row>
      <Alert className="form-alert" type="info" showIcon title={t("posting.adjustHint")} />
      <LinesEditor mode="adjust" refs={refs} warehouseId={warehouseId} />
      <PostingFooter
        prefix="adjust"
        submitLabel={t("posting.adjust.submit")}
        loading={adjust.isPending}
        noteRules={
          reason?.noteRequired
            ? [{ required: true, whitespace: true, message: t("posting.noteRequired") }]
            : []
        }
      />
    </Form>
  );
}
