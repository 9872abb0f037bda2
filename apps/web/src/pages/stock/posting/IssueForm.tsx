import { useMutation } from "@tanstack/react-query";
import { Alert, Col, Flex, Form, Input, Row, Select, Typography } from "antd";
import { FormFailureAlert } from "../../../components/FormFailure";
import { WarehouseSelect } from "../../../components/stock/Pickers";
import type { StockRefs } from "../../../components/stock/useStockRefs";
import { useI18n } from "../../../i18n";
import { ISSUE_REASONS, type IssueReason } from "../../../lib/api-types";
import { trpc } from "../../../trpc";
import {
  type LineSource,
  LineSourceChoice,
  ReservationFields,
  reservationLines,
  useReservationFromAddress,
  useReservedHint,
  useWarehouseReservations,
} from "./FromReservation";
import { LinesEditor } from "./LinesEditor";
import { clearLineLots, type LineValues, optionalText, quantityOf } from "./lines";
import { PostingFooter } from "./PostingFooter";
import { PostedAlert, usePosting } from "./usePosting";

interface IssueValues {
  warehouseId?: number;
  source: LineSource;
  reason: IssueReason;
  dispatchRef?: string;
  releaseRest?: boolean;
  reference?: string;
  note?: string;
  lines: LineValues[];
}

const HEADER_FIELDS = ["warehouseId", "reason", "dispatchRef", "releaseRest", "reference", "note"];

/** The lines of an issue, transfer or reservation as the API takes them: lot optional, quantity in a unit. */
export function pickLines(lines: LineValues[], refs: StockRefs) {
  return lines.map((line) => ({
    itemId: line.itemId ?? 0,
    ...(typeof line.lotId === "number" && { lotId: line.lotId }),
    ...quantityOf(line, refs),
  }));
}

/** What a new or switched form starts from: one empty line, no dispatch. */
const EMPTY = { lines: [{}], dispatchRef: undefined, releaseRest: false };

/**
 * 出库 for any of the issue reasons; lines without a lot go first-expired-first-out. Or 从预留出库: choose a
 * dispatch with stock reserved in the warehouse, its lines load, the clerk lowers or removes what does not go,
 * and may release the rest of the reservation in the same posting.
 */
export function IssueForm({ refs }: { refs: StockRefs }) {
  const { t } = useI18n();
  const [form] = Form.useForm<IssueValues>();
  const { failure, fail, posted, succeed, start } = usePosting(form, HEADER_FIELDS);
  const issue = useMutation(trpc.stock.issue.mutationOptions());
  const warehouseId = Form.useWatch("warehouseId", form);
  const reason = Form.useWatch("reason", form);
  const source = Form.useWatch("source", form);
  const dispatchRef = Form.useWatch("dispatchRef", form);
  const fromReservation = source === "reservation";
  const reservations = useWarehouseReservations(fromReservation ? warehouseId : undefined, dispatchRef);
  const reservedHint = useReservedHint(refs, reservations.reservedOf);
  const fromAddress = useReservationFromAddress(form, refs, reservations);
  const anyCondition = reason === "write_off";

  const submit = (values: IssueValues) => {
    start();
    issue.mutate(
      {
        warehouseId: values.warehouseId ?? 0,
        reason: values.reason,
        dispatchRef: optionalText(values.dispatchRef),
        releaseRest: fromReservation && Boolean(values.releaseRest),
        reference: optionalText(values.reference),
        note: optionalText(values.note),
        lines: pickLines(values.lines, refs),
      },
      {
        onSuccess(document) {
          succeed(document.released ? [document, document.released] : [document]);
          form.setFieldsValue({ ...EMPTY, note: undefined, reference: undefined });
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
      onValuesChange={(changed: Partial<IssueValues>) => {
        if ("source" in changed) {
          start();
          form.setFieldsValue({ ...EMPTY, ...(changed.source === "reservation" && { reason: "dispatch" }) });
        } else if ("warehouseId" in changed) {
          if (fromReservation) form.setFieldsValue(EMPTY);
          else clearLineLots(form);
        }
      }}
      initialValues={{
        warehouseId: refs.postable.length === 1 ? refs.postable[0]?.id : undefined,
        source: "manual",
        reason: "dispatch",
        lines: [{}],
        ...fromAddress,
      }}
      data-testid="issue-form"
    >
      <PostedAlert posted={posted} onClose={() => start()} />
      <FormFailureAlert failure={failure} always />
      <LineSourceChoice reservationLabel={t("posting.source.reservation")} testId="issue-source" />
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
        <Col xs={12} md={fromReservation ? 8 : 5}>
          <Form.Item
            name="reason"
            label={t("posting.issueReason")}
            rules={[{ required: true }]}
            extra={reason && t(`stock.issueReasonHint.${reason}`)}
          >
            <Select<IssueReason>
              disabled={fromReservation}
              popupMatchSelectWidth={false}
              options={ISSUE_REASONS.map((value) => ({ value, label: t(`stock.issueReason.${value}`) }))}
              optionRender={(option) => (
                <Flex vertical className="issue-reason-option">
                  <span>{option.label}</span>
                  <Typography.Text type="secondary">
                    {t(`stock.issueReasonHint.${option.value as IssueReason}`)}
                  </Typography.Text>
                </Flex>
              )}
              data-testid="issue-reason"
            />
          </Form.Item>
        </Col>
        {!fromReservation && (
          <Col xs={12} md={5}>
            <Form.Item
              name="dispatchRef"
              label={t("posting.dispatchRef")}
              tooltip={t("posting.dispatchRefHint")}
            >
              <Input maxLength={60} disabled={reason !== "dispatch"} data-testid="issue-dispatch-ref" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={fromReservation ? 8 : 6}>
          <Form.Item name="reference" label={t("posting.reference")}>
            <Input maxLength={100} data-testid="issue-reference" />
          </Form.Item>
        </Col>
      </Row>
      {fromReservation && (
        <ReservationFields
          reservations={reservations}
          dispatchRef={dispatchRef}
          onChoose={(rows) => form.setFieldValue("lines", reservationLines(rows))}
          prefix="issue"
        />
      )}
      {anyCondition && (
        <Alert className="form-alert" type="warning" showIcon title={t("posting.writeOffHint")} />
      )}
      <LinesEditor
        mode="pick"
        refs={refs}
        warehouseId={warehouseId}
        anyCondition={anyCondition}
        lotHint={fromReservation ? reservedHint : undefined}
      />
      <PostingFooter prefix="issue" submitLabel={t("posting.issue.submit")} loading={issue.isPending} />
    </Form>
  );
}
