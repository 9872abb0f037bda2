import { useMutation } from "@tanstack/react-query";
import { App, DatePicker, Form, Input, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { invalidateAgreements } from "../../components/agreements/invalidate";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { CREDIT_EVENT_KINDS, type CreditEventKind } from "../../lib/api-types";
import { districtToday, isAfterDistrictToday } from "../../lib/format";
import { trpc } from "../../trpc";

interface CreditEventValues {
  occurredOn?: Dayjs;
  kind?: CreditEventKind;
  note?: string;
}

const FIELDS = ["occurredOn", "kind", "note"] as const;

/** 记录信用事件: a failed delivery, a refused inspection, a false declaration, or a commendation. */
export function CreditEventModal({
  enterprise,
  onClose,
}: {
  enterprise: { id: number; name: string };
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreditEventValues>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const record = useMutation(
    trpc.enterprises.recordCreditEvent.mutationOptions({
      onSuccess: () => {
        void invalidateAgreements();
        message.success(t("credit.event.saved"));
        onClose();
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    record.mutate({
      enterpriseId: enterprise.id,
      occurredOn: (v.occurredOn ?? dayjs()).format("YYYY-MM-DD"),
      kind: v.kind ?? "failed_delivery",
      note: v.note?.trim() ?? "",
    });
  };

  return (
    <FormModal
      title={t("credit.record.title", { name: enterprise.name })}
      okTestId="credit-event-ok"
      pending={record.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
    >
      <Form<CreditEventValues>
        form={form}
        layout="vertical"
        name="credit-event"
        initialValues={{ occurredOn: dayjs(districtToday()) }}
      >
        <Form.Item
          name="occurredOn"
          label={t("credit.event.occurredOn")}
          rules={[{ required: true, message: t("credit.event.dateRequired") }]}
        >
          <DatePicker disabledDate={isAfterDistrictToday} data-testid="credit-event-date" />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t("credit.event.kind")}
          rules={[{ required: true, message: t("credit.event.kindRequired") }]}
        >
          <Select<CreditEventKind>
            options={CREDIT_EVENT_KINDS.map((value) => ({
              value,
              label: t("credit.event.kindOption", {
                kind: t(`enterprises.creditEvent.${value}`),
                points: t(`creditEvent.points.${value}`),
              }),
            }))}
            data-testid="credit-event-kind"
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t("credit.event.note")}
          rules={[{ required: true, whitespace: true, message: t("credit.event.noteRequired") }]}
        >
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 5 }}
            data-testid="credit-event-note"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
