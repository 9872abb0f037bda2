import { useMutation } from "@tanstack/react-query";
import { Alert, App, DatePicker, Form, Input, InputNumber, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useCurrentUser } from "../../auth/current-user";
import { CalloffDescriptions } from "../../components/agreements/CalloffDescriptions";
import { invalidateAgreements } from "../../components/agreements/invalidate";
import {
  type ItemUnits,
  LineQuantity,
  lineQuantityText,
  lineSubject,
} from "../../components/agreements/lines";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { QuantityUnitInput } from "../../components/stock/QuantityUnitInput";
import { useI18n } from "../../i18n";
import type { AgreementDetail, AgreementKind, CalloffView } from "../../lib/api-types";
import {
  DATE_TIME_FORMAT,
  districtInstant,
  districtPickerValue,
  isAfterDistrictToday,
} from "../../lib/format";
import { toBaseQuantity, type UnitInfo } from "../../lib/quantity";
import { trpc } from "../../trpc";

const hoursFromNow = (hours: number) => districtPickerValue(new Date(Date.now() + hours * 3_600_000));

/** Quantity and unit side by side; trucks have no packs. */
function QuantityInput({
  name,
  unitName,
  unit,
  trucks,
  label,
  extra,
  testId,
  max,
}: {
  name: string;
  unitName: string;
  unit: UnitInfo;
  trucks: boolean;
  label: string;
  extra?: string;
  testId: string;
  max?: number;
}) {
  const { t } = useI18n();
  if (trucks) {
    return (
      <Form.Item
        name={name}
        label={label}
        extra={extra}
        rules={[{ required: true, message: t("agreements.form.quantityRequired") }]}
      >
        <InputNumber<number>
          min={0}
          max={max}
          precision={0}
          className="full-width"
          suffix={t("agreements.unit.truck")}
          data-testid={testId}
        />
      </Form.Item>
    );
  }
  return (
    <QuantityUnitInput
      label={label}
      extra={extra}
      name={name}
      unitName={unitName}
      unit={unit}
      requiredMessage={t("agreements.form.quantityRequired")}
      testId={testId}
      unitTestId={`${testId}-unit`}
    />
  );
}

interface CalloffValues {
  lineId?: number;
  quantity?: number | null;
  unit?: string;
  requiredBy?: Dayjs | null;
  dispatchRef?: string;
  note?: string;
}

const CALLOFF_FIELDS = ["lineId", "quantity", "unit", "requiredBy", "requestedAt", "dispatchRef", "note"];
const calloffPlacement = (field: string) => (field === "requestedAt" ? "requiredBy" : field);

/**
 * 新建调用: asks the enterprise to deliver against one line. Required-by defaults to now plus the line's
 * response time, in China Standard Time.
 */
export function CreateCalloffModal({
  agreement,
  units,
  lineId,
  onClose,
}: {
  agreement: AgreementDetail;
  units: ItemUnits;
  lineId?: number;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<CalloffValues>();
  const { failure, fail, clear } = useFormFailure(form, CALLOFF_FIELDS, calloffPlacement);
  const fmt = (n: number) => formatNumber(n);
  const firstLine = agreement.lines.find((l) => l.id === lineId) ?? agreement.lines[0];
  const chosenId: number | undefined = Form.useWatch("lineId", form) ?? firstLine?.id;
  const line = agreement.lines.find((l) => l.id === chosenId);
  const unit = line ? units.unitOf(line.itemId, line.baseUnit) : { baseUnit: "", packs: [] };
  const trucks = agreement.kind === "transport";
  const quantity: number | null | undefined = Form.useWatch("quantity", form);
  const chosenUnit: string | undefined = Form.useWatch("unit", form);
  const base = typeof quantity === "number" ? toBaseQuantity(quantity, chosenUnit, unit) : null;
  const conversion =
    base !== null && chosenUnit && chosenUnit !== unit.baseUnit
      ? t("stock.line.equals", { quantity: `${fmt(base)} ${unit.baseUnit}` })
      : undefined;
  const remaining =
    line && agreement.kind !== "production"
      ? t("calloffs.remaining", {
          quantity: lineQuantityText(
            Math.max(0, line.quantity - line.openCalloffQuantity),
            agreement.kind,
            unit,
            i18n,
          ),
          committed: lineQuantityText(line.quantity, agreement.kind, unit, i18n),
          open: lineQuantityText(line.openCalloffQuantity, agreement.kind, unit, i18n),
        })
      : undefined;

  const create = useMutation(
    trpc.agreements.calloff.mutationOptions({
      onSuccess: (calloff) => {
        void invalidateAgreements();
        message.success(t("calloffs.created", { number: calloff.number }));
        onClose();
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    const dispatchRef = v.dispatchRef?.trim() ?? "";
    const note = v.note?.trim() ?? "";
    create.mutate({
      lineId: v.lineId ?? 0,
      quantity: v.quantity ?? 0,
      ...(!trucks && v.unit && v.unit !== unit.baseUnit ? { unit: v.unit } : {}),
      // Left as proposed, the server counts the response time from the moment it records the call-off.
      ...(v.requiredBy && form.isFieldTouched("requiredBy")
        ? { requiredBy: districtInstant(v.requiredBy) }
        : {}),
      dispatchRef: dispatchRef === "" ? null : dispatchRef,
      note: note === "" ? null : note,
    });
  };

  const onLineChange = (id: number) => {
    const next = agreement.lines.find((l) => l.id === id);
    form.setFieldsValue({
      unit: next?.baseUnit ?? undefined,
      requiredBy: next ? hoursFromNow(next.responseHours) : null,
    });
  };

  return (
    <FormModal
      title={t("calloffs.create.title", { number: agreement.number })}
      width={640}
      okText={t("calloffs.create")}
      okTestId="calloff-ok"
      pending={create.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
      always
    >
      <Form<CalloffValues>
        form={form}
        layout="vertical"
        name="calloff"
        initialValues={{
          lineId: firstLine?.id,
          unit: firstLine?.baseUnit ?? undefined,
          requiredBy: firstLine ? hoursFromNow(firstLine.responseHours) : null,
        }}
      >
        <Form.Item
          name="lineId"
          label={t("calloffs.line")}
          rules={[{ required: true, message: t("calloffs.lineRequired") }]}
        >
          <Select<number>
            onChange={onLineChange}
            options={agreement.lines.map((l) => ({
              value: l.id,
              label: `${l.lineNo}. ${lineSubject(l, t)} · ${lineQuantityText(
                l.quantity,
                agreement.kind,
                units.unitOf(l.itemId, l.baseUnit),
                i18n,
              )}${agreement.kind === "production" ? t("agreements.perDay") : ""}`,
            }))}
            data-testid="calloff-line"
          />
        </Form.Item>
        <QuantityInput
          name="quantity"
          unitName="unit"
          unit={unit}
          trucks={trucks}
          label={t("calloffs.quantity")}
          extra={conversion ?? remaining}
          testId="calloff-quantity-input"
        />
        <Form.Item
          name="requiredBy"
          label={t("calloffs.requiredBy")}
          extra={line ? t("calloffs.requiredByHint", { hours: line.responseHours }) : undefined}
        >
          <DatePicker
            showTime={{ format: "HH:mm" }}
            format={DATE_TIME_FORMAT}
            data-testid="calloff-required-by-input"
          />
        </Form.Item>
        <Form.Item name="dispatchRef" label={t("calloffs.dispatchRef")}>
          <Input maxLength={60} data-testid="calloff-dispatch-ref" />
        </Form.Item>
        <Form.Item name="note" label={t("calloffs.note")}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="calloff-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface ConfirmValues {
  deliveredQuantity?: number | null;
  unit?: string;
  deliveredAt?: Dayjs | null;
  confirmedBy?: string;
  note?: string;
}

const CONFIRM_FIELDS = ["deliveredQuantity", "unit", "deliveredAt", "confirmedBy", "note"];

/** 确认交付: what the enterprise delivered and when (0 when nothing came); once per call-off. */
export function ConfirmCalloffModal({
  calloff,
  unit,
  onClose,
}: {
  calloff: CalloffView;
  unit: UnitInfo;
  onClose: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<ConfirmValues>();
  const { failure, fail, clear } = useFormFailure(form, CONFIRM_FIELDS);
  const kind: AgreementKind = calloff.kind === "transport" ? "transport" : "stock";
  const trucks = kind === "transport";
  const delivered: number | null | undefined = Form.useWatch("deliveredQuantity", form);
  const chosenUnit: string | undefined = Form.useWatch("unit", form);
  const base =
    typeof delivered === "number" ? toBaseQuantity(delivered, trucks ? undefined : chosenUnit, unit) : null;
  const short = base !== null && base < calloff.quantity;

  const confirm = useMutation(
    trpc.agreements.confirmCalloff.mutationOptions({
      onSuccess: () => {
        void invalidateAgreements();
        message.success(t("calloffs.confirmed", { number: calloff.number }));
        onClose();
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    const note = v.note?.trim() ?? "";
    confirm.mutate({
      id: calloff.id,
      deliveredQuantity: v.deliveredQuantity ?? 0,
      ...(!trucks && v.unit && v.unit !== unit.baseUnit ? { unit: v.unit } : {}),
      // Left at the proposed "now", the delivery is now: the moment of confirming, not of opening the dialog.
      deliveredAt:
        v.deliveredAt && form.isFieldTouched("deliveredAt")
          ? districtInstant(v.deliveredAt)
          : new Date().toISOString(),
      confirmedBy: v.confirmedBy?.trim() ?? "",
      note: note === "" ? null : note,
    });
  };

  return (
    <FormModal
      title={t("calloffs.confirm.title", { number: calloff.number })}
      okText={t("calloffs.confirm")}
      okTestId="confirm-ok"
      pending={confirm.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
      intro={
        <CalloffDescriptions
          calloff={calloff}
          quantity={<LineQuantity value={calloff.quantity} kind={kind} unit={unit} />}
        />
      }
    >
      <Form<ConfirmValues>
        form={form}
        layout="vertical"
        name="confirm-calloff"
        initialValues={{
          deliveredQuantity: calloff.quantity,
          unit: unit.baseUnit || undefined,
          deliveredAt: districtPickerValue(new Date()),
          confirmedBy: user.displayName,
        }}
      >
        <QuantityInput
          name="deliveredQuantity"
          unitName="unit"
          unit={unit}
          trucks={trucks}
          label={t("calloffs.deliveredQuantity")}
          testId="confirm-quantity"
          max={trucks ? calloff.quantity : undefined}
        />
        {short && (
          <Alert
            className="form-alert"
            type="warning"
            showIcon
            title={t("calloffs.confirm.short", {
              quantity: trucks
                ? t("agreements.trucks", { count: formatNumber(calloff.quantity) })
                : `${formatNumber(calloff.quantity)} ${unit.baseUnit}`,
            })}
            data-testid="confirm-short"
          />
        )}
        <Form.Item
          name="deliveredAt"
          label={t("calloffs.deliveredAt")}
          rules={[{ required: true, message: t("calloffs.deliveredAtRequired") }]}
        >
          <DatePicker
            showTime={{ format: "HH:mm" }}
            format={DATE_TIME_FORMAT}
            disabledDate={isAfterDistrictToday}
            data-testid="confirm-delivered-at"
          />
        </Form.Item>
        <Form.Item
          name="confirmedBy"
          label={t("calloffs.confirmedBy")}
          rules={[{ required: true, whitespace: true, message: t("calloffs.confirmedByRequired") }]}
        >
          <Input maxLength={60} data-testid="confirm-by" />
        </Form.Item>
        <Form.Item name="note" label={t("calloffs.note")}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="confirm-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

const CANCEL_FIELDS = ["reason"] as const;

/** 取消调用: an open call-off withdrawn; it then counts neither for nor against the enterprise's credit. */
export function CancelCalloffModal({ calloff, onClose }: { calloff: CalloffView; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const { failure, fail, clear } = useFormFailure(form, CANCEL_FIELDS);
  const cancel = useMutation(
    trpc.agreements.cancelCalloff.mutationOptions({
      onSuccess: () => {
        void invalidateAgreements();
        message.success(t("calloffs.cancelled", { number: calloff.number }));
        onClose();
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    cancel.mutate({ id: calloff.id, reason: v.reason?.trim() ?? "" });
  };

  return (
    <FormModal
      title={t("calloffs.cancel.title", { number: calloff.number })}
      okText={t("calloffs.cancel.ok")}
      danger
      okTestId="cancel-calloff-ok"
      pending={cancel.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
      intro={<Alert className="form-alert" type="info" showIcon title={t("calloffs.cancel.hint")} />}
    >
      <Form form={form} layout="vertical" name="cancel-calloff">
        <Form.Item
          name="reason"
          label={t("calloffs.cancel.reason")}
          rules={[{ required: true, whitespace: true, message: t("calloffs.cancel.reasonRequired") }]}
        >
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 5 }}
            data-testid="cancel-calloff-reason"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
