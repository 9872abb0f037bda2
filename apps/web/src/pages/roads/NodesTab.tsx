import { EditOutlined } from "@ant-design/icons";
import { Button, Table, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { NameCodeCell } from "../../components/NameCodeCell";
import { useI18n } from "../../i18n";
import { formatCoordinates } from "../../lib/format";
import { NodeFormModal } from "./NodeFormModal";
import type { RoadNode } from "./roadTypes";

/** The network's points: township seats, warehouses, junctions, bridge ends, ferry landings, boundaries. */
export function NodesTab({
  nodes,
  loading,
  canEdit,
  creating,
  onCreated,
}: {
  nodes: RoadNode[];
  loading: boolean;
  canEdit: boolean;
  creating: boolean;
  onCreated: () => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<RoadNode | null>(null);
  const columns: TableColumnsType<RoadNode> = [
    {
      title: t("roads.column.node"),
      key: "name",
      render: (_v, n) => (
        <NameCodeCell
          name={
            <>
              {n.name} {!n.active && <Tag>{t("roads.inactive")}</Tag>}
            </>
          }
          code={n.code}
          testId="road-node-name"
        />
      ),
    },
    { title: t("roads.field.nodeKind"), key: "kind", render: (_v, n) => t(`roads.nodeKind.${n.kind}`) },
    { title: t("roads.column.coordinates"), key: "at", render: (_v, n) => formatCoordinates(n.lat, n.lon) },
    { title: t("roads.field.township"), key: "area", render: (_v, n) => n.areaName ?? "—" },
    { title: t("roads.field.warehouse"), key: "warehouse", render: (_v, n) => n.warehouseCode ?? "—" },
    { title: t("roads.column.edgeCount"), key: "edges", align: "right", render: (_v, n) => n.edgeCount },
    ...(canEdit
      ? [
          {
            title: t("common.actions"),
            key: "actions",
            render: (_v: unknown, n: RoadNode) => (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                onClick={() => setEditing(n)}
                data-testid={`road-node-edit-${n.code}`}
              >
                {t("common.edit")}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Table<RoadNode>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={nodes}
        loading={loading}
        pagination={{
          pageSize: 50,
          showSizeChanger: false,
          showTotal: (total) => t("common.total", { total }),
        }}
        scroll={{ x: "max-content" }}
        data-testid="road-nodes-table"
        rowClassName={(n) => (n.active ? "" : "row-inactive")}
      />
      {(editing || creating) && (
        <NodeFormModal
          node={editing}
          onClose={() => {
            setEditing(null);
            if (creating) onCreated();
          }}
        />
      )}
    </>
  );
}
