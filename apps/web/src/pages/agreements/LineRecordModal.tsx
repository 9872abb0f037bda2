import { useMutation } from "@tanstack/react-query";
import { App, DatePicker, Descriptions, Form, Input } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { invalidateAgreements } from "../../components/agreements/invalidate";
import { lineSubject } from "../../components/agreements/lines";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { QuantityText } from "../../components/stock/QuantityText";
import { QuantityUnitInput } from "../../components/stock/QuantityUnitInput";
import { useI18n } from "../../i18n";
import type { AgreementLineView } from "../../lib/api-types";
import { districtToday, isAfterDistrictToday } from "../../lib/format";
import { toBaseQuantity, type UnitInfo } from "../../lib/quantity";
import { trpc } from "../../trpc";

export type LineRecordMode = "declare" | "verify";

interface RecordValues {
  date?: Dayjs;
  quantity?: number | null;
  unit?: string;
  note?: string;
  inspector?: string;
  findings?: string;
}

const FIELDS = ["declaredOn", "inspectedOn", "quantity", "unit", "note", "inspector", "findings", "lineId"];
/** The date goes beside the one date field; an issue with the line itself beside the quantity. */
const placement = (field: string) =>
  field === "declaredOn" || field === "inspectedOn" ? "date" : field === "lineId" ? "quantity" : field;

/**
 * 申报 (the enterprise's declared on-hand quantity) or 核查 (the bureau's inspection) of one agreement stock
 * line, as of a date no later than today, in the base unit or a pack.
 */
export function LineRecordModal({
  mode,
  line,
  unit,
  onClose,
}: {
  mode: LineRecordMode;
  line: AgreementLineView;
  unit: UnitInfo;
  onClose: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordValues>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS, placement);
  const quantity: number | null | undefined = Form.useWatch("quantity", form);
  const chosenUnit: string | undefined = Form.useWatch("unit", form);
  const base = typeof quantity === "number" ? toBaseQuantity(quantity, chosenUnit, unit) : null;
  const conversion =
    base !== null && chosenUnit && chosenUnit !== unit.baseUnit
      ? t("stock.line.equals", { quantity: `${formatNumber(base)} ${unit.baseUnit}` })
      : undefined;

  const onSuccess = () => {
    void invalidateAgreements();
    message.success(t(mode === "declare" ? "records.declare.saved" : "records.verify.saved"));
    onClose();
  };
  const declare = useMutation(trpc.agreements.declare.mutationOptions({ onSuccess, onError: fail }));
  const verify = useMutation(trpc.agreements.verify.mutationOptions({ onSuccess, onError: fail }));

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    const date = (v.date ?? dayjs()).format("YYYY-MM-DD");
    const common = {
      lineId: line.id,
      quantity: v.quantity ?? 0,
      ...(v.unit && v.unit !== unit.baseUnit ? { unit: v.unit } : {}),
    };
    if (mode === "declare") {
      const note = v.note?.trim() ?? "";
      declare.mutate({ ...common, declaredOn: date, note: note === "" ? null : note });
    } else {
      verify.mutate({
        ...common,
        inspectedOn: date,
        inspector: v.inspector?.trim() ?? "",
        findings: v.findings?.trim() ?? "",
      });
    }
  };

  const subject = lineSubject(line, t);
  return (
    <FormModal
      title={t(mode === "declare" ? "records.declare.title" : "records.verify.title", { subject })}
      okTestId="record-ok"
      pending={declare.isPending || verify.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
      intro={
        <Descriptions
          size="small"
          column={1}
          className="modal-descriptions"
          items={[
            {
              key: "committed",
              label: t("agreements.lines.committed"),
              children: <QuantityText value={line.quantity} unit={unit} />,
            },
            ...(line.warehouseName
              ? [{ key: "warehouse", label: t("agreements.lines.warehouse"), children: line.warehouseName }]
              : []),
          ]}
        />
      }
    >
      <Form<RecordValues>
        form={form}
        layout="vertical"
        name={`record-${mode}`}
        initialValues={{ date: dayjs(districtToday()), unit: unit.baseUnit }}
      >
        <Form.Item
          name="date"
          label={t(mode === "declare" ? "records.declaredOn" : "records.inspectedOn")}
          rules={[{ required: true, message: t("records.dateRequired") }]}
        >
          <DatePicker disabledDate={isAfterDistrictToday} data-testid="record-date" />
        </Form.Item>
        <QuantityUnitInput
          label={t(mode === "declare" ? "records.declaredQuantity" : "records.verifiedQuantity")}
          extra={conversion}
          unit={unit}
          requiredMessage={t("agreements.form.quantityRequired")}
          testId="record-quantity"
          unitTestId="record-unit"
        />
        {mode === "declare" ? (
          <Form.Item name="note" label={t("records.note")}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="record-note" />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="inspector"
              label={t("records.inspector")}
              rules={[{ required: true, whitespace: true, message: t("records.inspectorRequired") }]}
            >
              <Input maxLength={60} data-testid="record-inspector" />
            </Form.Item>
            <Form.Item name="findings" label={t("records.findings")}>
              <Input.TextArea
                maxLength={1000}
                autoSize={{ minRows: 2, maxRows: 5 }}
                data-testid="record-findings"
              />
            </Form.Item>
          </>
        )}
      </Form>
    </FormModal>
  );
}
