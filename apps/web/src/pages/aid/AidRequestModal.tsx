import { skipToken, useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Col, DatePicker, Form, Input, Row, Select, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useMemo } from "react";
import { useNavigate } from "react-router";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { DATE_TIME_FORMAT, districtInstant, districtPickerValue } from "../../lib/format";
import { queryClient, trpc } from "../../trpc";
import { AidLineRows, type AidLineValues, aidFields } from "./AidLineRows";
import type { AidDirection } from "./aidTypes";

interface Values {
  neighbourId?: number;
  deliveryAreaId?: number;
  neededBy?: Dayjs;
  note?: string;
  lines: AidLineValues[];
}

const FIELDS = aidFields(["neighbourId", "deliveryAreaId", "neededBy", "note"]);

/** The neighbours the latest plan's shortfalls suggest asking, nearest entry first, without repeats. */
function useSuggestedNeighbours(incidentId: number | undefined): string[] {
  const versions = useQuery(trpc.dispatch.list.queryOptions(incidentId ? { incidentId } : skipToken));
  const planId = versions.data?.find((v) => v.status === "done")?.planId;
  const plan = useQuery(trpc.dispatch.get.queryOptions(planId ? { planId } : skipToken));
  return useMemo(() => {
    const names: string[] = [];
    for (const s of plan.data?.shortfalls ?? [])
      for (const m of s.suggestions) {
        const name = m.key === "aid.suggestion.ask" ? m.params?.neighbour : undefined;
        if (typeof name === "string" && !names.includes(name)) names.push(name);
      }
    return names;
  }, [plan.data]);
}

/**
 * 新建互助请求. Out (from an incident): the latest plan's unmet needs fill the lines, the area short of most the
 * delivery place; the neighbours the shortfalls suggest come first. In: a neighbour's request to Banan,
 * recorded as it came (delivered at its entry point, so no area).
 */
export function AidRequestModal({
  direction,
  incidentId,
  onClose,
}: {
  direction: AidDirection;
  incidentId?: number;
  onClose: () => void;
}) {
  const { t, list } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const out = direction === "out";
  const neighbours = useQuery(trpc.neighbours.list.queryOptions({ active: true, pageSize: 200 }));
  const items = useQuery(trpc.items.list.queryOptions());
  const incident = useQuery(trpc.incidents.get.queryOptions(incidentId ? { id: incidentId } : skipToken));
  const draft = useQuery(trpc.aid.draft.queryOptions(incidentId ? { incidentId } : skipToken));
  const suggested = useSuggestedNeighbours(incidentId);
  const neighbourRows = neighbours.data?.rows ?? [];
  const ordered = [
    ...suggested.flatMap((name) => neighbourRows.filter((n) => n.name === name)),
    ...neighbourRows.filter((n) => !suggested.includes(n.name)),
  ];

  // The draft arrives after the dialog opens: it fills the form once, and the dispatcher edits from there.
  useEffect(() => {
    if (!draft.data) return;
    form.setFieldsValue({
      deliveryAreaId: draft.data.deliveryAreaId ?? undefined,
      lines: draft.data.lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity })),
    });
  }, [draft.data, form]);
  useEffect(() => {
    const first = ordered[0];
    if (out && suggested.length > 0 && first && form.getFieldValue("neighbourId") === undefined)
      form.setFieldValue("neighbourId", first.id);
  }, [out, suggested, ordered, form]);

  const create = useMutation(
    trpc.aid.request.mutationOptions({
      onSuccess: (aid) => {
        void queryClient.invalidateQueries(trpc.aid.pathFilter());
        onClose();
        void navigate(`/aid/${aid.id}`);
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    create.mutate({
      direction,
      neighbourId: v.neighbourId ?? 0,
      incidentId: out ? (incidentId ?? null) : null,
      deliveryAreaId: out ? (v.deliveryAreaId ?? null) : null,
      neededBy: v.neededBy ? districtInstant(v.neededBy) : "",
      note: v.note?.trim() ?? "",
      lines: v.lines.map((l) => ({ itemId: l.itemId ?? 0, quantity: l.quantity ?? 0 })),
    });
  };

  const deadline = incident.data?.deadlineAt;
  return (
    <FormModal
      title={out ? t("aid.form.outTitle", { number: incident.data?.number ?? "" }) : t("aid.form.inTitle")}
      width={820}
      okTestId="aid-request-ok"
      pending={create.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      optionalRows={[{ list: "lines", keep: 1 }]}
      failure={failure}
      intro={
        out &&
        draft.data && (
          <Alert
            className="form-alert"
            type="info"
            showIcon
            data-testid="aid-draft-note"
            title={
              draft.data.planVersion === null
                ? t("aid.form.noPlan")
                : t("aid.form.fromPlan", { version: draft.data.planVersion })
            }
          />
        )
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="aid-request"
        initialValues={{
          lines: [{}],
          neededBy: deadline && Date.parse(deadline) > Date.now() ? districtPickerValue(deadline) : undefined,
        }}
      >
        <Row gutter={16}>
          <Col span={out ? 8 : 12}>
            <Form.Item
              name="neighbourId"
              label={t("aid.field.neighbour")}
              rules={[{ required: true, message: t("aid.form.neighbourRequired") }]}
              extra={
                out && suggested.length > 0 ? (
                  <Typography.Text type="secondary" data-testid="aid-suggested">
                    {t("aid.form.suggested", { names: list(suggested) })}
                  </Typography.Text>
                ) : undefined
              }
            >
              <Select<number>
                showSearch={{ optionFilterProp: "label" }}
                loading={neighbours.isPending}
                options={ordered.map((n) => ({ value: n.id, label: n.name }))}
                data-testid="aid-neighbour"
              />
            </Form.Item>
          </Col>
          {out && (
            <Col span={8}>
              <Form.Item
                name="deliveryAreaId"
                label={t("aid.form.deliverTo")}
                rules={[{ required: true, message: t("aid.form.areaRequired") }]}
              >
                <Select<number>
                  options={(incident.data?.areas ?? []).map((a) => ({ value: a.areaId, label: a.name }))}
                  data-testid="aid-area"
                />
              </Form.Item>
            </Col>
          )}
          <Col span={out ? 8 : 12}>
            <Form.Item
              name="neededBy"
              label={t("aid.field.neededBy")}
              rules={[{ required: true, message: t("aid.form.neededByRequired") }]}
            >
              <DatePicker
                showTime={{ format: "HH:mm" }}
                format={DATE_TIME_FORMAT}
                className="full-width"
                data-testid="aid-needed-by"
              />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t("aid.form.lines")}</Typography.Text>
        <AidLineRows items={items.data ?? []} />
        <Form.Item name="note" label={t("aid.field.note")}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="aid-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
