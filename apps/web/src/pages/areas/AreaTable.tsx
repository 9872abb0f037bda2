import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Popconfirm, Space, Table, type TableColumnsType, Tooltip } from "antd";
import type { Key } from "react";
import { BasisTag } from "../../components/BasisTag";
import { useI18n } from "../../i18n";
import type { AreaItem } from "../../lib/api-types";
import { formatCoordinates, formatDateTime } from "../../lib/format";
import type { AreaNode } from "./area-tree";

interface AreaTableProps {
  tree: AreaNode[];
  canEdit: boolean;
  expandedKeys: readonly Key[];
  onExpandedChange: (keys: readonly Key[]) => void;
  onEdit: (area: AreaItem) => void;
  onAdd: (township: AreaItem) => void;
  onRemove: (area: AreaItem) => void;
  removingId: number | null;
}

/** The area register as a tree: district → townships → villages and communities. */
export function AreaTable(props: AreaTableProps) {
  const { t, formatNumber } = useI18n();
  const { canEdit, onEdit, onAdd, onRemove, removingId } = props;

  const columns: TableColumnsType<AreaNode> = [
    {
      title: t("areas.column.name"),
      dataIndex: "name",
      key: "name",
      width: 200,
      fixed: "left",
      render: (name: string) => <span data-testid="area-name">{name}</span>,
    },
    {
      title: t("areas.column.kind"),
      dataIndex: "kind",
      key: "kind",
      render: (kind: AreaItem["kind"]) => t(`kind.${kind}`),
    },
    {
      title: t("areas.column.population"),
      dataIndex: "population",
      key: "population",
      align: "right",
      render: (value: number) => <span data-testid="area-population">{formatNumber(value)}</span>,
    },
    { title: t("areas.column.year"), dataIndex: "populationYear", key: "year", align: "center" },
    {
      title: t("areas.column.basis"),
      dataIndex: "populationBasis",
      key: "basis",
      render: (basis: AreaItem["populationBasis"]) => <BasisTag basis={basis} />,
    },
    {
      title: t("areas.column.householdSize"),
      dataIndex: "householdSize",
      key: "householdSize",
      align: "right",
      render: (value: number | null) => (value === null ? "—" : formatNumber(value, 2)),
    },
    {
      title: t("areas.column.coordinates"),
      key: "coordinates",
      render: (_v, area) => formatCoordinates(area.lat, area.lon),
    },
    {
      title: t("areas.column.updatedAt"),
      dataIndex: "updatedAt",
      key: "updatedAt",
      render: (value: string) => formatDateTime(value),
    },
  ];

  if (canEdit) {
    columns.push({
      title: t("common.actions"),
      key: "actions",
      fixed: "right",
      render: (_v, area) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => onEdit(area)}
            data-testid={`area-edit-${area.id}`}
          >
            {t("common.edit")}
          </Button>
          {area.level === "township" && (
            <Tooltip title={t("areas.addVillageHint")}>
              <Button
                type="link"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => onAdd(area)}
                data-testid={`area-add-${area.id}`}
              >
                {t("areas.addVillage")}
              </Button>
            </Tooltip>
          )}
          {area.level === "village" && (
            <Popconfirm
              title={t("areas.remove.confirm", { name: area.name })}
              description={t("areas.remove.description")}
              okText={t("common.delete")}
              cancelText={t("common.cancel")}
              okButtonProps={{ danger: true }}
              onConfirm={() => onRemove(area)}
            >
              <Button
                type="link"
                size="small"
                danger
                icon={<DeleteOutlined />}
                loading={removingId === area.id}
                data-testid={`area-delete-${area.id}`}
              >
                {t("common.delete")}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  return (
    <Table<AreaNode>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={props.tree}
      pagination={false}
      scroll={{ x: "max-content" }}
      data-testid="areas-table"
      rowClassName={(area) => `area-row area-row-${area.level}`}
      onRow={(area) =>
        ({
          "data-testid": `area-row-${area.id}`,
          "data-level": area.level,
        }) as React.HTMLAttributes<HTMLElement>
      }
      expandable={{
        expandedRowKeys: [...props.expandedKeys],
        onExpandedRowsChange: props.onExpandedChange,
        indentSize: 24,
      }}
    />
  );
}
