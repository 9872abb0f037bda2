import { useMutation } from "@tanstack/react-query";
import { Alert, Col, Form, Input, Row, Select } from "antd";
import { FormFailureAlert } from "../../../components/FormFailure";
import { WarehouseSelect } from "../../../components/stock/Pickers";
import type { StockRefs } from "../../../components/stock/useStockRefs";
import { useI18n } from "../../../i18n";
import { ISSUE_REASONS, type IssueReason } from "../../../lib/api-types";
import { trpc } from "../../../trpc";
import { LinesEditor } from "./LinesEditor";
import { clearLineLots, type LineValues, optionalText, quantityOf } from "./lines";
import { PostingFooter } from "./PostingFooter";
import { PostedAlert, usePosting } from "./usePosting";

interface IssueValues {
  warehouseId?: number;
  reason: IssueReason;
  dispatchRef?: string;
  reference?: string;
  note?: string;
  lines: LineValues[];
}

const HEADER_FIELDS = ["warehouseId", "reason", "dispatchRef", "reference", "note"];

/** The lines of an issue, transfer or reservation as the API takes them: lot optional, quantity in a unit. */
export function pickLines(lines: LineValues[], refs: StockRefs) {
  return lines.map((line) => ({
    itemId: line.itemId ?? 0,
    ...(typeof line.lotId === "number" && { lotId: line.lotId }),
    ...quantityOf(line, refs),
  }));
}

/** 出库: dispatch, write-off or donation out; lines without a lot go first-expired-first-out. */
export function IssueForm({ refs }: { refs: StockRefs }) {
  const { t } = useI18n();
  const [form] = Form.useForm<IssueValues>();
  const { failure, fail, posted, succeed, start } = usePosting(form, HEADER_FIELDS);
  const issue = useMutation(trpc.stock.issue.mutationOptions());
  const warehouseId = Form.useWatch("warehouseId", form);
  const reason = Form.useWatch("reason", form);
  const anyCondition = reason === "write_off";

  const submit = (values: IssueValues) => {
    start();
    issue.mutate(
      {
        warehouseId: values.warehouseId ?? 0,
        reason: values.reason,
        dispatchRef: optionalText(values.dispatchRef),
        reference: optionalText(values.reference),
        note: optionalText(values.note),
        lines: pickLines(values.lines, refs),
      },
      {
        onSuccess(document) {
          succeed([document]);
          form.setFieldsValue({ lines: [{}], note: undefined, reference: undefined, dispatchRef: undefined });
        },
        onError: fail,
      },
    );
  };

  return (
    <Form<IssueValues>
      form={form}
      name="issue"
      layout="vertical"
      onFinish={submit}
      onValuesChange={(changed) => {
        if ("warehouseId" in changed) clearLineLots(form);
      }}
      initialValues={{
        warehouseId: refs.postable.length === 1 ? refs.postable[0]?.id : undefined,
        reason: "dispatch",
        lines: [{}],
      }}
      data-testid="issue-form"
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
            <WarehouseSelect warehouses={refs.postable} data-testid="issue-warehouse" />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name="reason" label={t("posting.issueReason")} rules={[{ required: true }]}>
            <Select<IssueReason>
              options={ISSUE_REASONS.map((value) => ({ value, label: t(`issueReason.${value}`) }))}
              data-testid="issue-reason"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item
            name="dispatchRef"
            label={t("posting.dispatchRef")}
            tooltip={t("posting.dispatchRefHint")}
          >
            <Input maxLength={60} disabled={reason !== "dispatch"} data-testid="issue-dispatch-ref" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="reference" label={t("posting.reference")}>
            <Input maxLength={100} data-testid="issue-reference" />
          </Form.Item>
        </Col>
      </Row>
      {anyCondition && (
        <Alert className="form-alert" type="warning" showIcon title={t("posting.writeOffHint")} />
      )}
      <LinesEditor mode="pick" refs={refs} warehouseId={warehouseId} anyCondition={anyCondition} />
      <PostingFooter prefix="issue" submitLabel={t("posting.issue.submit")} loading={issue.isPending} />
    </Form>
  );
}
