import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import {
  Alert,
  Badge,
  Button,
  Card,
  Flex,
  Form,
  InputNumber,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useNavigate } from "react-router";
import { DownloadButton } from "../../components/DownloadButton";
import { NameCodeCell } from "../../components/NameCodeCell";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { WarehouseSelect } from "../../components/stock/Pickers";
import { QuantityText } from "../../components/stock/QuantityText";
import { ExpiryText, LotStatusTag, OwnershipTag } from "../../components/stock/StockTags";
import { useStockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import {
  EXPIRY_SORTS,
  type ExpiryRow,
  type ExpirySort,
  type Ownership,
  type RotationRow,
} from "../../lib/api-types";
import { useUrlListState } from "../../lib/useUrlListState";
import { queryClient, trpc } from "../../trpc";

const TABS = ["expired", "expiring", "rotation"] as const;
type Tab = (typeof TABS)[number];

function intParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = params.get(name);
  const value = Number(raw);
  return raw !== null && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

const rowKey = (r: ExpiryRow) => `${r.warehouseId}-${r.lotId}-${r.ownership}`;

/** A lot with its production date, flagged when it is in a condition other than available or partly held. */
function ExpiryLot({ row, code }: { row: ExpiryRow; code: string }) {
  const { t, formatNumber } = useI18n();
  return (
    <Flex vertical align="start" gap={2}>
      <span data-testid="expiry-lot">{code}</span>
      {row.productionDate && (
        <Typography.Text type="secondary" className="cell-code lot-dates-line">
          {t("stock.lot.produced", { date: row.productionDate })}
        </Typography.Text>
      )}
      {(row.lotStatus !== "available" || row.onHold > 0) && (
        <Space size={4} wrap>
          {row.lotStatus !== "available" && <LotStatusTag status={row.lotStatus} />}
          {row.onHold > 0 && (
            <Tag color="orange" data-testid="expiry-held">
              {t("expiry.heldTag")} {formatNumber(row.onHold)}
            </Tag>
          )}
        </Space>
      )}
    </Flex>
  );
}

/**
 * 效期与轮换: expired lots, lots expiring within N days, and the rotation list (what to move out, by when,
 * where), each a page at a time from the server, with every list's count on its tab.
 */
export function ExpiryPage() {
  const { t, formatNumber } = useI18n();
  const navigate = useNavigate();
  const refs = useStockRefs();
  const list = useUrlListState({ sorts: EXPIRY_SORTS, defaultSort: "expiry" });
  const { params } = list;
  const tabParam = params.get("tab");
  const tab: Tab = TABS.find((x) => x === tabParam) ?? "expiring";
  const withinDays = intParam(params, "days", 90, 1, 3650);
  const rotationLeadDays = intParam(params, "lead", 30, 0, 365);
  const warehouseId = intParam(params, "warehouseId", 0, 1, Number.MAX_SAFE_INTEGER) || undefined;
  const expiry = useQuery(
    trpc.stock.expiry.queryOptions(
      tab === "rotation" ? skipToken : { warehouseId, withinDays, list: tab, ...list.paging },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );
  const rotation = useQuery(
    trpc.stock.rotation.queryOptions(
      tab === "rotation" ? { warehouseId, withinDays, rotationLeadDays, ...list.paging } : skipToken,
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );
  const query = tab === "rotation" ? rotation : expiry;
  const data = query.data;

  const set = (name: string, value: string | number | undefined) => list.setFilters({ [name]: value });
  const sortable = (key: ExpirySort) => ({ key, sorter: true, sortOrder: list.sortOrder(key) });

  const baseColumns: TableColumnsType<ExpiryRow> = [
    { title: t("stock.column.warehouse"), dataIndex: "warehouseName", ...sortable("warehouse") },
    {
      title: t("stock.column.item"),
      ...sortable("item"),
      render: (_v, row) => <NameCodeCell name={row.itemName} code={row.itemCode} />,
    },
    {
      title: t("stock.column.lot"),
      dataIndex: "lotCode",
      key: "lot",
      render: (code: string, row) => <ExpiryLot row={row} code={code} />,
    },
    {
      title: t("stock.column.ownership"),
      dataIndex: "ownership",
      key: "ownership",
      render: (o: Ownership) => <OwnershipTag ownership={o} />,
    },
    {
      title: t("stock.column.expiry"),
      dataIndex: "expiryDate",
      ...sortable("expiry"),
      render: (date: string, row) => (
        <ExpiryText date={date} expired={row.daysLeft < 0} warnDays={withinDays} showDays={false} />
      ),
    },
    {
      title: t("expiry.column.daysLeft"),
      dataIndex: "daysLeft",
      key: "daysLeft",
      align: "right",
      render: (days: number) =>
        days < 0 ? (
          <Typography.Text type="danger">
            {t("stock.expiredDays", { days: formatNumber(-days) })}
          </Typography.Text>
        ) : (
          t("expiry.days", { days: formatNumber(days) })
        ),
    },
    {
      title: t("stock.column.onHand"),
      dataIndex: "onHand",
      align: "right",
      ...sortable("onHand"),
      render: (v: number, row) => <QuantityText value={v} unit={refs.unitOf(row.itemId, row.baseUnit)} />,
    },
    {
      title: t("stock.column.reserved"),
      dataIndex: "reserved",
      key: "reserved",
      align: "right",
      render: (v: number, row) =>
        v === 0 ? (
          <span className="qty-zero">—</span>
        ) : (
          <QuantityText value={v} unit={refs.unitOf(row.itemId, row.baseUnit)} />
        ),
    },
  ];

  const cardAction = (row: ExpiryRow) => (
    <Button
      type="link"
      size="small"
      onClick={() =>
        navigate(`/stock/card?itemId=${row.itemId}&warehouseId=${row.warehouseId}&lotId=${row.lotId}`)
      }
    >
      {t("stock.action.card")}
    </Button>
  );

  const expiredColumns: TableColumnsType<ExpiryRow> = [
    ...baseColumns,
    {
      title: t("common.actions"),
      key: "actions",
      render: (_v, row) => (
        <Space size={0}>
          {cardAction(row)}
          {refs.canPost(row.warehouseId) && (
            <Tooltip title={t("expiry.writeOffHint")}>
              <Button type="link" size="small" danger onClick={() => navigate("/stock/post?type=issue")}>
                {t("expiry.writeOff")}
              </Button>
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];

  const expiringColumns: TableColumnsType<ExpiryRow> = [
    ...baseColumns,
    { title: t("common.actions"), key: "actions", render: (_v, row) => cardAction(row) },
  ];

  const rotationColumns: TableColumnsType<RotationRow> = [
    ...(baseColumns.slice(0, 4) as TableColumnsType<RotationRow>),
    {
      title: t("stock.column.expiry"),
      dataIndex: "expiryDate",
      ...sortable("expiry"),
      render: (date: string, row) => (
        <ExpiryText date={date} expired={row.daysLeft < 0} warnDays={withinDays} stacked />
      ),
    },
    {
      title: t("expiry.column.rotateBy"),
      dataIndex: "rotateBy",
      key: "rotateBy",
      render: (date: string) =>
        date <= (query.data?.today ?? "") ? (
          <Tag color="red" data-testid="rotate-now">
            {date} · {t("expiry.rotateNow")}
          </Tag>
        ) : (
          <span className="expiry">{date}</span>
        ),
    },
    {
      title: t("expiry.column.free"),
      dataIndex: "free",
      key: "free",
      align: "right",
      render: (v: number, row) => (
        <Flex vertical align="end">
          <QuantityText
            value={v}
            unit={refs.unitOf(row.itemId, row.baseUnit)}
            testId="rotation-free"
            stacked
          />
          {v < row.onHand && (
            <Typography.Text type="secondary" className="cell-code">
              {t("expiry.freeOf", { onHand: formatNumber(row.onHand) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t("expiry.column.action"),
      dataIndex: "action",
      key: "action",
      width: 200,
      render: (action: RotationRow["action"]) => t(`stock.rotationAction.${action}`),
    },
    {
      title: t("expiry.column.destinations"),
      dataIndex: "destinations",
      key: "destinations",
      render: (destinations: RotationRow["destinations"], row) =>
        destinations.length === 0 ? (
          "—"
        ) : (
          <Flex vertical gap={4}>
            {destinations.map((d) => (
              <Flex key={d.warehouseId} vertical className="destination">
                <span>{d.name}</span>
                <Typography.Text type="secondary" className="cell-code">
                  {t("expiry.destinationAvailable")}{" "}
                  <QuantityText value={d.available} unit={refs.unitOf(row.itemId, row.baseUnit)} />
                </Typography.Text>
              </Flex>
            ))}
          </Flex>
        ),
    },
  ];

  const rowProps = (row: ExpiryRow) =>
    ({
      "data-testid": "expiry-row",
      "data-lot": row.lotCode,
      "data-warehouse": row.warehouseId,
    }) as React.HTMLAttributes<HTMLElement>;
  const count = (n: number | undefined, color: string) => (
    <Badge count={n ?? 0} showZero color={color} overflowCount={999} />
  );

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t("expiry.title")} subtitle={t("expiry.subtitle")} />
      <Card size="small">
        <Form layout="inline" className="stock-filters">
          <Form.Item label={t("stock.column.warehouse")}>
            <WarehouseSelect
              allowClear
              className="filter-wide"
              warehouses={refs.warehouses}
              value={warehouseId}
              placeholder={t("stock.filter.allWarehouses")}
              onChange={(v) => set("warehouseId", v)}
              data-testid="expiry-warehouse"
            />
          </Form.Item>
          <Form.Item label={t("expiry.withinDays")}>
            <InputNumber<number>
              min={1}
              max={3650}
              precision={0}
              value={withinDays}
              suffix={t("expiry.daysUnit")}
              onChange={(v) => v && set("days", v === 90 ? undefined : v)}
              data-testid="expiry-days"
            />
          </Form.Item>
          <Form.Item label={t("expiry.leadDays")} tooltip={t("expiry.leadDaysHint")}>
            <InputNumber<number>
              min={0}
              max={365}
              precision={0}
              value={rotationLeadDays}
              suffix={t("expiry.daysUnit")}
              onChange={(v) => v !== null && set("lead", v === 30 ? undefined : v)}
              data-testid="expiry-lead"
            />
          </Form.Item>
        </Form>
      </Card>
      {data && (
        <Alert
          type="info"
          showIcon
          title={t("expiry.summary", {
            today: data.today,
            expired: data.counts.expired,
            expiring: data.counts.expiring,
            days: data.withinDays,
          })}
        />
      )}
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Card>
          <Tabs
            activeKey={tab}
            tabBarExtraContent={
              <DownloadButton
                testId="expiry-export"
                load={() =>
                  queryClient.fetchQuery({
                    ...(tab === "rotation"
                      ? trpc.stock.exportRotation.queryOptions({
                          warehouseId,
                          withinDays,
                          rotationLeadDays,
                          sort: list.paging.sort,
                          order: list.paging.order,
                        })
                      : trpc.stock.exportExpiry.queryOptions({
                          warehouseId,
                          withinDays,
                          list: tab,
                          sort: list.paging.sort,
                          order: list.paging.order,
                        })),
                    staleTime: 0,
                    gcTime: 0,
                  })
                }
              >
                {t("stock.action.export")}
              </DownloadButton>
            }
            onChange={(key) =>
              list.setFilters({
                tab: key === "expiring" ? undefined : key,
                sort: undefined,
                order: undefined,
              })
            }
            items={[
              {
                key: "expired",
                label: (
                  <Space data-testid="expiry-tab-expired">
                    {t("expiry.tab.expired")}
                    {count(data?.counts.expired, "red")}
                  </Space>
                ),
                children: (
                  <Table<ExpiryRow>
                    rowKey={rowKey}
                    size="middle"
                    columns={expiredColumns}
                    dataSource={tab === "expired" ? (expiry.data?.rows ?? []) : []}
                    loading={expiry.isFetching}
                    {...list.tableProps(expiry.data?.total)}
                    scroll={{ x: "max-content" }}
                    locale={{ emptyText: t("expiry.noneExpired") }}
                    onRow={rowProps}
                    data-testid="expiry-expired"
                  />
                ),
              },
              {
                key: "expiring",
                label: (
                  <Space data-testid="expiry-tab-expiring">
                    {t("expiry.tab.expiring", { days: withinDays })}
                    {count(data?.counts.expiring, "orange")}
                  </Space>
                ),
                children: (
                  <Table<ExpiryRow>
                    rowKey={rowKey}
                    size="middle"
                    columns={expiringColumns}
                    dataSource={tab === "expiring" ? (expiry.data?.rows ?? []) : []}
                    loading={expiry.isFetching}
                    {...list.tableProps(expiry.data?.total)}
                    scroll={{ x: "max-content" }}
                    locale={{ emptyText: t("expiry.noneExpiring", { days: withinDays }) }}
                    onRow={rowProps}
                    data-testid="expiry-expiring"
                  />
                ),
              },
              {
                key: "rotation",
                label: (
                  <Space data-testid="expiry-tab-rotation">
                    {t("expiry.tab.rotation")}
                    {count(data?.counts.rotation, "blue")}
                  </Space>
                ),
                children: (
                  <Flex vertical gap={12}>
                    <Typography.Text type="secondary">
                      {t("expiry.rotationHint", { lead: rotationLeadDays })}
                    </Typography.Text>
                    <Table<RotationRow>
                      rowKey={rowKey}
                      size="middle"
                      columns={rotationColumns}
                      dataSource={rotation.data?.rows ?? []}
                      loading={rotation.isFetching}
                      {...list.tableProps(rotation.data?.total)}
                      onRow={rowProps}
                      data-testid="expiry-rotation"
                    />
                  </Flex>
                ),
              },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
