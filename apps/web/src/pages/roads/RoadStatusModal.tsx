import { useMutation, useQuery } from "@tanstack/react-query";
import { DatePicker, Form, Input, InputNumber, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal, useSaved } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { DATE_TIME_FORMAT, districtInstant } from "../../lib/format";
import { trpc } from "../../trpc";
import type { RoadEdge, RoadStatus } from "./roadTypes";

interface StatusValues {
  reason?: string;
  speedFactor?: number | null;
  effectiveAt?: Dayjs | null;
  expectedReopenAt?: Dayjs | null;
  incidentId?: number | null;
}

const FIELDS = ["reason", "speedFactor", "effectiveAt", "expectedReopenAt", "incidentId", "status"];

/**
 * Closing, slowing or reopening a road: why, since when, until when it is expected to reopen, and the
 * incident that caused it. The server keeps each change in the road's history.
 */
export function RoadStatusModal({
  edge,
  status,
  onClose,
}: {
  edge: RoadEdge;
  status: RoadStatus;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<StatusValues>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const incidents = useQuery(trpc.incidents.list.queryOptions({ status: "open", pageSize: 100 }));
  const saved = useSaved(onClose, trpc.roads.pathFilter(), trpc.incidents.pathFilter());
  const save = useMutation(trpc.roads.setStatus.mutationOptions({ onSuccess: saved, onError: fail }));
  const shut = status !== "open";

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    save.mutate({
      edgeId: edge.id,
      status,
      reason: v.reason?.trim() ?? "",
      ...(status === "slow" && typeof v.speedFactor === "number" ? { speedFactor: v.speedFactor } : {}),
      ...(v.effectiveAt ? { effectiveAt: districtInstant(v.effectiveAt) } : {}),
      ...(shut && v.expectedReopenAt ? { expectedReopenAt: districtInstant(v.expectedReopenAt) } : {}),
      ...(v.incidentId ? { incidentId: v.incidentId } : {}),
    });
  };

  return (
    <FormModal
      title={t(`roads.statusTitle.${status}`, { code: edge.code, name: edge.name })}
      okText={t(`roads.action.${status}`)}
      okTestId="road-status-ok"
      danger={status === "closed"}
      pending={save.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
    >
      <Form<StatusValues>
        form={form}
        layout="vertical"
        name="road-status"
        initialValues={{ speedFactor: 0.5 }}
      >
        {status === "slow" && (
          <Form.Item
            name="speedFactor"
            label={t("roads.field.speedFactor")}
            extra={t("roads.form.speedFactorHint")}
            rules={[{ required: true, message: t("roads.error.slowNeedsFactor") }]}
          >
            <InputNumber<number>
              min={0.05}
              max={0.95}
              step={0.1}
              className="full-width"
              data-testid="road-factor"
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t("roads.field.reason")}
          rules={
            shut ? [{ required: true, whitespace: true, message: t("roads.form.reasonRequired") }] : undefined
          }
        >
          <Input.TextArea rows={2} maxLength={200} data-testid="road-reason" />
        </Form.Item>
        <Form.Item
          name="effectiveAt"
          label={t("roads.field.effectiveAt")}
          extra={t("roads.form.effectiveHint")}
        >
          <DatePicker
            showTime
            format={DATE_TIME_FORMAT}
            className="full-width"
            data-testid="road-effective"
          />
        </Form.Item>
        {shut && (
          <Form.Item name="expectedReopenAt" label={t("roads.field.expectedReopenAt")}>
            <DatePicker showTime format={DATE_TIME_FORMAT} className="full-width" data-testid="road-reopen" />
          </Form.Item>
        )}
        {(incidents.data?.rows.length ?? 0) > 0 && (
          <Form.Item name="incidentId" label={t("roads.field.incident")}>
            <Select<number>
              allowClear
              options={(incidents.data?.rows ?? []).map((i) => ({
                value: i.id,
                label: `${i.number} ${i.title}`,
              }))}
              data-testid="road-incident"
            />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
