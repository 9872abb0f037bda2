import {
  DownOutlined,
  EditOutlined,
  FileSearchOutlined,
  LockOutlined,
  PlusOutlined,
  ReloadOutlined,
  UnlockOutlined,
} from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  Button,
  Card,
  Dropdown,
  Flex,
  Form,
  Input,
  type MenuProps,
  Segmented,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { DownloadButton } from "../../components/DownloadButton";
import { QueryError } from "../../components/QueryError";
import { ItemSelect, WarehouseSelect } from "../../components/stock/Pickers";
import { QuantityText } from "../../components/stock/QuantityText";
import { ExpiryText, LotStatusTag, OwnershipTag } from "../../components/stock/StockTags";
import { useStockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import { type BalanceRow, type BalancesQuery, OWNERSHIPS, type Ownership } from "../../lib/api-types";
import type { UnitInfo } from "../../lib/quantity";
import { canManageStock } from "../../lib/roles";
import { queryClient, trpc } from "../../trpc";
import { HoldModal } from "./HoldModal";
import { LotRegister } from "./LotRegister";
import { LotStatusModal, type LotStatusTarget } from "./LotStatusModal";
import { VerifyButton } from "./VerifyButton";

const BUCKETS = ["onHand", "reserved", "onHold", "inTransit", "available"] as const;
type Bucket = (typeof BUCKETS)[number];
/** Buckets that are usually empty: a dash instead of "0 瓶" keeps the columns readable. */
const QUIET_WHEN_ZERO: readonly Bucket[] = ["reserved", "onHold", "inTransit"];

type Dialog = { kind: "hold" | "unhold"; row: BalanceRow } | { kind: "status"; row: LotStatusTarget };

const VIEWS = ["lots", "items", "register"] as const;
type View = (typeof VIEWS)[number];

interface ItemTotal extends Record<Bucket, number> {
  itemId: number;
  itemCode: string;
  itemName: string;
  baseUnit: string;
  warehouses: number;
  lots: number;
  nearestExpiry: string | null;
}

const rowKey = (r: BalanceRow) => `${r.warehouseId}-${r.itemId}-${r.lotId}-${r.ownership}`;

function numberParam(params: URLSearchParams, name: string): number | undefined {
  const value = Number(params.get(name));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

function ownershipParam(params: URLSearchParams): Ownership | undefined {
  const value = params.get("ownership");
  return OWNERSHIPS.find((o) => o === value);
}

function sumBuckets(rows: readonly BalanceRow[]): Record<Bucket, number> {
  const total = { onHand: 0, reserved: 0, onHold: 0, inTransit: 0, available: 0 };
  for (const row of rows) for (const b of BUCKETS) total[b] += row[b];
  return total;
}

function totalsByItem(rows: readonly BalanceRow[]): ItemTotal[] {
  const byItem = new Map<number, { total: ItemTotal; warehouses: Set<number>; lots: Set<number> }>();
  for (const row of rows) {
    const entry = byItem.get(row.itemId) ?? {
      total: {
        itemId: row.itemId,
        itemCode: row.itemCode,
        itemName: row.itemName,
        baseUnit: row.baseUnit,
        warehouses: 0,
        lots: 0,
        nearestExpiry: null,
        onHand: 0,
        reserved: 0,
        onHold: 0,
        inTransit: 0,
        available: 0,
      },
      warehouses: new Set<number>(),
      lots: new Set<number>(),
    };
    for (const b of BUCKETS) entry.total[b] += row[b];
    entry.warehouses.add(row.warehouseId);
    entry.lots.add(row.lotId);
    if (
      row.expiryDate &&
      row.onHand > 0 &&
      (!entry.total.nearestExpiry || row.expiryDate < entry.total.nearestExpiry)
    ) {
      entry.total.nearestExpiry = row.expiryDate;
    }
    byItem.set(row.itemId, entry);
  }
  return [...byItem.values()]
    .map(({ total, warehouses, lots }) => ({ ...total, warehouses: warehouses.size, lots: lots.size }))
    .sort((a, b) => a.itemCode.localeCompare(b.itemCode));
}

/** 库存: balances per warehouse × item × lot × ownership, what can be promised, and the lot actions. */
export function StockPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const refs = useStockRefs();
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const manager = canManageStock(user.role);

  const filters: BalancesQuery = {
    warehouseId: numberParam(params, "warehouseId"),
    categoryId: numberParam(params, "categoryId"),
    itemId: numberParam(params, "itemId"),
    ownership: ownershipParam(params),
    includeEmpty: params.get("empty") === "1",
  };
  const view: View = VIEWS.find((v) => v === params.get("view")) ?? "lots";
  const register = view === "register";
  const lotSearch = params.get("lot")?.trim() || undefined;
  const categories = useQuery(trpc.items.categories.queryOptions());
  const query = useQuery({
    ...trpc.stock.balances.queryOptions(filters, { placeholderData: keepPreviousData, staleTime: 0 }),
    enabled: !register,
  });
  const rows = query.data ?? [];
  const itemTotals = useMemo(() => totalsByItem(query.data ?? []), [query.data]);
  const single = itemTotals.length === 1 ? itemTotals[0] : undefined;

  const setFilter = (name: string, value: string | number | boolean | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === false || value === "") next.delete(name);
    else next.set(name, value === true ? "1" : String(value));
    setParams(next, { replace: true });
  };

  const unitOf = (row: { itemId: number; baseUnit: string }): UnitInfo =>
    refs.unitOf(row.itemId, row.baseUnit);

  const bucketColumn = (bucket: Bucket) => ({
    title: t(`stock.column.${bucket}`),
    dataIndex: bucket,
    key: bucket,
    align: "right" as const,
    render: (value: number, row: BalanceRow) =>
      value === 0 && QUIET_WHEN_ZERO.includes(bucket) ? (
        <span className="qty-zero" data-testid={`qty-${bucket}`} data-value={0}>
          —
        </span>
      ) : (
        <span className={bucket === "available" && value === 0 && row.onHand > 0 ? "qty-blocked" : undefined}>
          <QuantityText
            value={value}
            unit={unitOf(row)}
            testId={`qty-${bucket}`}
            strong={bucket === "available"}
            stacked
          />
        </span>
      ),
  });

  // One warehouse chosen: its name is in the filter, not repeated on every row.
  const showWarehouse = !filters.warehouseId;
  const lead = showWarehouse ? 4 : 3;
  const warehouseColumn: TableColumnsType<BalanceRow> = showWarehouse
    ? [
        {
          title: t("stock.column.warehouse"),
          dataIndex: "warehouseName",
          key: "warehouse",
          width: 170,
          render: (name: string, row) => (
            <Flex vertical>
              <span>{name}</span>
              <Typography.Text type="secondary" className="cell-code">
                {row.warehouseCode}
              </Typography.Text>
            </Flex>
          ),
        },
      ]
    : [];

  const columns: TableColumnsType<BalanceRow> = [
    ...warehouseColumn,
    {
      title: t("stock.column.item"),
      key: "item",
      width: 180,
      render: (_v, row) => (
        <Flex vertical>
          <span data-testid="row-item-name">{row.itemName}</span>
          <Typography.Text type="secondary" className="cell-code">
            {row.itemCode}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("stock.column.lot"),
      dataIndex: "lotCode",
      key: "lot",
      render: (code: string, row) => (
        <Flex vertical align="start" gap={2}>
          <span data-testid="row-lot">{code}</span>
          {row.lotStatus !== "available" && <LotStatusTag status={row.lotStatus} />}
        </Flex>
      ),
    },
    {
      title: t("stock.column.ownership"),
      dataIndex: "ownership",
      key: "ownership",
      render: (o: Ownership) => <OwnershipTag ownership={o} />,
    },
    ...BUCKETS.map(bucketColumn),
    {
      title: t("stock.column.expiry"),
      dataIndex: "expiryDate",
      key: "expiry",
      render: (date: string | null, row) => <ExpiryText date={date} expired={row.expired} stacked />,
    },
    {
      title: t("common.actions"),
      key: "actions",
      render: (_v, row) => {
        const canPost = refs.canPost(row.warehouseId);
        const free = row.onHand - row.reserved - row.onHold;
        const more: NonNullable<MenuProps["items"]> = [
          ...(canPost && free > 0
            ? [
                {
                  key: "hold",
                  icon: <LockOutlined />,
                  label: <span data-testid="row-hold">{t("stock.action.hold")}</span>,
                },
              ]
            : []),
          ...(canPost && row.onHold > 0
            ? [
                {
                  key: "unhold",
                  icon: <UnlockOutlined />,
                  label: <span data-testid="row-unhold">{t("stock.action.unhold")}</span>,
                },
              ]
            : []),
          ...(refs.canSetLotStatus(row.lotHolders)
            ? [
                {
                  key: "status",
                  icon: <EditOutlined />,
                  label: <span data-testid="row-lot-status">{t("stock.action.lotStatus")}</span>,
                },
              ]
            : []),
        ];
        return (
          <Space size={0}>
            <Tooltip title={t("stock.action.cardHint")}>
              <Button
                type="link"
                size="small"
                icon={<FileSearchOutlined />}
                onClick={() =>
                  navigate(
                    `/stock/card?itemId=${row.itemId}&warehouseId=${row.warehouseId}&lotId=${row.lotId}`,
                  )
                }
                data-testid="row-card"
              >
                {t("stock.action.card")}
              </Button>
            </Tooltip>
            {more.length > 0 && (
              <Dropdown
                trigger={["click"]}
                menu={{
                  items: more,
                  onClick: ({ key }) =>
                    setDialog(
                      key === "status"
                        ? { kind: "status", row }
                        : { kind: key === "hold" ? "hold" : "unhold", row },
                    ),
                }}
              >
                <Button type="link" size="small" data-testid="row-more">
                  {t("stock.action.more")} <DownOutlined />
                </Button>
              </Dropdown>
            )}
          </Space>
        );
      },
    },
  ];

  const totalColumns: TableColumnsType<ItemTotal> = [
    {
      title: t("stock.column.item"),
      key: "item",
      render: (_v, row) => (
        <Flex vertical>
          <span>{row.itemName}</span>
          <Typography.Text type="secondary" className="cell-code">
            {row.itemCode}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t("stock.column.warehouses"), dataIndex: "warehouses", key: "warehouses", align: "right" },
    { title: t("stock.column.lots"), dataIndex: "lots", key: "lots", align: "right" },
    ...BUCKETS.map((bucket) => ({
      title: t(`stock.column.${bucket}`),
      dataIndex: bucket,
      key: bucket,
      align: "right" as const,
      render: (value: number, row: ItemTotal) =>
        value === 0 && QUIET_WHEN_ZERO.includes(bucket) ? (
          <span className="qty-zero">—</span>
        ) : (
          <QuantityText
            value={value}
            unit={unitOf(row)}
            testId={`item-total-${bucket}`}
            strong={bucket === "available"}
            stacked
          />
        ),
    })),
    {
      title: t("stock.column.nearestExpiry"),
      dataIndex: "nearestExpiry",
      key: "expiry",
      render: (date: string | null) => <ExpiryText date={date} />,
    },
    {
      title: t("common.actions"),
      key: "actions",
      render: (_v, row) => (
        <Button
          type="link"
          size="small"
          onClick={() => {
            const next = new URLSearchParams(params);
            next.set("itemId", String(row.itemId));
            next.delete("view");
            setParams(next);
          }}
        >
          {t("stock.action.showLots")}
        </Button>
      ),
    },
  ];

  const totals = sumBuckets(rows);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Typography.Title level={3} className="page-title">
            {t("stock.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("stock.subtitle")}</Typography.Text>
        </div>
        <Space wrap>
          {refs.postable.length > 0 && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate("/stock/post")}
              data-testid="stock-post"
            >
              {t("stock.action.post")}
            </Button>
          )}
          <DownloadButton
            testId="stock-export"
            load={() =>
              queryClient.fetchQuery({
                ...trpc.stock.exportBalances.queryOptions(filters),
                staleTime: 0,
                gcTime: 0,
              })
            }
          >
            {t("stock.action.export")}
          </DownloadButton>
          {manager && <VerifyButton />}
        </Space>
      </Flex>
      <Card size="small">
        <Form layout="inline" className="stock-filters">
          {!register && (
            <Form.Item label={t("stock.column.warehouse")}>
              <WarehouseSelect
                allowClear
                className="filter-wide"
                warehouses={refs.warehouses}
                value={filters.warehouseId}
                onChange={(v) => setFilter("warehouseId", v)}
                placeholder={t("stock.filter.allWarehouses")}
                data-testid="filter-warehouse"
              />
            </Form.Item>
          )}
          <Form.Item label={t("stock.column.category")}>
            <Select<number>
              allowClear
              className="filter-narrow"
              value={filters.categoryId}
              onChange={(v) => setFilter("categoryId", v)}
              placeholder={t("stock.filter.allCategories")}
              options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              data-testid="filter-category"
            />
          </Form.Item>
          <Form.Item label={t("stock.column.item")}>
            <ItemSelect
              allowClear
              includeInactive
              className="filter-wide"
              items={refs.items.filter((i) => !filters.categoryId || i.categoryId === filters.categoryId)}
              value={filters.itemId}
              onChange={(v) => setFilter("itemId", v)}
              placeholder={t("stock.filter.allItems")}
              data-testid="filter-item"
            />
          </Form.Item>
          {register ? (
            <Form.Item label={t("stock.lots.search")}>
              <Input.Search
                allowClear
                key={lotSearch ?? ""}
                defaultValue={lotSearch}
                maxLength={60}
                className="filter-narrow"
                placeholder={t("stock.lots.searchPlaceholder")}
                onSearch={(v) => setFilter("lot", v.trim())}
                data-testid="filter-lot"
              />
            </Form.Item>
          ) : (
            <>
              <Form.Item label={t("stock.column.ownership")}>
                <Select<Ownership>
                  allowClear
                  className="filter-narrow"
                  value={filters.ownership}
                  onChange={(v) => setFilter("ownership", v)}
                  placeholder={t("stock.filter.allOwnerships")}
                  options={OWNERSHIPS.map((value) => ({ value, label: t(`ownership.${value}`) }))}
                  data-testid="filter-ownership"
                />
              </Form.Item>
              <Form.Item label={t("stock.filter.showEmpty")} tooltip={t("stock.filter.showEmptyHint")}>
                <Switch
                  checked={filters.includeEmpty}
                  onChange={(v) => setFilter("empty", v)}
                  data-testid="filter-empty"
                />
              </Form.Item>
            </>
          )}
          <Form.Item>
            <Space>
              <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>
                {t("common.reset")}
              </Button>
              <Button
                icon={<ReloadOutlined />}
                onClick={() =>
                  register ? queryClient.invalidateQueries(trpc.stock.lots.pathFilter()) : query.refetch()
                }
                loading={query.isFetching}
              >
                {t("common.refresh")}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Segmented<View>
        value={view}
        onChange={(v) => setFilter("view", v === "lots" ? undefined : v)}
        options={[
          { value: "lots", label: t("stock.view.lots") },
          { value: "items", label: <span data-testid="view-items">{t("stock.view.items")}</span> },
          { value: "register", label: <span data-testid="view-register">{t("stock.view.register")}</span> },
        ]}
        className="stock-view-switch"
      />
      {register ? (
        <LotRegister
          refs={refs}
          itemId={filters.itemId}
          categoryId={filters.categoryId}
          search={lotSearch}
          onStatus={(lot) => setDialog({ kind: "status", row: lot })}
        />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : view === "lots" ? (
        <Table<BalanceRow>
          rowKey={rowKey}
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={query.isFetching || refs.loading}
          scroll={{ x: "max-content" }}
          pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
          data-testid="stock-table"
          rowClassName={(row) =>
            row.expired ? "stock-row-expired" : row.lotStatus !== "available" ? "stock-row-blocked" : ""
          }
          onRow={(row) =>
            ({
              "data-testid": "stock-row",
              "data-warehouse": row.warehouseCode,
              "data-item": row.itemCode,
              "data-lot": row.lotCode,
              "data-ownership": row.ownership,
            }) as React.HTMLAttributes<HTMLElement>
          }
          summary={() =>
            rows.length === 0 ? null : (
              <Table.Summary>
                <Table.Summary.Row className="stock-total-row" data-testid="stock-total">
                  <Table.Summary.Cell index={0} colSpan={lead}>
                    {single ? (
                      t("stock.total.single", { item: single.itemName, rows: rows.length })
                    ) : (
                      <Flex vertical>
                        <span>{t("stock.total.mixed", { rows: rows.length, items: itemTotals.length })}</span>
                        <Typography.Text type="secondary" className="cell-code">
                          {t("stock.total.pickItem")}
                        </Typography.Text>
                      </Flex>
                    )}
                  </Table.Summary.Cell>
                  {BUCKETS.map((bucket, i) => (
                    <Table.Summary.Cell key={bucket} index={lead + i} align="right">
                      {single ? (
                        <QuantityText
                          value={totals[bucket]}
                          unit={unitOf(single)}
                          testId={`total-${bucket}`}
                          strong
                          stacked
                        />
                      ) : (
                        "—"
                      )}
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={lead + BUCKETS.length} colSpan={2} />
                </Table.Summary.Row>
              </Table.Summary>
            )
          }
        />
      ) : (
        <Table<ItemTotal>
          rowKey="itemId"
          size="middle"
          columns={totalColumns}
          dataSource={itemTotals}
          loading={query.isFetching || refs.loading}
          scroll={{ x: "max-content" }}
          pagination={false}
          data-testid="stock-items-table"
        />
      )}
      {(dialog?.kind === "hold" || dialog?.kind === "unhold") && (
        <HoldModal
          row={dialog.row}
          unit={unitOf(dialog.row)}
          direction={dialog.kind}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === "status" && <LotStatusModal row={dialog.row} onClose={() => setDialog(null)} />}
    </Flex>
  );
}
