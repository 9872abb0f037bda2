import {
  EditOutlined,
  EllipsisOutlined,
  FileSearchOutlined,
  LockOutlined,
  UnlockOutlined,
} from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  Button,
  Dropdown,
  Flex,
  type MenuProps,
  Space,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from "antd";
import { useNavigate } from "react-router";
import { NameCodeCell } from "../../../components/NameCodeCell";
import { QueryError } from "../../../components/QueryError";
import { QuantityText } from "../../../components/stock/QuantityText";
import { ExpiryText, LotStatusTag, OwnershipTag } from "../../../components/stock/StockTags";
import type { StockRefs } from "../../../components/stock/useStockRefs";
import { useI18n } from "../../../i18n";
import type { BalanceRow, BalanceSort, BalancesPage } from "../../../lib/api-types";
import type { UnitInfo } from "../../../lib/quantity";
import { trpc } from "../../../trpc";
import { ExplainedFigure, explainedBucket } from "./StockExplain";
import { BUCKETS, type Bucket, QUIET_WHEN_ZERO, type StockFilters, type StockList } from "./stock-list";

export type BalanceDialog =
  | { kind: "hold" | "unhold"; row: BalanceRow }
  | { kind: "status"; row: BalanceRow };

const rowKey = (r: BalanceRow) => `${r.warehouseId}-${r.itemId}-${r.lotId}-${r.ownership}`;

/** 库存 → 按批次: one row per warehouse × item × lot × ownership, a page at a time, with totals over all of them. */
export function BalanceTable({
  filters,
  list,
  refs,
  onDialog,
}: {
  filters: StockFilters;
  list: StockList<BalanceSort>;
  refs: StockRefs;
  onDialog: (dialog: BalanceDialog) => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useQuery(
    trpc.stock.balances.queryOptions(
      { ...filters, ...list.paging },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );
  const unitOf = (row: { itemId: number; baseUnit: string }): UnitInfo =>
    refs.unitOf(row.itemId, row.baseUnit);
  const sortable = (key: BalanceSort) => ({ key, sorter: true, sortOrder: list.sortOrder(key) });

  const bucketColumn = (bucket: Bucket) => ({
    title: t(`stock.column.${bucket}`),
    dataIndex: bucket,
    align: "right" as const,
    ...sortable(bucket),
    render: (value: number, row: BalanceRow) => {
      if (value === 0 && QUIET_WHEN_ZERO.includes(bucket))
        return (
          <span className="qty-zero" data-testid={`qty-${bucket}`} data-value={0}>
            —
          </span>
        );
      const figure = (
        <span className={bucket === "available" && value === 0 && row.onHand > 0 ? "qty-blocked" : undefined}>
          <QuantityText
            value={value}
            unit={unitOf(row)}
            testId={`qty-${bucket}`}
            strong={bucket === "available"}
            stacked
          />
        </span>
      );
      const explained = explainedBucket(bucket, row);
      return explained ? (
        <ExplainedFigure
          bucket={explained}
          unit={unitOf(row)}
          target={{
            itemId: row.itemId,
            warehouseId: row.warehouseId,
            lotId: row.lotId,
            ownership: row.ownership,
          }}
        >
          {figure}
        </ExplainedFigure>
      ) : (
        figure
      );
    },
  });

  // One warehouse chosen: its name is in the filter, not repeated on every row.
  const showWarehouse = !filters.warehouseId;
  const lead = showWarehouse ? 3 : 2;
  const columns: TableColumnsType<BalanceRow> = [
    ...(showWarehouse
      ? [
          {
            title: t("stock.column.warehouse"),
            dataIndex: "warehouseName",
            width: 150,
            ...sortable("warehouse"),
            render: (name: string, row: BalanceRow) => <NameCodeCell name={name} code={row.warehouseCode} />,
          },
        ]
      : []),
    {
      title: t("stock.column.item"),
      width: 150,
      ...sortable("item"),
      render: (_v, row) => <NameCodeCell name={row.itemName} code={row.itemCode} testId="row-item-name" />,
    },
    {
      // Ownership rides in the lot cell (filtered above the table): one column less keeps the quantities in
      // view at 1366 px in both languages.
      title: t("stock.column.lotOwnership"),
      dataIndex: "lotCode",
      ...sortable("lot"),
      render: (code: string, row) => (
        <Flex vertical align="start" gap={2}>
          <span data-testid="row-lot">{code}</span>
          {row.productionDate && (
            <Typography.Text type="secondary" className="cell-code lot-dates-line" data-testid="row-produced">
              {t("stock.lot.produced", { date: row.productionDate })}
            </Typography.Text>
          )}
          <Space size={4} wrap>
            <OwnershipTag ownership={row.ownership} />
            {row.lotStatus !== "available" && <LotStatusTag status={row.lotStatus} />}
          </Space>
        </Flex>
      ),
    },
    ...BUCKETS.map(bucketColumn),
    {
      title: t("stock.column.expiry"),
      dataIndex: "expiryDate",
      ...sortable("expiry"),
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
            <Tooltip title={`${t("stock.action.card")}：${t("stock.action.cardHint")}`}>
              <Button
                type="link"
                size="small"
                aria-label={t("stock.action.card")}
                icon={<FileSearchOutlined />}
                onClick={() =>
                  navigate(
                    `/stock/card?itemId=${row.itemId}&warehouseId=${row.warehouseId}&lotId=${row.lotId}`,
                  )
                }
                data-testid="row-card"
              />
            </Tooltip>
            {more.length > 0 && (
              <Dropdown
                trigger={["click"]}
                menu={{
                  items: more,
                  onClick: ({ key }) =>
                    onDialog({ kind: key === "status" ? "status" : key === "hold" ? "hold" : "unhold", row }),
                }}
              >
                <Button
                  type="link"
                  size="small"
                  aria-label={t("stock.action.more")}
                  title={t("stock.action.more")}
                  icon={<EllipsisOutlined />}
                  data-testid="row-more"
                />
              </Dropdown>
            )}
          </Space>
        );
      },
    },
  ];

  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const data = query.data;
  return (
    <Table<BalanceRow>
      rowKey={rowKey}
      size="middle"
      columns={columns}
      dataSource={data?.rows ?? []}
      loading={query.isFetching || refs.loading}
      {...list.tableProps(data?.total)}
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
      summary={() => (data && data.total > 0 ? <TotalRow data={data} lead={lead} refs={refs} /> : null)}
    />
  );
}

/** Sums over every matching balance (the server's), shown only when they share one item and so one unit. */
function TotalRow({ data, lead, refs }: { data: BalancesPage; lead: number; refs: StockRefs }) {
  const { t } = useI18n();
  const { totals, total } = data;
  const single = totals.itemId === null ? undefined : refs.item(totals.itemId);
  const singleName = single?.name ?? data.rows[0]?.itemName ?? "";
  return (
    <Table.Summary>
      <Table.Summary.Row className="stock-total-row" data-testid="stock-total">
        <Table.Summary.Cell index={0} colSpan={lead}>
          {totals.itemId !== null ? (
            t("stock.total.single", { item: singleName, rows: total })
          ) : (
            <Flex vertical>
              <span>{t("stock.total.mixed", { rows: total, items: totals.items })}</span>
              <Typography.Text type="secondary" className="cell-code">
                {t("stock.total.pickItem")}
              </Typography.Text>
            </Flex>
          )}
        </Table.Summary.Cell>
        {BUCKETS.map((bucket, i) => (
          <Table.Summary.Cell key={bucket} index={lead + i} align="right">
            {totals.itemId !== null ? (
              <QuantityText
                value={totals[bucket]}
                unit={refs.unitOf(totals.itemId, data.rows[0]?.baseUnit)}
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
  );
}
