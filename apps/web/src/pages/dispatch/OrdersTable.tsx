import { PrinterOutlined } from "@ant-design/icons";
import { Space, Table, type TableColumnsType, type TableProps, Tag, Typography } from "antd";
import { Link } from "react-router";
import { NameCodeCell } from "../../components/NameCodeCell";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { printLink } from "../../lib/usePrintWhenReady";
import { OrderLinesPanel } from "./OrderLinesPanel";
import { OrderStatusTag } from "./OrderTags";
import type { OrderSummary } from "./orderTypes";

/**
 * Dispatch orders as rows: number (to the order's page), plan version, source warehouse, receiving area, the
 * truck and its trip, the planned times against the deadline, the status with its time, and the print page.
 */
export function OrdersTable({
  rows,
  loading,
  showPlan = false,
  pagination = false,
  onChange,
  testId = "orders-table",
  expandLines = false,
}: {
  rows: readonly OrderSummary[];
  loading: boolean;
  /** The incident's list spans plan versions; a plan's own list does not. */
  showPlan?: boolean;
  pagination?: TableProps<OrderSummary>["pagination"];
  onChange?: TableProps<OrderSummary>["onChange"];
  testId?: string;
  /** Each row opens onto the order's lines (a plan's own list, where dispatch follows its call-offs). */
  expandLines?: boolean;
}) {
  const { t, formatNumber } = useI18n();
  const statusTime = (o: OrderSummary) =>
    o.receivedAt ?? o.departedAt ?? o.cancelledAt ?? (o.status === "reserved" ? o.createdAt : null);

  const columns: TableColumnsType<OrderSummary> = [
    {
      title: t("orders.column.number"),
      key: "number",
      render: (_v, o) => (
        <Space size={4}>
          <Link to={`/dispatch/orders/${o.id}`} data-testid="order-link">
            {o.number}
          </Link>
          {o.drill && <Tag color="purple">{t("incidents.drill")}</Tag>}
        </Space>
      ),
    },
    ...(showPlan
      ? [
          {
            title: t("orders.column.plan"),
            key: "plan",
            render: (_v: unknown, o: OrderSummary) => t("orders.planVersion", { version: o.planVersion }),
          },
        ]
      : []),
    {
      title: t("orders.column.source"),
      key: "source",
      render: (_v, o) => <span data-testid="order-source">{o.sourceWarehouseName}</span>,
    },
    {
      title: t("orders.column.area"),
      key: "area",
      render: (_v, o) => <span data-testid="order-area">{o.areaName}</span>,
    },
    {
      title: t("orders.column.vehicle"),
      key: "vehicle",
      render: (_v, o) => (
        <NameCodeCell name={o.plate || o.vehicleLabel} code={t("orders.trip", { trip: o.trip })} />
      ),
    },
    {
      title: t("orders.column.planned"),
      key: "planned",
      render: (_v, o) =>
        t("orders.plannedSpan", {
          depart: formatDistrictDateTime(o.plannedDepartAt).slice(5),
          arrive: formatDistrictDateTime(o.plannedArrivalAt).slice(5),
        }),
    },
    {
      title: t("orders.column.lines"),
      key: "lines",
      align: "right",
      render: (_v, o) => formatNumber(o.lineCount),
    },
    {
      title: t("orders.column.status"),
      key: "status",
      render: (_v, o) => (
        <Space size={4}>
          <OrderStatusTag status={o.status} />
          {statusTime(o) && (
            <Typography.Text type="secondary">
              {formatDistrictDateTime(statusTime(o)).slice(5)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t("common.actions"),
      key: "actions",
      render: (_v, o) => (
        <Link to={printLink(`/dispatch/orders/${o.id}/print`)} aria-label={t("orders.print")}>
          <PrinterOutlined /> {t("orders.print")}
        </Link>
      ),
    },
  ];

  return (
    <Table<OrderSummary>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...rows]}
      loading={loading}
      pagination={pagination}
      onChange={onChange}
      scroll={{ x: "max-content" }}
      expandable={expandLines ? { expandedRowRender: (o) => <OrderLinesPanel orderId={o.id} /> } : undefined}
      data-testid={testId}
      rowClassName={(o) => (o.status === "cancelled" ? "row-inactive" : "")}
      onRow={(o) =>
        ({
          "data-testid": "order-row",
          "data-number": o.number,
          "data-status": o.status,
        }) as React.HTMLAttributes<HTMLElement>
      }
    />
  );
}
