import { useMutation } from "@tanstack/react-query";
import { Alert, Col, Form, Input, Row } from "antd";
import { FormFailureAlert } from "../../../components/FormFailure";
import { WarehouseSelect } from "../../../components/stock/Pickers";
import type { StockRefs } from "../../../components/stock/useStockRefs";
import { useI18n } from "../../../i18n";
import { queryClient, trpc } from "../../../trpc";
import { DraftAlert, useDraftFromAddress } from "./FromDraft";
import {
  type LineSource,
  LineSourceChoice,
  ReservationFields,
  reservationLines,
  useReservedHint,
  useWarehouseReservations,
} from "./FromReservation";
import { pickLines } from "./IssueForm";
import { LinesEditor } from "./LinesEditor";
import { clearLineLots, type LineValues, optionalText } from "./lines";
import { PostingFooter } from "./PostingFooter";
import { PostedAlert, usePosting } from "./usePosting";

interface TransferValues {
  fromWarehouseId?: number;
  toWarehouseId?: number;
  source: LineSource;
  dispatchRef?: string;
  releaseRest?: boolean;
  reference?: string;
  note?: string;
  lines: LineValues[];
}

const HEADER_FIELDS = ["fromWarehouseId", "toWarehouseId", "dispatchRef", "releaseRest", "reference", "note"];
const EMPTY = { lines: [{}], dispatchRef: undefined, releaseRest: false };

/**
 * 调拨: stock leaves the source now and is in transit at the destination until received there. A transfer may
 * start from a dispatch's reservation in the source, which it consumes, like an issue from a reservation, or
 * from a draft transfer of accepted layout advice, which it carries out.
 */
export function TransferForm({ refs }: { refs: StockRefs }) {
  const { t } = useI18n();
  const [form] = Form.useForm<TransferValues>();
  const { failure, fail, posted, succeed, start } = usePosting(form, HEADER_FIELDS);
  const transfer = useMutation(trpc.stock.transfer.mutationOptions());
  const fromWarehouseId = Form.useWatch("fromWarehouseId", form);
  const fromReservation = Form.useWatch("source", form) === "reservation";
  const dispatchRef = Form.useWatch("dispatchRef", form);
  const reservations = useWarehouseReservations(fromReservation ? fromWarehouseId : undefined, dispatchRef);
  const reservedHint = useReservedHint(refs, reservations.reservedOf);
  const fromDraft = useDraftFromAddress(form);

  const submit = (values: TransferValues) => {
    start();
    transfer.mutate(
      {
        fromWarehouseId: values.fromWarehouseId ?? 0,
        toWarehouseId: values.toWarehouseId ?? 0,
        ...(fromReservation && {
          dispatchRef: optionalText(values.dispatchRef),
          releaseRest: Boolean(values.releaseRest),
        }),
        ...(fromDraft.draftId && { draftId: fromDraft.draftId }),
        reference: optionalText(values.reference),
        note: optionalText(values.note),
        lines: pickLines(values.lines, refs),
      },
      {
        onSuccess(document) {
          succeed(document.released ? [document, document.released] : [document]);
          form.setFieldsValue({ ...EMPTY, note: undefined, reference: undefined });
          if (fromDraft.draftId) {
            void queryClient.invalidateQueries(trpc.layout.pathFilter());
            fromDraft.leave();
          }
        },
        onError(error) {
          fail(error);
          fromDraft.refresh();
        },
      },
    );
  };

  return (
    <Form<TransferValues>
      form={form}
      name="transfer"
      layout="vertical"
      onFinish={submit}
      onValuesChange={(changed: Partial<TransferValues>) => {
        if ("source" in changed) {
          start();
          form.setFieldsValue(EMPTY);
        } else if ("fromWarehouseId" in changed) {
          if (fromReservation) form.setFieldsValue(EMPTY);
          else clearLineLots(form);
        }
      }}
      initialValues={{ source: "manual", lines: [{}] }}
      data-testid="transfer-form"
    >
      <PostedAlert posted={posted} onClose={() => start()} />
      <FormFailureAlert failure={failure} always />
      <Alert className="form-alert" type="info" showIcon title={t("posting.transferHint")} />
      <DraftAlert
        fromDraft={fromDraft}
        onLeave={() => {
          start();
          fromDraft.leave();
          form.setFieldsValue({ ...EMPTY, fromWarehouseId: undefined, toWarehouseId: undefined });
        }}
      />
      {!fromDraft.draftId && (
        <LineSourceChoice
          reservationLabel={t("posting.source.transferReservation")}
          testId="transfer-source"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="fromWarehouseId"
            label={t("posting.fromWarehouse")}
            rules={[{ required: true, message: t("posting.warehouseRequired") }]}
          >
            <WarehouseSelect warehouses={refs.postable} data-testid="transfer-from" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="toWarehouseId"
            label={t("posting.toWarehouse")}
            dependencies={["fromWarehouseId"]}
            rules={[
              { required: true, message: t("posting.warehouseRequired") },
              ({ getFieldValue }) => ({
                validator: async (_rule, value?: number) => {
                  if (value && value === getFieldValue("fromWarehouseId")) {
                    throw new Error(t("posting.sameWarehouse"));
                  }
                },
              }),
            ]}
          >
            <WarehouseSelect
              warehouses={refs.warehouses.filter((w) => w.active && w.id !== fromWarehouseId)}
              data-testid="transfer-to"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="reference" label={t("posting.reference")}>
            <Input maxLength={100} data-testid="transfer-reference" />
          </Form.Item>
        </Col>
      </Row>
      {fromReservation && (
        <ReservationFields
          reservations={reservations}
          dispatchRef={dispatchRef}
          onChoose={(rows) => form.setFieldValue("lines", reservationLines(rows))}
          prefix="transfer"
        />
      )}
      <LinesEditor
        mode="pick"
        refs={refs}
        warehouseId={fromWarehouseId}
        lotHint={fromReservation ? reservedHint : undefined}
      />
      <PostingFooter
        prefix="transfer"
        submitLabel={t("posting.transfer.submit")}
        loading={transfer.isPending}
      />
    </Form>
  );
}
