import { ArrowLeftOutlined, EditOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Descriptions, Flex, Skeleton, Space, Table, Tag } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { NameCodeCell } from "../../components/NameCodeCell";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { trpc } from "../../trpc";
import { canEditAid, type NeighbourView } from "../aid/aidTypes";
import { LendableImport } from "./LendableImport";
import { NeighbourFormModal } from "./NeighbourFormModal";

type Lendable = NeighbourView["lendable"][number];
type ListEntry = NeighbourView["lists"][number];

/**
 * One neighbouring district: its entry point and contacts (dispatchers edit them), what its latest list says
 * it can lend, the earlier lists, and the template to send it and its filled-in sheet to read back.
 */
export function NeighbourDetailPage() {
  const { t, formatNumber } = useI18n();
  const user = useCurrentUser();
  const id = Number(useParams().id);
  const query = useQuery(trpc.neighbours.get.queryOptions({ id }));
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const n = query.data;
  const mayEdit = canEditAid(user.role);

  return (
    <Flex vertical gap={16} data-testid="neighbour-page">
      <PageHeader
        title={
          <Space>
            <Link to="/neighbours" aria-label={t("neighbours.back")}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="neighbour-name">{n.name}</span>
            {!n.active && <Tag>{t("neighbours.inactive")}</Tag>}
          </Space>
        }
        subtitle={n.code}
        extra={
          mayEdit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="neighbour-edit">
              {t("common.edit")}
            </Button>
          )
        }
      />
      <Card>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: "entry",
              label: t("neighbours.column.entry"),
              children: n.entryNodeName
                ? `${n.entryNodeName} · ${n.entryNodeCode ?? ""}`
                : t("neighbours.noEntry"),
            },
            {
              key: "list",
              label: t("neighbours.column.lendableDate"),
              children: n.lendableDate ?? t("neighbours.noList"),
            },
            { key: "note", label: t("neighbours.column.note"), children: n.note || "—", span: 2 },
          ]}
        />
      </Card>
      <Card title={t("neighbours.contacts")} size="small">
        <Table
          rowKey={(c) => `${c.name}-${c.phone}`}
          size="small"
          pagination={false}
          dataSource={n.contacts}
          data-testid="neighbour-contacts"
          columns={[
            { title: t("neighbours.contact.name"), dataIndex: "name", key: "name" },
            { title: t("neighbours.contact.post"), dataIndex: "post", key: "post" },
            { title: t("neighbours.contact.phone"), dataIndex: "phone", key: "phone" },
          ]}
        />
      </Card>
      <Card
        title={t("neighbours.lendable.title", { date: n.lendableDate ?? t("neighbours.noList") })}
        size="small"
      >
        <Flex vertical gap={12}>
          <LendableImport neighbourId={n.id} canImport={mayEdit && n.active} />
          <Table<Lendable>
            rowKey="lineNo"
            size="small"
            pagination={false}
            dataSource={n.lendable}
            data-testid="neighbour-lendable"
            onRow={(l) =>
              ({
                "data-testid": "lendable-row",
                "data-item": l.itemCode,
              }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              {
                title: t("neighbours.lendable.item"),
                key: "item",
                render: (_v, l) => <NameCodeCell name={l.itemName} code={l.itemCode} />,
              },
              {
                title: t("neighbours.lendable.quantity"),
                key: "quantity",
                align: "right",
                render: (_v, l) => (
                  <span className="qty" data-testid="lendable-quantity">
                    {formatNumber(l.quantity)}
                    <span className="qty-units">{l.baseUnit}</span>
                  </span>
                ),
              },
              { title: t("neighbours.column.note"), dataIndex: "note", key: "note" },
            ]}
          />
        </Flex>
      </Card>
      <Card title={t("neighbours.lists.title")} size="small">
        <Table<ListEntry>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={n.lists}
          data-testid="neighbour-lists"
          columns={[
            { title: t("neighbours.lists.date"), dataIndex: "listDate", key: "date" },
            { title: t("neighbours.lists.file"), dataIndex: "fileName", key: "file" },
            {
              title: t("neighbours.lists.lines"),
              dataIndex: "lines",
              key: "lines",
              align: "right",
            },
            {
              title: t("neighbours.lists.importedAt"),
              key: "importedAt",
              render: (_v, l) => formatDistrictDateTime(l.importedAt),
            },
          ]}
        />
      </Card>
      {editing && <NeighbourFormModal neighbour={n} onClose={() => setEditing(false)} />}
    </Flex>
  );
}
