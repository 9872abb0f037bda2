import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Table, type TableColumnsType } from "antd";
import { NameCodeCell } from "../../../components/NameCodeCell";
import { QueryError } from "../../../components/QueryError";
import { QuantityText } from "../../../components/stock/QuantityText";
import { ExpiryText } from "../../../components/stock/StockTags";
import type { StockRefs } from "../../../components/stock/useStockRefs";
import { useI18n } from "../../../i18n";
import type { ItemTotalRow, ItemTotalSort } from "../../../lib/api-types";
import { trpc } from "../../../trpc";
import { ExplainedFigure, explainedBucket } from "./StockExplain";
import { BUCKETS, QUIET_WHEN_ZERO, type StockFilters, type StockList } from "./stock-list";

/** 库存 → 按物资: the same balances summed per item by the server, a page of items at a time. */
export function ItemTotalsTable({
  filters,
  list,
  refs,
  onShowLots,
}: {
  filters: StockFilters;
  list: StockList<ItemTotalSort>;
  refs: StockRefs;
  onShowLots: (itemId: number) => void;
}) {
  const { t } = useI18n();
  const query = useQuery(
    trpc.stock.itemTotals.queryOptions(
      { ...filters, ...list.paging },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );
  const sortable = (key: ItemTotalSort) => ({ key, sorter: true, sortOrder: list.sortOrder(key) });

  const columns: TableColumnsType<ItemTotalRow> = [
    {
      title: t("stock.column.item"),
      ...sortable("item"),
      render: (_v, row) => <NameCodeCell name={row.itemName} code={row.itemCode} />,
    },
    {
      title: t("stock.column.warehouses"),
      dataIndex: "warehouses",
      align: "right",
      ...sortable("warehouses"),
    },
    { title: t("stock.column.lots"), dataIndex: "lots", align: "right", ...sortable("lots") },
    ...BUCKETS.map((bucket) => ({
      title: t(`stock.column.${bucket}`),
      dataIndex: bucket,
      align: "right" as const,
      ...sortable(bucket),
      render: (value: number, row: ItemTotalRow) => {
        if (value === 0 && QUIET_WHEN_ZERO.includes(bucket)) return <span className="qty-zero">—</span>;
        const unit = refs.unitOf(row.itemId, row.baseUnit);
        const figure = (
          <QuantityText
            value={value}
            unit={unit}
            testId={`item-total-${bucket}`}
            strong={bucket === "available"}
            stacked
          />
        );
        const explained = explainedBucket(bucket, row);
        // The item's total under the page's warehouse and ownership filters.
        return explained ? (
          <ExplainedFigure
            bucket={explained}
            unit={unit}
            target={{ itemId: row.itemId, warehouseId: filters.warehouseId, ownership: filters.ownership }}
          >
            {figure}
          </ExplainedFigure>
        ) : (
          figure
        );
      },
    })),
    {
      title: t("stock.column.nearestExpiry"),
      dataIndex: "nearestExpiry",
      ...sortable("nearestExpiry"),
      render: (date: string | null) => <ExpiryText date={date} />,
    },
    {
      title: t("common.actions"),
      key: "actions",
      render: (_v, row) => (
        <Button type="link" size="small" onClick={() => onShowLots(row.itemId)}>
          {t("stock.action.showLots")}
        </Button>
      ),
    },
  ];

  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  return (
    <Table<ItemTotalRow>
      rowKey="itemId"
      size="middle"
      columns={columns}
      dataSource={query.data?.rows ?? []}
      loading={query.isFetching || refs.loading}
      scroll={{ x: "max-content" }}
      {...list.tableProps(query.data?.total)}
      data-testid="stock-items-table"
    />
  );
}
