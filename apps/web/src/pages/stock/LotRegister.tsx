import { EditOutlined, FileSearchOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Flex, Space, Table, type TableColumnsType, Typography } from "antd";
import { useNavigate } from "react-router";
import { NameCodeCell } from "../../components/NameCodeCell";
import { QueryError } from "../../components/QueryError";
import { QuantityText } from "../../components/stock/QuantityText";
import { ExpiryText, LotStatusTag } from "../../components/stock/StockTags";
import type { StockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import type { LotSort, LotView } from "../../lib/api-types";
import { trpc } from "../../trpc";
import type { StockList } from "./balances/stock-list";
import type { LotStatusTarget } from "./LotStatusModal";

/**
 * 批次登记: every registered lot of the district — also lots no warehouse holds any more — with its dates,
 * condition and what is on hand over all warehouses, a page at a time; the lot's condition is set from here.
 */
export function LotRegister({
  refs,
  itemId,
  categoryId,
  search,
  list,
  onStatus,
}: {
  refs: StockRefs;
  itemId: number | undefined;
  categoryId: number | undefined;
  search: string | undefined;
  list: StockList<LotSort>;
  onStatus: (lot: LotStatusTarget) => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useQuery(
    trpc.stock.lots.queryOptions(
      { itemId, categoryId, search, ...list.paging },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );
  const sortable = (key: LotSort) => ({ key, sorter: true, sortOrder: list.sortOrder(key) });

  const columns: TableColumnsType<LotView> = [
    {
      title: t("stock.column.item"),
      width: 180,
      ...sortable("item"),
      render: (_v, lot) => <NameCodeCell name={lot.itemName} code={lot.itemCode} />,
    },
    {
      title: t("stock.column.lot"),
      dataIndex: "lotCode",
      ...sortable("lot"),
      render: (code: string) => <span data-testid="lot-register-code">{code}</span>,
    },
    {
      title: t("stock.line.productionDate"),
      dataIndex: "productionDate",
      ...sortable("production"),
      render: (date: string | null) => date ?? "—",
    },
    {
      title: t("stock.column.expiry"),
      dataIndex: "expiryDate",
      ...sortable("expiry"),
      render: (date: string | null, lot) => <ExpiryText date={date} expired={lot.expired} stacked />,
    },
    {
      title: t("stock.lots.status"),
      dataIndex: "status",
      ...sortable("status"),
      render: (_v, lot) => (
        <Flex vertical align="start" gap={2}>
          <LotStatusTag status={lot.status} />
          {lot.statusNote && (
            <Typography.Text type="secondary" className="cell-code" data-testid="lot-register-note">
              {lot.statusNote}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t("stock.lots.onHandAll"),
      dataIndex: "onHand",
      key: "onHand",
      align: "right",
      render: (value: number, lot) =>
        value === 0 ? (
          <span className="qty-zero" data-testid="lot-register-onHand" data-value={0}>
            —
          </span>
        ) : (
          <QuantityText value={value} unit={refs.unitOf(lot.itemId)} testId="lot-register-onHand" stacked />
        ),
    },
    {
      title: t("common.actions"),
      key: "actions",
      render: (_v, lot) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<FileSearchOutlined />}
            onClick={() => navigate(`/stock/card?itemId=${lot.itemId}&lotId=${lot.id}`)}
            data-testid="lot-register-card"
          >
            {t("stock.action.card")}
          </Button>
          {refs.canSetLotStatus(lot.holders) && (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() =>
                onStatus({
                  lotId: lot.id,
                  lotCode: lot.lotCode,
                  itemName: lot.itemName,
                  lotStatus: lot.status,
                  statusNote: lot.statusNote,
                })
              }
              data-testid="lot-register-status"
            >
              {t("stock.action.lotStatus")}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t("stock.lots.hint")}</Typography.Text>
      <Table<LotView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.rows ?? []}
        loading={query.isFetching || refs.loading}
        scroll={{ x: "max-content" }}
        {...list.tableProps(query.data?.total)}
        locale={{ emptyText: t("stock.lots.none") }}
        rowClassName={(lot) =>
          lot.expired ? "stock-row-expired" : lot.status !== "available" ? "stock-row-blocked" : ""
        }
        data-testid="lot-register"
        onRow={(lot) =>
          ({
            "data-testid": "lot-register-row",
            "data-item": lot.itemCode,
            "data-lot": lot.lotCode,
            "data-status": lot.status,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </Flex>
  );
}
