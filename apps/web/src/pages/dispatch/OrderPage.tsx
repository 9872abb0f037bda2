import {
  ArrowLeftOutlined,
  CarOutlined,
  CheckOutlined,
  PrinterOutlined,
  StopOutlined,
} from "@ant-design/icons";
import { skipToken, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Descriptions, Flex, Result, Skeleton, Space, Tag } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { DownloadButton } from "../../components/DownloadButton";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useStockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { canConfirmDeparture, canPlanDispatch } from "../../lib/roles";
import { printLink } from "../../lib/usePrintWhenReady";
import { queryClient, trpc } from "../../trpc";
import { CancelOrdersModal } from "./CancelOrdersModal";
import { DepartModal } from "./DepartModal";
import { OrderHistory } from "./OrderHistory";
import { OrderLinesTable } from "./OrderLinesTable";
import { OrderStatusTag } from "./OrderTags";
import { ReceiveModal } from "./ReceiveModal";
import "./orders.css";

/**
 * 调拨单: the order's particulars and lines, its status with who did what when, and what the user may do next:
 * confirm departure (whoever may post in the source warehouse), record the receipt, cancel (dispatchers), print
 * the paper the driver carries, download it as .xlsx.
 */
export function OrderPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const refs = useStockRefs();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useQuery(trpc.dispatch.order.queryOptions(valid ? { orderId: id } : skipToken));
  const [dialog, setDialog] = useState<"depart" | "receive" | "cancel" | null>(null);

  if (!valid) return <Result status="404" title={t("orders.notFound")} />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const order = query.data;
  const warehouse = refs.warehouse(order.sourceWarehouse.id);
  const dispatcher = canPlanDispatch(user.role);
  const mayDepart = order.status === "reserved" && !!warehouse && canConfirmDeparture(user, warehouse);
  const mayReceive = order.status === "departed" && dispatcher;
  const mayCancel = order.status === "reserved" && dispatcher;
  const area = order.area.townshipName ? `${order.area.townshipName} ${order.area.name}` : order.area.name;
  const withPhone = (name: string, phone: string) => [name, phone].filter(Boolean).join(" ") || "—";

  return (
    <Flex vertical gap={16} data-testid="order-page">
      <PageHeader
        title={
          <Space>
            <Link
              to={`/incidents/${order.incidentId}/plan?plan=${order.planId}`}
              aria-label={t("orders.backToPlan")}
            >
              <ArrowLeftOutlined />
            </Link>
            <span>{t("orders.title", { number: order.number })}</span>
            {order.drill && (
              <Tag color="purple" data-testid="order-drill">
                {t("incidents.drill")}
              </Tag>
            )}
            <OrderStatusTag status={order.status} />
          </Space>
        }
        subtitle={`${order.incidentNumber} · ${order.incidentTitle}`}
        extra={
          <Space wrap>
            {mayDepart && (
              <Button
                type="primary"
                icon={<CarOutlined />}
                onClick={() => setDialog("depart")}
                data-testid="order-depart"
              >
                {t("orders.depart.action")}
              </Button>
            )}
            {mayReceive && (
              <Button
                type="primary"
                icon={<CheckOutlined />}
                onClick={() => setDialog("receive")}
                data-testid="order-receive"
              >
                {t("orders.receive.action")}
              </Button>
            )}
            {mayCancel && (
              <Button
                danger
                icon={<StopOutlined />}
                onClick={() => setDialog("cancel")}
                data-testid="order-cancel"
              >
                {t("orders.cancel.orderAction")}
              </Button>
            )}
            <Link to={printLink(`/dispatch/orders/${order.id}/print`)} data-testid="order-print-link">
              <Button icon={<PrinterOutlined />}>{t("orders.print")}</Button>
            </Link>
            <DownloadButton
              load={() =>
                queryClient.fetchQuery({
                  ...trpc.dispatch.exportOrder.queryOptions({ orderId: order.id }),
                  staleTime: 0,
                  gcTime: 0,
                })
              }
              testId="order-download"
            >
              {t("orders.download")}
            </DownloadButton>
          </Space>
        }
      />
      {order.drill && (
        <Alert type="warning" showIcon title={t("orders.drillHint")} data-testid="order-drill-hint" />
      )}
      <Card size="small">
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2, xl: 3 }}
          data-testid="order-fields"
          items={[
            { key: "number", label: t("orders.column.number"), children: order.number },
            {
              key: "incident",
              label: t("orders.incident"),
              children: <Link to={`/incidents/${order.incidentId}`}>{order.incidentNumber}</Link>,
            },
            {
              key: "plan",
              label: t("orders.column.plan"),
              children: t("orders.planVersion", { version: order.planVersion }),
            },
            { key: "authority", label: t("orders.field.authority"), children: order.authority },
            {
              key: "authorityRef",
              label: t("orders.field.authorityRef"),
              children: order.authorityRef || "—",
            },
            { key: "issuingUnit", label: t("orders.issuingUnit"), children: order.issuingUnit },
            {
              key: "source",
              label: t("orders.column.source"),
              children: (
                <span data-testid="order-source-name">
                  {order.sourceWarehouse.code} {order.sourceWarehouse.name}
                </span>
              ),
            },
            {
              key: "sourceContact",
              label: t("orders.sourceContact"),
              children: withPhone(order.sourceWarehouse.manager, order.sourceWarehouse.phone),
            },
            { key: "purpose", label: t("orders.field.purpose"), children: order.purpose },
            { key: "area", label: t("orders.column.area"), children: area },
            {
              key: "receiver",
              label: t("orders.receiver"),
              children: withPhone(order.receiverName, order.receiverPhone),
            },
            {
              key: "vehicle",
              label: t("orders.column.vehicle"),
              children: `${order.vehicleLabel} · ${t("orders.trip", { trip: order.trip })}`,
            },
            { key: "plate", label: t("orders.field.plate"), children: order.plate || "—" },
            {
              key: "driver",
              label: t("orders.field.driver"),
              children: withPhone(order.driver, order.driverPhone),
            },
            {
              key: "planned",
              label: t("orders.column.planned"),
              children: t("orders.plannedSpan", {
                depart: formatDistrictDateTime(order.plannedDepartAt),
                arrive: formatDistrictDateTime(order.plannedArrivalAt),
              }),
            },
            {
              key: "requiredBy",
              label: t("orders.requiredBy"),
              children: <strong>{formatDistrictDateTime(order.requiredBy)}</strong>,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t("orders.lines", { count: order.lines.length })}>
        <OrderLinesTable order={order} refs={refs} />
      </Card>
      <Card size="small" title={t("orders.history.title")}>
        <OrderHistory order={order} />
      </Card>
      {dialog === "depart" && <DepartModal order={order} onClose={() => setDialog(null)} />}
      {dialog === "receive" && <ReceiveModal order={order} refs={refs} onClose={() => setDialog(null)} />}
      {dialog === "cancel" && (
        <CancelOrdersModal
          target={{ orderId: order.id, number: order.number }}
          onClose={() => setDialog(null)}
        />
      )}
    </Flex>
  );
}
