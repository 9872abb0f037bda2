import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { App, Button, Card, Form, InputNumber, Popconfirm, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { NameCodeCell } from "../../components/NameCodeCell";
import { useI18n } from "../../i18n";
import { errorInfo } from "../../lib/errors";
import { formatDecimal } from "../../lib/format";
import { queryClient, trpc } from "../../trpc";
import type { IncidentDetail, PackageLine } from "./incidentTypes";

interface LineValues {
  itemId: number;
  quantity: number;
  perPersons: number;
  basis: "person" | "household";
  days: number | null;
}

const LINE_FIELDS = ["itemId", "quantity", "perPersons", "basis", "days"];

function PackageLineModal({
  incident,
  line,
  onClose,
}: {
  incident: IncidentDetail;
  line: PackageLine | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<LineValues>();
  const { failure, fail, clear } = useFormFailure(form, LINE_FIELDS);
  const items = useQuery(trpc.items.list.queryOptions());
  const basis = Form.useWatch("basis", form);
  const save = useMutation(
    trpc.incidents.setPackageLine.mutationOptions({
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
      ...v,
      perPersons: v.basis === "household" ? 1 : v.perPersons,
      days: v.days ?? null,
    });
  };
  const inPackage = new Set(incident.package.map((l) => l.itemId));
  return (
    <FormModal
      title={
        line ? t("incidents.package.editTitle", { item: line.itemName }) : t("incidents.package.addTitle")
      }
      okTestId="package-line-ok"
      pending={save.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
    >
      <Form<LineValues>
        form={form}
        layout="vertical"
        name="package-line"
        initialValues={
          line
            ? {
                itemId: line.itemId,
                quantity: line.quantity,
                perPersons: line.perPersons,
                basis: line.basis,
                days: line.days,
              }
            : { perPersons: 1, basis: "person", days: null }
        }
      >
        <Form.Item
          name="itemId"
          label={t("incidents.package.item")}
          rules={[{ required: true, message: t("incidents.package.itemRequired") }]}
        >
          <Select<number>
            disabled={line !== null}
            showSearch={{ optionFilterProp: "label" }}
            loading={items.isPending}
            options={(items.data ?? [])
              .filter((i) => i.active && (line !== null || !inPackage.has(i.id)))
              .map((i) => ({ value: i.id, label: `${i.name} · ${i.code}` }))}
            data-testid="package-line-item"
          />
        </Form.Item>
        <Form.Item name="basis" label={t("incidents.package.basis")}>
          <Select
            options={(["person", "household"] as const).map((value) => ({
              value,
              label: t(`quotaBasis.${value}`),
            }))}
            data-testid="package-line-basis"
          />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="quantity"
            label={t("incidents.package.quantity")}
            rules={[{ required: true, message: t("incidents.package.quantityRequired") }]}
          >
            <InputNumber<number> min={0} data-testid="package-line-quantity" />
          </Form.Item>
          {basis !== "household" && (
            <Form.Item name="perPersons" label={t("incidents.field.perPersons")}>
              <InputNumber<number> min={1} precision={0} data-testid="package-line-persons" />
            </Form.Item>
          )}
          <Form.Item name="days" label={t("incidents.field.days")} extra={t("incidents.package.daysHint")}>
            <InputNumber<number> min={1} max={90} precision={0} data-testid="package-line-days" />
          </Form.Item>
        </Space>
      </Form>
    </FormModal>
  );
}

/** 救灾包: what each relocated person (or household) receives; from the quotas, editable per incident. */
export function PackageSection({ incident, editable }: { incident: IncidentDetail; editable: boolean }) {
  const { t, tm, locale } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ line: PackageLine | null } | null>(null);
  const remove = useMutation(
    trpc.incidents.removePackageLine.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.incidents.pathFilter()),
      onError: (error) => message.error(errorInfo(error, t("errors.network"), tm).message),
    }),
  );
  const share = (l: PackageLine) => {
    const amount = `${formatDecimal(l.quantity, locale)} ${l.baseUnit}`;
    const per =
      l.basis === "household"
        ? t("incidents.package.perHousehold")
        : l.perPersons === 1
          ? t("incidents.package.perPerson")
          : t("incidents.package.perPersons", { persons: l.perPersons });
    const text = t("incidents.package.share", { amount, per });
    return l.days ? t("incidents.package.shareDays", { share: text, days: l.days }) : text;
  };
  return (
    <Card
      title={t("incidents.package.title")}
      extra={
        editable && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setEditing({ line: null })}
            data-testid="package-line-add"
          >
            {t("incidents.package.add")}
          </Button>
        )
      }
    >
      <Table<PackageLine>
        rowKey="itemId"
        size="small"
        pagination={false}
        dataSource={incident.package}
        data-testid="incident-package"
        columns={[
          {
            title: t("incidents.package.item"),
            key: "item",
            render: (_v, l) => <NameCodeCell name={l.itemName} code={l.itemCode} testId="package-item" />,
          },
          { title: t("incidents.package.shareColumn"), key: "share", render: (_v, l) => share(l) },
          {
            title: t("incidents.package.source"),
            key: "source",
            render: (_v, l) =>
              l.edited ? (
                <Tag color="orange">{t("incidents.package.edited")}</Tag>
              ) : (
                <Tag>{t("incidents.package.fromQuota")}</Tag>
              ),
          },
          ...(editable
            ? [
                {
                  title: t("common.actions"),
                  key: "actions",
                  render: (_v: unknown, l: PackageLine) => (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => setEditing({ line: l })}
                        data-testid={`package-edit-${l.itemCode}`}
                      >
                        {t("common.edit")}
                      </Button>
                      <Popconfirm
                        title={t("incidents.package.removeConfirm", { item: l.itemName })}
                        okText={t("common.delete")}
                        cancelText={t("common.cancel")}
                        onConfirm={() => remove.mutate({ incidentId: incident.id, itemId: l.itemId })}
                      >
                        <Button type="link" size="small" danger data-testid={`package-remove-${l.itemCode}`}>
                          {t("common.delete")}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <PackageLineModal incident={incident} line={editing.line} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
