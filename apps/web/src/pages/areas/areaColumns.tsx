import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Popconfirm, Space, type TableColumnsType, Tooltip } from "antd";
import { BasisTag } from "../../components/BasisTag";
import { useI18n } from "../../i18n";
import type { AreaItem, AreaRecord } from "../../lib/api-types";
import { formatCoordinates, formatDateTime } from "../../lib/format";

export interface AreaActions {
  canEdit: boolean;
  onEdit: (area: AreaRecord) => void;
  onAdd: (township: AreaItem) => void;
  onRemove: (area: AreaRecord) => void;
  removingId: number | null;
}

/**
 * The columns the township table and the village tables share, with the editing actions for editors;
 * `addTo` gives the township a row stands for, where villages can be added.
 */
export function useAreaColumns<R extends AreaRecord>(
  actions: AreaActions,
  addTo: (area: R) => AreaItem | null = () => null,
): TableColumnsType<R> {
  const { t, formatNumber } = useI18n();
  const { canEdit, onEdit, onAdd, onRemove, removingId } = actions;
  const columns: TableColumnsType<R> = [
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
      render: (kind: AreaRecord["kind"]) => t(`kind.${kind}`),
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
      render: (basis: AreaRecord["populationBasis"]) => <BasisTag basis={basis} />,
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
      title: t("areas.column.contact"),
      key: "contact",
      render: (_v, area) => [area.contactName, area.contactPhone].filter(Boolean).join(" ") || "—",
    },
    {
      title: t("areas.column.updatedAt"),
      dataIndex: "updatedAt",
      key: "updatedAt",
      render: (value: string) => formatDateTime(value),
    },
  ];
  if (!canEdit) return columns;
  columns.push({
    title: t("common.actions"),
    key: "actions",
    fixed: "right",
    render: (_v, area) => {
      const township = addTo(area);
      return (
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
          {township && (
            <Tooltip title={t("areas.addVillageHint")}>
              <Button
                type="link"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => onAdd(township)}
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
      );
    },
  });
  return columns;
}
