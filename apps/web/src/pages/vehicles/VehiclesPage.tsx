import { EditOutlined, PhoneOutlined, PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Flex, Input, Select, Space, Table, type TableColumnsType, type TableProps, Tag } from "antd";
import { useState } from "react";
import { useCurrentUser } from "../../auth/current-user";
import { CodeFilter } from "../../components/CodeFilter";
import { NameCodeCell } from "../../components/NameCodeCell";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import {
  FLEET_VEHICLE_TYPES,
  VEHICLE_OWNERS,
  VEHICLE_STATUSES,
  type VehicleStatus,
  type VehicleView,
} from "../../lib/api-types";
import { canEditFleet, canEditVehicle } from "../../lib/roles";
import { useUrlListState } from "../../lib/useUrlListState";
import { trpc } from "../../trpc";
import { FleetTotals } from "./FleetTotals";
import { useFleetSheet } from "./useFleetSheet";
import { VehicleFormModal } from "./VehicleFormModal";

const SORTS = ["plate", "type", "payloadKg", "homeWarehouse", "status"] as const;
const STATUS_COLOR: Record<VehicleStatus, string> = {
  available: "green",
  on_task: "blue",
  maintenance: "orange",
};

/**
 * 车辆: the relief fleet — government trucks by home warehouse and the plated trucks of transport
 * agreements — with what each warehouse can carry, for the dispatcher who plans with it.
 */
export function VehiclesPage() {
  const { t, formatNumber } = useI18n();
  const user = useCurrentUser();
  const list = useUrlListState({ sorts: SORTS, defaultSort: "plate", defaultPageSize: 50 });
  const filters = {
    type: list.code("type", FLEET_VEHICLE_TYPES),
    status: list.code("status", VEHICLE_STATUSES),
    owner: list.code("owner", VEHICLE_OWNERS),
    homeWarehouseId: list.id("warehouse"),
    search: list.params.get("search")?.trim() || undefined,
  };
  const query = useQuery(
    trpc.vehicles.list.queryOptions(
      { ...filters, ...list.paging },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );
  const options = useQuery(trpc.vehicles.options.queryOptions());
  const [dialog, setDialog] = useState<{ vehicle: VehicleView | null } | null>(null);
  const table = list.tableProps(query.data?.total);
  const sheet = useFleetSheet(canEditFleet(user.role));

  const columns: TableColumnsType<VehicleView> = [
    {
      title: t("vehicles.column.plate"),
      dataIndex: "plate",
      key: "plate",
      fixed: "left",
      sorter: true,
      sortOrder: list.sortOrder("plate"),
      render: (plate: string) => (
        <span className="plate" data-testid="vehicle-plate">
          {plate}
        </span>
      ),
    },
    {
      title: t("vehicles.column.type"),
      key: "type",
      sorter: true,
      sortOrder: list.sortOrder("type"),
      render: (_v, v) => t(`vehicles.type.${v.type}`),
    },
    {
      title: t("vehicles.column.payload"),
      key: "payloadKg",
      align: "right",
      sorter: true,
      sortOrder: list.sortOrder("payloadKg"),
      render: (_v, v) => formatNumber(v.payloadKg),
    },
    {
      title: t("vehicles.column.volume"),
      key: "volumeM3",
      align: "right",
      render: (_v, v) => formatNumber(v.volumeM3, v.volumeM3 % 1 === 0 ? 0 : 1),
    },
    {
      title: t("vehicles.column.home"),
      key: "homeWarehouse",
      sorter: true,
      sortOrder: list.sortOrder("homeWarehouse"),
      render: (_v, v) => <NameCodeCell name={v.homeWarehouseName} code={v.homeWarehouseCode} />,
    },
    {
      title: t("vehicles.column.driver"),
      key: "driver",
      render: (_v, v) =>
        v.driver || v.phone ? (
          <Flex vertical>
            <span>{v.driver}</span>
            {v.phone && (
              <a href={`tel:${v.phone.replace(/[^0-9+]/g, "")}`} className="phone-link">
                <PhoneOutlined /> {v.phone}
              </a>
            )}
          </Flex>
        ) : (
          "—"
        ),
    },
    {
      title: t("vehicles.column.status"),
      key: "status",
      sorter: true,
      sortOrder: list.sortOrder("status"),
      render: (_v, v) => (
        <Space size={4} wrap>
          <Tag color={STATUS_COLOR[v.status]} data-testid={`vehicle-status-${v.status}`}>
            {t(`vehicles.status.${v.status}`)}
          </Tag>
          {!v.active && <Tag>{t("vehicles.inactive")}</Tag>}
        </Space>
      ),
    },
    {
      title: t("vehicles.column.owner"),
      key: "owner",
      render: (_v, v) =>
        v.owner === "agreement" ? (
          <NameCodeCell
            name={<Tag color="purple">{t("vehicles.owner.agreement")}</Tag>}
            code={`${v.enterpriseName ?? ""} ${v.agreementNumber ?? ""}/${v.agreementLineNo ?? ""}`}
          />
        ) : (
          <Tag>{t("vehicles.owner.government")}</Tag>
        ),
    },
    {
      title: t("common.actions"),
      key: "actions",
      render: (_v, v) =>
        canEditVehicle(user.role, v.owner) && (
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setDialog({ vehicle: v })}
            data-testid={`vehicle-edit-${v.plate}`}
          >
            {t("common.edit")}
          </Button>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t("vehicles.title")}
        subtitle={t("vehicles.subtitle")}
        extra={
          <Space wrap>
            {sheet.buttons}
            {canEditFleet(user.role) && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDialog({ vehicle: null })}
                data-testid="vehicle-create"
              >
                {t("vehicles.create")}
              </Button>
            )}
          </Space>
        }
      />
      {sheet.outcome}
      <Space wrap>
        <CodeFilter
          list={list}
          name="type"
          codes={FLEET_VEHICLE_TYPES}
          label={(v) => t(`vehicles.type.${v}`)}
          placeholder={t("vehicles.filter.allTypes")}
          data-testid="vehicles-type-filter"
        />
        <CodeFilter
          list={list}
          name="status"
          codes={VEHICLE_STATUSES}
          label={(s) => t(`vehicles.status.${s}`)}
          placeholder={t("vehicles.filter.allStatuses")}
          data-testid="vehicles-status-filter"
        />
        <CodeFilter
          list={list}
          name="owner"
          codes={VEHICLE_OWNERS}
          label={(o) => t(`vehicles.owner.${o}`)}
          placeholder={t("vehicles.filter.allOwners")}
          data-testid="vehicles-owner-filter"
        />
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          className="filter-wide"
          placeholder={t("vehicles.filter.allWarehouses")}
          value={filters.homeWarehouseId}
          onChange={(value) => list.setFilters({ warehouse: value })}
          options={(options.data?.warehouses ?? []).map((w) => ({
            value: w.id,
            label: `${w.name} ${w.code}`,
          }))}
          data-testid="vehicles-warehouse-filter"
        />
        <Input.Search
          allowClear
          className="filter-wide"
          placeholder={t("vehicles.search")}
          defaultValue={filters.search}
          onSearch={(value) => list.setFilters({ search: value.trim() })}
          data-testid="vehicles-search"
        />
      </Space>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <>
          <FleetTotals
            totals={query.data?.byWarehouse ?? []}
            selected={filters.homeWarehouseId}
            onSelect={(id) => list.setFilters({ warehouse: id })}
          />
          <Table<VehicleView>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={query.data?.rows ?? []}
            loading={query.isFetching}
            // The hook reads only the pager and the sorted column's key and direction, whatever the row type.
            onChange={table.onChange as TableProps<VehicleView>["onChange"]}
            pagination={{ ...table.pagination, showTotal: (total) => t("common.total", { total }) }}
            scroll={{ x: "max-content" }}
            data-testid="vehicles-table"
            rowClassName={(v) => (v.active ? "" : "row-inactive")}
            onRow={(v) =>
              ({ "data-testid": "vehicle-row", "data-plate": v.plate }) as React.HTMLAttributes<HTMLElement>
            }
          />
        </>
      )}
      {dialog && (
        <VehicleFormModal
          vehicle={dialog.vehicle}
          options={options.data}
          role={user.role}
          onClose={() => setDialog(null)}
        />
      )}
    </Flex>
  );
}
