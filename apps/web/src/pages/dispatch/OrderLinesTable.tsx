import { Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { CalloffAnswerTag } from "../../components/agreements/AnswerTags";
import { NameCodeCell } from "../../components/NameCodeCell";
import { QuantityText } from "../../components/stock/QuantityText";
import { OwnershipTag } from "../../components/stock/StockTags";
import type { StockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import type { OrderLine, OrderView } from "./orderTypes";

/**
 * An order's lines: item with specification, lot (agreement stock names its call-off and the enterprise's
 * answer until the enterprise loads it), quantity in packs and base units, and once received what arrived
 * and what became of a shortfall.
 */
export function OrderLinesTable({ order, refs }: { order: OrderView; refs: StockRefs }) {
  const { t } = useI18n();
  const received = order.lines.some((l) => l.receivedQuantity !== null);
  const unitOf = (l: OrderLine) => refs.unitOf(l.itemId, l.unit);

  const columns: TableColumnsType<OrderLine> = [
    { title: t("orders.column.lineNo"), dataIndex: "lineNo", key: "lineNo", width: 56 },
    {
      title: t("stock.column.item"),
      key: "item",
      render: (_v, l) => (
        <NameCodeCell
          name={l.itemName}
          code={l.specification ? `${l.itemCode} · ${l.specification}` : l.itemCode}
        />
      ),
    },
    {
      title: t("stock.column.lot"),
      key: "lot",
      render: (_v, l) =>
        l.lotCode ??
        (l.calloffNumber ? (
          <Space size={4} wrap data-testid="order-line-calloff">
            {t("orders.calloff", { number: l.calloffNumber })}
            <CalloffAnswerTag answer={l.calloffAnswer} baseUnit={l.unit} />
          </Space>
        ) : (
          "—"
        )),
    },
    {
      title: t("stock.column.expiry"),
      key: "expiry",
      render: (_v, l) => (l.lotCode ? (l.expiryDate ?? t("stock.noExpiry")) : "—"),
    },
    {
      title: t("stock.column.ownership"),
      key: "ownership",
      render: (_v, l) => <OwnershipTag ownership={l.ownership} />,
    },
    {
      title: t("orders.column.quantity"),
      key: "quantity",
      align: "right",
      render: (_v, l) => <QuantityText value={l.quantity} unit={unitOf(l)} testId="order-line-quantity" />,
    },
    ...(received
      ? [
          {
            title: t("orders.field.receivedQuantity"),
            key: "received",
            align: "right" as const,
            render: (_v: unknown, l: OrderLine) =>
              l.receivedQuantity === null ? (
                "—"
              ) : (
                <QuantityText value={l.receivedQuantity} unit={unitOf(l)} testId="order-line-received" />
              ),
          },
          {
            title: t("orders.receive.difference"),
            key: "difference",
            render: (_v: unknown, l: OrderLine) =>
              l.discrepancyQuantity && l.discrepancyOutcome ? (
                <Space size={4} wrap data-testid="order-line-discrepancy" data-outcome={l.discrepancyOutcome}>
                  <Typography.Text type="danger">
                    <QuantityText value={l.discrepancyQuantity} unit={unitOf(l)} />
                  </Typography.Text>
                  <Tag color={l.discrepancyOutcome === "returned" ? "blue" : "red"}>
                    {t(`orders.discrepancy.${l.discrepancyOutcome}`)}
                  </Tag>
                  {l.discrepancyReason}
                </Space>
              ) : (
                <span className="qty-zero">—</span>
              ),
          },
        ]
      : []),
    { title: t("orders.column.note"), key: "note", render: (_v, l) => l.note ?? "" },
  ];

  return (
    <Table<OrderLine>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={order.lines}
      pagination={false}
      scroll={{ x: "max-content" }}
      data-testid="order-lines"
      onRow={(l) =>
        ({
          "data-testid": "order-line",
          "data-item": l.itemCode,
          "data-lot": l.lotCode ?? "",
        }) as React.HTMLAttributes<HTMLElement>
      }
    />
  );
}
