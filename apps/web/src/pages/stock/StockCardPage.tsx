import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import {
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Row,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { Link } from "react-router";
import { DownloadButton } from "../../components/DownloadButton";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { ItemSelect, LotSearchSelect, WarehouseSelect } from "../../components/stock/Pickers";
import { DeltaText, QuantityText } from "../../components/stock/QuantityText";
import { DocumentTypeTag, LotDates, OwnershipTag } from "../../components/stock/StockTags";
import { useStockRefs } from "../../components/stock/useStockRefs";
import { type MessageKey, useI18n } from "../../i18n";
import type { CardQuery, Ownership, StockCardRow } from "../../lib/api-types";
import { DATE_TIME_FORMAT, formatDateTime } from "../../lib/format";
import { useUrlListState } from "../../lib/useUrlListState";
import { queryClient, trpc } from "../../trpc";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The card's one order is posting order; the header toggles oldest or newest first. */
const CARD_SORTS = ["postedAt"] as const;

type CardSelection = Pick<CardQuery, "itemId" | "warehouseId" | "lotId" | "from" | "to">;

function readCardQuery(params: URLSearchParams): CardSelection | null {
  const id = (name: string) => {
    const value = Number(params.get(name));
    return Number.isInteger(value) && value > 0 ? value : undefined;
  };
  const date = (name: string) => {
    const value = params.get(name);
    return value && DATE.test(value) ? value : undefined;
  };
  const itemId = id("itemId");
  if (!itemId) return null;
  return { itemId, warehouseId: id("warehouseId"), lotId: id("lotId"), from: date("from"), to: date("to") };
}

/**
 * 库存卡: one item's movements in posting order with the running on-hand balance, a page at a time; the
 * server sums the lines before the page, so each page's balance continues the one before.
 */
export function StockCardPage() {
  const { t } = useI18n();
  const refs = useStockRefs();
  const list = useUrlListState({ sorts: CARD_SORTS, defaultSort: "postedAt", defaultPageSize: 100 });
  const input = readCardQuery(list.params);
  const card = useQuery(
    trpc.stock.card.queryOptions(input ? { ...input, ...list.paging } : skipToken, {
      placeholderData: keepPreviousData,
      staleTime: 0,
    }),
  );
  const item = refs.item(input?.itemId);
  const unit = input ? refs.unitOf(input.itemId, card.data?.item.baseUnit) : { baseUnit: "", packs: [] };
  const set = list.setFilters;

  const range: [Dayjs | null, Dayjs | null] = [
    input?.from ? dayjs(input.from) : null,
    input?.to ? dayjs(input.to) : null,
  ];
  const figures: Array<{ label: MessageKey; value: number; testId: string }> = [
    { label: "card.opening", value: card.data?.opening ?? 0, testId: "card-opening" },
    { label: "card.totalIn", value: card.data?.totalIn ?? 0, testId: "card-in" },
    { label: "card.totalOut", value: card.data?.totalOut ?? 0, testId: "card-out" },
    { label: "card.closing", value: card.data?.closing ?? 0, testId: "card-closing" },
  ];

  const columns: TableColumnsType<StockCardRow> = [
    {
      title: t("documents.column.postedAt"),
      dataIndex: "postedAt",
      key: "postedAt",
      sorter: true,
      sortOrder: list.sortOrder("postedAt"),
      render: (v: string) => formatDateTime(v, DATE_TIME_FORMAT),
    },
    {
      title: t("documents.column.number"),
      dataIndex: "number",
      key: "number",
      render: (number: string, row) => <Link to={`/documents/${row.documentId}`}>{number}</Link>,
    },
    {
      title: t("documents.column.type"),
      dataIndex: "type",
      key: "type",
      render: (type: string) => <DocumentTypeTag type={type} />,
    },
    ...(input?.warehouseId
      ? []
      : [{ title: t("stock.column.warehouse"), dataIndex: "warehouseName", key: "warehouse" }]),
    {
      title: t("stock.column.lot"),
      dataIndex: "lotCode",
      key: "lot",
      render: (code: string, row) => (
        <LotDates code={code} production={row.productionDate} expiry={row.expiryDate} />
      ),
    },
    {
      title: t("stock.column.ownership"),
      dataIndex: "ownership",
      key: "ownership",
      render: (o: Ownership) => <OwnershipTag ownership={o} />,
    },
    {
      title: t("documents.delta.in"),
      key: "in",
      align: "right",
      render: (_v, row) => <DeltaText value={Math.max(0, row.onHandDelta)} unit={unit} />,
    },
    {
      title: t("documents.delta.out"),
      key: "out",
      align: "right",
      render: (_v, row) => <DeltaText value={Math.max(0, -row.onHandDelta)} unit={unit} />,
    },
    {
      title: t("documents.delta.reservedDelta"),
      dataIndex: "reservedDelta",
      key: "reserved",
      align: "right",
      render: (v: number) => <DeltaText value={v} unit={unit} />,
    },
    {
      title: t("documents.delta.onHoldDelta"),
      dataIndex: "onHoldDelta",
      key: "onHold",
      align: "right",
      render: (v: number) => <DeltaText value={v} unit={unit} />,
    },
    {
      title: t("documents.delta.inTransitDelta"),
      dataIndex: "inTransitDelta",
      key: "inTransit",
      align: "right",
      render: (v: number) => <DeltaText value={v} unit={unit} />,
    },
    {
      title: t("card.balance"),
      dataIndex: "balance",
      key: "balance",
      align: "right",
      render: (v: number) => <QuantityText value={v} unit={unit} strong testId="card-balance" />,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t("card.title")}
        subtitle={t("card.subtitle")}
        extra={
          input && (
            <DownloadButton
              testId="card-export"
              load={() =>
                queryClient.fetchQuery({
                  ...trpc.stock.exportCard.queryOptions(input),
                  staleTime: 0,
                  gcTime: 0,
                })
              }
            >
              {t("stock.action.export")}
            </DownloadButton>
          )
        }
      />
      <Card size="small">
        <Form layout="inline" className="stock-filters">
          <Form.Item label={t("stock.column.item")} required>
            <ItemSelect
              includeInactive
              className="filter-wide"
              items={refs.items}
              value={input?.itemId}
              onChange={(v) => set({ itemId: v, lotId: undefined })}
              data-testid="card-item"
            />
          </Form.Item>
          <Form.Item label={t("stock.column.warehouse")}>
            <WarehouseSelect
              allowClear
              className="filter-wide"
              warehouses={refs.warehouses}
              value={input?.warehouseId}
              placeholder={t("stock.filter.allWarehouses")}
              onChange={(v) => set({ warehouseId: v })}
              data-testid="card-warehouse"
            />
          </Form.Item>
          <Form.Item label={t("stock.column.lot")}>
            <LotSearchSelect
              allowClear
              className="filter-narrow"
              itemId={input?.itemId}
              disabled={!input}
              value={input?.lotId}
              placeholder={t("card.allLots")}
              onChange={(v) => set({ lotId: v })}
              data-testid="card-lot"
            />
          </Form.Item>
          <Form.Item label={t("card.range")}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              value={range}
              onChange={(dates) =>
                set({ from: dates?.[0]?.format("YYYY-MM-DD"), to: dates?.[1]?.format("YYYY-MM-DD") })
              }
              data-testid="card-range"
            />
          </Form.Item>
        </Form>
      </Card>
      {!input ? (
        <Empty description={t("card.pickItem")} />
      ) : card.isError ? (
        <QueryError error={card.error} onRetry={() => card.refetch()} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            {figures.map((figure) => (
              <Col key={figure.testId} xs={12} lg={6}>
                <Card size="small" className="stat-card">
                  <Typography.Text type="secondary">{t(figure.label)}</Typography.Text>
                  <div className="card-figure">
                    <QuantityText value={figure.value} unit={unit} strong testId={figure.testId} />
                  </div>
                </Card>
              </Col>
            ))}
          </Row>
          <Table<StockCardRow>
            rowKey="lineId"
            size="middle"
            title={() => (
              <Space>
                <strong>{item ? `${item.code} ${item.name}` : card.data?.item.name}</strong>
                {input.from || input.to ? (
                  <Typography.Text type="secondary">
                    {t("card.period", { from: input.from ?? "…", to: input.to ?? "…" })}
                  </Typography.Text>
                ) : null}
              </Space>
            )}
            columns={columns}
            dataSource={card.data?.rows ?? []}
            loading={card.isFetching}
            scroll={{ x: "max-content" }}
            {...list.tableProps(card.data?.total)}
            data-testid="card-table"
          />
        </>
      )}
    </Flex>
  );
}
