import { useMutation } from "@tanstack/react-query";
import { App, DatePicker, Form, Input } from "antd";
import type { Dayjs } from "dayjs";
import { CalloffDescriptions } from "../../components/agreements/CalloffDescriptions";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { QuantityText } from "../../components/stock/QuantityText";
import { QuantityUnitInput } from "../../components/stock/QuantityUnitInput";
import { useI18n } from "../../i18n";
import { DATE_TIME_FORMAT, districtInstant, districtPickerValue } from "../../lib/format";
import type { UnitInfo } from "../../lib/quantity";
import { queryClient, trpc } from "../../trpc";
import type { PortalCalloff } from "./portalTypes";

export type AnswerMode = "acknowledge" | "cannotDeliver";

interface AnswerValues {
  estimatedDeparture?: Dayjs;
  reason?: string;
  canDeliver?: number | null;
  unit?: string;
}

const FIELDS = ["estimatedDeparture", "reason", "canDeliver", "unit"];

/**
 * The enterprise's answer to a call-off: 确认 with the time its goods should leave, or 无法交付 with the reason
 * and how much of it it can deliver (0 for nothing). Dispatch sees the answer on the 调拨单 at once; a
 * cannot-deliver report is noted on the credit record.
 */
export function CalloffAnswerModal({
  mode,
  calloff,
  unit,
  onClose,
}: {
  mode: AnswerMode;
  calloff: PortalCalloff;
  unit: UnitInfo;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AnswerValues>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const onSuccess = () => {
    void queryClient.invalidateQueries(trpc.portal.pathFilter());
    message.success(t(`portal.calloffs.${mode}.saved`, { number: calloff.number }));
    onClose();
  };
  const acknowledge = useMutation(
    trpc.portal.acknowledgeCalloff.mutationOptions({ onSuccess, onError: fail }),
  );
  const cannot = useMutation(trpc.portal.cannotDeliver.mutationOptions({ onSuccess, onError: fail }));

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    if (mode === "acknowledge") {
      acknowledge.mutate({
        id: calloff.id,
        estimatedDeparture: v.estimatedDeparture ? districtInstant(v.estimatedDeparture) : "",
      });
    } else {
      cannot.mutate({
        id: calloff.id,
        reason: v.reason?.trim() ?? "",
        canDeliver: v.canDeliver ?? 0,
        ...(v.unit && v.unit !== unit.baseUnit ? { unit: v.unit } : {}),
      });
    }
  };

  return (
    <FormModal
      title={t(`portal.calloffs.${mode}.title`, { number: calloff.number })}
      okText={t(`portal.calloffs.${mode}`)}
      okTestId="answer-ok"
      danger={mode === "cannotDeliver"}
      pending={acknowledge.isPending || cannot.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
      intro={
        <CalloffDescriptions
          calloff={calloff}
          quantity={<QuantityText value={calloff.quantity} unit={unit} />}
        />
      }
    >
      <Form<AnswerValues>
        form={form}
        layout="vertical"
        name={`calloff-${mode}`}
        initialValues={{
          estimatedDeparture: districtPickerValue(new Date()),
          canDeliver: 0,
          unit: unit.baseUnit,
        }}
      >
        {mode === "acknowledge" ? (
          <Form.Item
            name="estimatedDeparture"
            label={t("portal.calloffs.estimatedDeparture")}
            rules={[{ required: true, message: t("portal.calloffs.estimatedDepartureRequired") }]}
          >
            <DatePicker
              showTime={{ format: "HH:mm" }}
              format={DATE_TIME_FORMAT}
              data-testid="answer-departure"
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="reason"
              label={t("portal.calloffs.reason")}
              rules={[{ required: true, whitespace: true, message: t("portal.calloffs.reasonRequired") }]}
            >
              <Input.TextArea
                maxLength={500}
                autoSize={{ minRows: 2, maxRows: 4 }}
                data-testid="answer-reason"
              />
            </Form.Item>
            <QuantityUnitInput
              label={t("portal.calloffs.canDeliver")}
              extra={t("portal.calloffs.canDeliverHint")}
              name="canDeliver"
              unit={unit}
              testId="answer-can-deliver"
              unitTestId="answer-unit"
            />
          </>
        )}
      </Form>
    </FormModal>
  );
}
