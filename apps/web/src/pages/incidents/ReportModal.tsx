import { useMutation } from "@tanstack/react-query";
import { App, DatePicker, Form, Input, Radio } from "antd";
import type { Dayjs } from "dayjs";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { DATE_TIME_FORMAT, districtInstant, districtPickerValue } from "../../lib/format";
import { queryClient, trpc } from "../../trpc";
import {
  AREA_ROWS,
  AreaRows,
  type AreaRowValues,
  areaFieldPlacement,
  areasInput,
  isAreaField,
  rowsFromFigures,
} from "./AreaRows";
import type { IncidentDetail } from "./incidentTypes";

interface Values {
  kind: "follow_up" | "verified";
  reportedAt: Dayjs;
  note?: string;
  areas: AreaRowValues[];
}

const FIELDS = (field: string) => ["kind", "reportedAt", "note"].includes(field) || isAreaField(field);

/**
 * 续报 / 核报: the full list of affected areas as of the report's time, starting from the latest figures. Once a
 * report is verified only another verified report may follow (a correction).
 */
export function ReportModal({ incident, onClose }: { incident: IncidentDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS, areaFieldPlacement);
  const verified = incident.reports.some((r) => r.kind === "verified");
  const report = useMutation(
    trpc.incidents.report.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.incidents.pathFilter());
        message.success(t("incidents.report.saved"));
        onClose();
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    report.mutate({
      incidentId: incident.id,
      kind: v.kind,
      reportedAt: districtInstant(v.reportedAt),
      note: v.note?.trim() ?? "",
      areas: areasInput(v.areas),
    });
  };

  return (
    <FormModal
      title={t("incidents.report.title", { number: incident.number })}
      width={900}
      okTestId="incident-report-ok"
      pending={report.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      optionalRows={AREA_ROWS}
      failure={failure}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="incident-report"
        initialValues={{
          kind: verified ? "verified" : "follow_up",
          reportedAt: districtPickerValue(new Date()),
          areas: rowsFromFigures(incident.areas),
        }}
      >
        <Form.Item
          name="kind"
          label={t("incidents.field.reportKind")}
          rules={[{ required: true }]}
          extra={verified ? t("incidents.report.verifiedHint") : undefined}
        >
          <Radio.Group data-testid="incident-report-kind">
            <Radio value="follow_up" disabled={verified}>
              {t("incidents.reportKind.follow_up")}
            </Radio>
            <Radio value="verified">{t("incidents.reportKind.verified")}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="reportedAt"
          label={t("incidents.field.reportedAt")}
          rules={[{ required: true, message: t("incidents.report.timeRequired") }]}
        >
          <DatePicker
            showTime={{ format: "HH:mm" }}
            format={DATE_TIME_FORMAT}
            data-testid="incident-report-time"
          />
        </Form.Item>
        <Form.Item label={t("incidents.field.area")} required extra={t("incidents.report.areasHint")}>
          <AreaRows form={form} />
        </Form.Item>
        <Form.Item name="note" label={t("incidents.field.note")}>
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 1, maxRows: 3 }}
            data-testid="incident-report-note"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
