import { EditOutlined, PhoneOutlined, PlusOutlined, TeamOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import {
  Badge,
  Button,
  Flex,
  Progress,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { useCurrentUser } from "../../auth/current-user";
import { NameCodeCell } from "../../components/NameCodeCell";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { WarehouseKindTag } from "../../components/stock/StockTags";
import { useI18n } from "../../i18n";
import type { WarehouseKind, WarehouseView } from "../../lib/api-types";
import { formatDecimal } from "../../lib/format";
import { canEditWarehouse, canPostIn, canRegisterWarehouses, isAdmin } from "../../lib/roles";
import { trpc } from "../../trpc";
import { AssignUsersModal } from "./AssignUsersModal";
import { WarehouseFormModal } from "./WarehouseFormModal";

/** Usage at or above this share of the capacity is flagged. */
const USAGE_WARNING = 0.85;

type Dialog =
  | { kind: "form"; warehouse: WarehouseView | null }
  | { kind: "assign"; warehouse: WarehouseView };

/** 仓库: the warehouse register, how full each one is, who runs it and how to reach them day and night. */
export function WarehousesPage() {
  const { t, formatNumber, locale, list } = useI18n();
  const user = useCurrentUser();
  const canEdit = canRegisterWarehouses(user.role);
  const admin = isAdmin(user.role);
  const query = useQuery(trpc.warehouses.list.queryOptions(undefined, { staleTime: 0 }));
  const users = useQuery({ ...trpc.users.list.queryOptions(), enabled: admin });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const userName = (id: number) => users.data?.find((u) => u.id === id)?.displayName ?? `#${id}`;

  const columns: TableColumnsType<WarehouseView> = [
    {
      title: t("warehouses.column.name"),
      key: "name",
      fixed: "left",
      render: (_v, w) => (
        <NameCodeCell name={w.name} code={`${w.code} · ${w.organisation}`} testId="warehouse-name" />
      ),
    },
    {
      title: t("warehouses.column.kind"),
      dataIndex: "kind",
      key: "kind",
      render: (kind: WarehouseKind) => <WarehouseKindTag kind={kind} />,
    },
    { title: t("warehouses.column.township"), dataIndex: "areaName", key: "township" },
    {
      title: t("warehouses.column.capacity"),
      key: "capacity",
      align: "right",
      render: (_v, w) => (
        <Flex vertical>
          <span>{w.capacityM3 === null ? "—" : `${formatNumber(w.capacityM3)} m³`}</span>
          <Typography.Text type="secondary" className="cell-code">
            {w.capacityM2 === null ? "—" : `${formatNumber(w.capacityM2)} m²`}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("warehouses.column.usage"),
      key: "usage",
      width: 210,
      render: (_v, w) => {
        const percent = w.usage === null ? null : Math.round(w.usage * 1000) / 10;
        const warn = w.usage !== null && w.usage >= USAGE_WARNING;
        return (
          <Flex vertical data-testid="warehouse-usage" data-usage={w.usage ?? ""}>
            <span>
              {formatDecimal(w.usedM3, locale, 1)} m³
              {percent !== null && (
                <Typography.Text type={warn ? "danger" : "secondary"}>
                  {" "}
                  · {formatDecimal(percent, locale, 1)}%
                </Typography.Text>
              )}
            </span>
            {percent !== null ? (
              <Tooltip title={warn ? t("warehouses.usageWarning") : undefined}>
                <Progress
                  percent={Math.min(100, percent)}
                  size="small"
                  showInfo={false}
                  status={warn ? "exception" : "normal"}
                  strokeColor={warn ? undefined : percent >= 70 ? "#faad14" : undefined}
                />
              </Tooltip>
            ) : (
              <Typography.Text type="secondary">{t("warehouses.noCapacity")}</Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      title: t("warehouses.column.contact"),
      key: "contact",
      render: (_v, w) => (
        <Flex vertical>
          <span>{w.manager || "—"}</span>
          {w.phone ? (
            <a href={`tel:${w.phone.replace(/[^0-9+]/g, "")}`} className="phone-link">
              <PhoneOutlined /> {w.phone}
            </a>
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t("warehouses.column.loadMinutes"),
      dataIndex: "loadMinutes",
      key: "loadMinutes",
      align: "right",
      render: (v: number) => t("warehouses.minutesValue", { minutes: v }),
    },
    {
      title: t("warehouses.column.keepers"),
      dataIndex: "userIds",
      key: "keepers",
      render: (ids: number[], w) => {
        // Administrators post everywhere: they see who is assigned; others see whether they may post here.
        if (admin) {
          return ids.length > 0 ? (
            <span className="keeper-names">{list(ids.map(userName))}</span>
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          );
        }
        const mine = canPostIn(user, w);
        return (
          <Space size={4} wrap>
            {mine && (
              <Tag color="green" data-testid="warehouse-mine">
                {t("warehouses.mine")}
              </Tag>
            )}
            {ids.length > 0 && (
              <Typography.Text type="secondary">
                {t("warehouses.keeperCount", { count: ids.length })}
              </Typography.Text>
            )}
            {ids.length === 0 && !mine && <Typography.Text type="secondary">—</Typography.Text>}
          </Space>
        );
      },
    },
    {
      title: t("catalog.column.active"),
      dataIndex: "active",
      key: "active",
      render: (active: boolean) => (
        <Badge status={active ? "success" : "default"} text={t(active ? "users.active" : "users.inactive")} />
      ),
    },
    ...(canEdit
      ? [
          {
            title: t("common.actions"),
            key: "actions",
            render: (_v: unknown, w: WarehouseView) => (
              <Space size={0}>
                {canEditWarehouse(user.role, w) && (
                  <Button
                    type="link"
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setDialog({ kind: "form", warehouse: w })}
                    data-testid={`warehouse-edit-${w.code}`}
                  >
                    {t("common.edit")}
                  </Button>
                )}
                {admin && (
                  <Button
                    type="link"
                    size="small"
                    icon={<TeamOutlined />}
                    onClick={() => setDialog({ kind: "assign", warehouse: w })}
                    data-testid={`warehouse-assign-${w.code}`}
                  >
                    {t("warehouses.assign.action")}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t("warehouses.title")}
        subtitle={t("warehouses.subtitle")}
        extra={
          canEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: "form", warehouse: null })}
              data-testid="warehouse-create"
            >
              {t("warehouses.create")}
            </Button>
          )
        }
      />
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<WarehouseView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data ?? []}
          loading={query.isPending}
          pagination={false}
          scroll={{ x: "max-content" }}
          data-testid="warehouses-table"
          rowClassName={(w) => (w.active ? "" : "row-inactive")}
          onRow={(w) =>
            ({ "data-testid": "warehouse-row", "data-code": w.code }) as React.HTMLAttributes<HTMLElement>
          }
        />
      )}
      {dialog?.kind === "form" && (
        <WarehouseFormModal warehouse={dialog.warehouse} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === "assign" && (
        <AssignUsersModal warehouse={dialog.warehouse} onClose={() => setDialog(null)} />
      )}
    </Flex>
  );
}
