import { EditOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { App, Button, Card, Collapse, Form, Input, InputNumber, Table, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { queryClient, trpc } from "../../trpc";
import type { IncidentDetail, Need } from "./incidentTypes";

interface Names {
  area(id: number): string;
  item(id: number): { name: string; unit: string };
}

function useNames(incident: IncidentDetail): Names {
  const items = useQuery(trpc.items.list.queryOptions());
  const areas = new Map(incident.reports.flatMap((r) => r.areas).map((a) => [a.areaId, a.name]));
  const byId = new Map((items.data ?? []).map((i) => [i.id, i]));
  return {
    area: (id) => areas.get(id) ?? `#${id}`,
    item: (id) => {
      const item = byId.get(id);
      return { name: item?.name ?? `#${id}`, unit: item?.baseUnit ?? "" };
    },
  };
}

interface OverrideValues {
  quantity: number | null;
  reason: string;
}

function OverrideModal({
  incident,
  need,
  names,
  onClose,
}: {
  incident: IncidentDetail;
  need: Need;
  names: Names;
  onClose: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<OverrideValues>();
  const { failure, fail, clear } = useFormFailure(form, ["quantity", "reason"]);
  const item = names.item(need.itemId);
  const save = useMutation(
    trpc.incidents.overrideNeed.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.incidents.pathFilter());
        message.success(t("common.saved"));
        onClose();
      },
      onError: fail,
    }),
  );
  const submit = async () => {
    const v = await form.validateFields();
    clear();
    save.mutate({
      incidentId: incident.id,
      areaId: need.areaId,
      itemId: need.itemId,
      quantity: v.quantity ?? null,
      reason: v.reason,
    });
  };
  return (
    <FormModal
      title={t("incidents.needs.overrideTitle", { area: names.area(need.areaId), item: item.name })}
      okTestId="need-override-ok"
      pending={save.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
      intro={
        <Typography.Paragraph type="secondary">
          {t("incidents.needs.computedIs", { quantity: `${formatNumber(need.computed)} ${item.unit}` })}
        </Typography.Paragraph>
      }
    >
      <Form<OverrideValues>
        form={form}
        layout="vertical"
        name="need-override"
        initialValues={{ quantity: need.overridden?.quantity ?? need.computed }}
      >
        <Form.Item
          name="quantity"
          label={t("incidents.needs.quantity")}
          extra={t("incidents.needs.clearHint")}
        >
          <InputNumber<number>
            min={0}
            precision={0}
            addonAfter={item.unit || undefined}
            data-testid="need-override-quantity"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("incidents.field.reason")}
          rules={[{ required: true, whitespace: true, message: t("incidents.needs.reasonRequired") }]}
        >
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            data-testid="need-override-reason"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/**
 * 需求: each affected area's need of each item (relocated people × the package), a dispatcher's override in
 * its place with who set it and why, and the history of every override.
 */
export function NeedsSection({ incident, editable }: { incident: IncidentDetail; editable: boolean }) {
  const { t, formatNumber } = useI18n();
  const needs = useQuery(trpc.incidents.needs.queryOptions({ incidentId: incident.id }));
  const names = useNames(incident);
  const [editing, setEditing] = useState<Need | null>(null);
  const quantity = (n: number, itemId: number) => `${formatNumber(n)} ${names.item(itemId).unit}`;
  return (
    <Card
      title={t("incidents.needs.title")}
      extra={<Typography.Text type="secondary">{t("incidents.needs.rule")}</Typography.Text>}
    >
      <Table<Need>
        rowKey={(n) => `${n.areaId}:${n.itemId}`}
        size="small"
        loading={needs.isPending}
        pagination={false}
        dataSource={needs.data ?? []}
        data-testid="incident-needs"
        onRow={(n) =>
          ({
            "data-testid": "need-row",
            "data-area": names.area(n.areaId),
            "data-item": n.itemId,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t("incidents.needs.area"), key: "area", render: (_v, n) => names.area(n.areaId) },
          { title: t("incidents.needs.item"), key: "item", render: (_v, n) => names.item(n.itemId).name },
          {
            title: t("incidents.needs.computed"),
            key: "computed",
            align: "right",
            render: (_v, n) => (
              <span className={n.overridden ? "incident-computed-was" : undefined}>
                {quantity(n.computed, n.itemId)}
              </span>
            ),
          },
          {
            title: t("incidents.needs.quantity"),
            key: "quantity",
            align: "right",
            render: (_v, n) =>
              n.overridden ? (
                <Tooltip
                  title={t("incidents.needs.overriddenBy", {
                    by: n.overridden.by,
                    at: formatDistrictDateTime(n.overridden.at),
                    reason: n.overridden.reason,
                  })}
                >
                  <span className="incident-overridden" data-testid="need-quantity">
                    {quantity(n.quantity, n.itemId)}
                  </span>
                </Tooltip>
              ) : (
                <span data-testid="need-quantity">{quantity(n.quantity, n.itemId)}</span>
              ),
          },
          {
            title: t("incidents.needs.override"),
            key: "override",
            render: (_v, n) =>
              n.overridden && (
                <Typography.Text type="secondary" data-testid="need-override-note">
                  {t("incidents.needs.overrideNote", { by: n.overridden.by, reason: n.overridden.reason })}
                </Typography.Text>
              ),
          },
          ...(editable
            ? [
                {
                  title: t("common.actions"),
                  key: "actions",
                  render: (_v: unknown, n: Need) => (
                    <Button
                      type="link"
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setEditing(n)}
                      data-testid="need-override"
                    >
                      {t("incidents.needs.adjust")}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {incident.overrides.length > 0 && (
        <Collapse
          ghost
          items={[
            {
              key: "history",
              label: t("incidents.needs.history", { count: incident.overrides.length }),
              children: (
                <ul data-testid="need-override-history">
                  {incident.overrides.map((o) => (
                    <li key={o.id}>
                      {t(
                        o.quantity === null ? "incidents.needs.historyReset" : "incidents.needs.historyLine",
                        {
                          at: formatDistrictDateTime(o.at),
                          by: o.by,
                          area: names.area(o.areaId),
                          item: names.item(o.itemId).name,
                          quantity: o.quantity === null ? "" : quantity(o.quantity, o.itemId),
                          reason: o.reason,
                        },
                      )}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
      {editing && (
        <OverrideModal incident={incident} need={editing} names={names} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
