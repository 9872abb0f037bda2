import { skipToken, useQuery } from "@tanstack/react-query";
import { Alert, Result } from "antd";
import { useParams } from "react-router";
import { PrintablePage } from "../../components/PrintablePage";
import { useStockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { quantityParts } from "../../lib/quantity";
import { queryClient, trpc } from "../../trpc";
import type { OrderView } from "./orderTypes";
import "./orders.css";

/**
 * 救灾物资调拨单 on one A4 page (portrait), laid out like the .xlsx: the particulars two to a row, the lines with
 * quantities in base units and packs, and the signature block the driver brings back signed and sealed. A
 * drill's paper says 演练 in its title and across the top.
 */
export function OrderPrintPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useQuery(trpc.dispatch.order.queryOptions(valid ? { orderId: id } : skipToken));

  if (!valid) return <Result status="404" title={t("orders.notFound")} />;
  return (
    <PrintablePage
      className="order-print"
      testId="order-print"
      back={{ to: `/dispatch/orders/${id}`, label: t("orders.sheet.back") }}
      printLabel={t("orders.print")}
      downloadLabel={t("orders.download")}
      download={() =>
        queryClient.fetchQuery({
          ...trpc.dispatch.exportOrder.queryOptions({ orderId: id }),
          staleTime: 0,
          gcTime: 0,
        })
      }
      query={query}
    >
      {(order) => <OrderSheet order={order} />}
    </PrintablePage>
  );
}

function OrderSheet({ order }: { order: OrderView }) {
  const { t, formatNumber } = useI18n();
  const refs = useStockRefs();
  const at = (iso: string | null) => (iso ? formatDistrictDateTime(iso) : "");
  const withPhone = (name: string, phone: string) => [name, phone].filter(Boolean).join(" ");
  const area = order.area.townshipName ? `${order.area.townshipName} ${order.area.name}` : order.area.name;
  const pairs: Array<[string, string, string, string]> = [
    [t("orders.column.number"), order.number, t("orders.column.status"), t(`orders.status.${order.status}`)],
    [
      t("orders.incident"),
      `${order.incidentNumber} ${order.incidentTitle}`,
      t("orders.field.purpose"),
      order.purpose,
    ],
    [t("orders.field.authority"), order.authority, t("orders.field.authorityRef"), order.authorityRef],
    [
      t("orders.issuingUnit"),
      order.issuingUnit,
      t("orders.column.source"),
      `${order.sourceWarehouse.code} ${order.sourceWarehouse.name}`,
    ],
    [t("orders.column.area"), area, t("orders.receiver"), withPhone(order.receiverName, order.receiverPhone)],
    [
      t("orders.column.vehicle"),
      `${order.vehicleLabel} · ${t("orders.trip", { trip: order.trip })}`,
      t("orders.field.plate"),
      order.plate,
    ],
    [
      t("orders.field.driver"),
      withPhone(order.driver, order.driverPhone),
      t("orders.requiredBy"),
      at(order.requiredBy),
    ],
    [
      t("orders.sheet.plannedDepart"),
      at(order.plannedDepartAt),
      t("orders.sheet.plannedArrive"),
      at(order.plannedArrivalAt),
    ],
    [t("orders.sheet.departedAt"), at(order.departedAt), t("orders.field.receivedAt"), at(order.receivedAt)],
  ];

  return (
    <div className="report-sheet order-sheet" data-testid="order-sheet">
      <h1 className="report-title" data-testid="order-sheet-title">
        {t(order.drill ? "orders.sheet.drillTitle" : "orders.sheet.title")}
      </h1>
      {order.drill && (
        <div className="order-drill-banner" data-testid="order-sheet-drill">
          {t("orders.sheet.drillBanner")}
        </div>
      )}
      <table className="report-grid report-fixed order-fields" data-testid="order-sheet-fields">
        <tbody>
          {pairs.map(([leftLabel, left, rightLabel, right]) => (
            <tr key={leftLabel}>
              <td className="label">{leftLabel}</td>
              <td data-testid="order-sheet-value">{left}</td>
              <td className="label">{rightLabel}</td>
              <td data-testid="order-sheet-value">{right}</td>
            </tr>
          ))}
          {order.cancelReason && (
            <tr>
              <td className="label">{t("orders.field.cancelReason")}</td>
              <td colSpan={3}>{order.cancelReason}</td>
            </tr>
          )}
        </tbody>
      </table>
      <table className="report-grid order-lines" data-testid="order-sheet-lines">
        <thead>
          <tr>
            <th>{t("orders.column.lineNo")}</th>
            <th>{t("orders.sheet.itemCode")}</th>
            <th>{t("orders.sheet.itemName")}</th>
            <th>{t("orders.sheet.specification")}</th>
            <th>{t("orders.sheet.lot")}</th>
            <th>{t("orders.column.quantity")}</th>
            <th>{t("orders.sheet.unit")}</th>
            <th>{t("orders.sheet.packs")}</th>
            <th>{t("orders.field.receivedQuantity")}</th>
            <th>{t("orders.column.note")}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => {
            const parts = quantityParts(line.quantity, refs.unitOf(line.itemId, line.unit), formatNumber);
            const remark = [
              line.calloffNumber ? t("orders.calloff", { number: line.calloffNumber }) : "",
              line.discrepancyQuantity && line.discrepancyOutcome
                ? t("orders.sheet.shortfall", {
                    quantity: formatNumber(line.discrepancyQuantity),
                    unit: line.unit,
                    outcome: t(`orders.discrepancy.${line.discrepancyOutcome}`),
                    reason: line.discrepancyReason ?? "",
                  })
                : "",
              line.note ?? "",
            ].filter(Boolean);
            return (
              <tr key={line.id} data-testid="order-sheet-line" data-item={line.itemCode}>
                <td className="center">{line.lineNo}</td>
                <td>{line.itemCode}</td>
                <td>{line.itemName}</td>
                <td>{line.specification}</td>
                <td>{line.lotCode ?? ""}</td>
                <td className="num" data-testid="order-sheet-quantity">
                  {formatNumber(line.quantity)}
                </td>
                <td className="center">{line.unit}</td>
                <td>{parts.base ? parts.main : ""}</td>
                <td className="num">
                  {line.receivedQuantity === null ? "" : formatNumber(line.receivedQuantity)}
                </td>
                <td>{remark.join(t("common.clauseSeparator"))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="order-signatures" data-testid="order-sheet-signatures">
        <div>
          <span>{t("orders.sheet.signSender")}</span>
          <span>{t("orders.sheet.signDate")}</span>
        </div>
        <div>
          <span>{t("orders.sheet.signDriver")}</span>
          <span>{t("orders.sheet.signDate")}</span>
        </div>
        <div>
          <span>
            {t("orders.sheet.signReceiver")} {order.signer ?? ""}
          </span>
          <span>{t("orders.sheet.signDate")}</span>
        </div>
      </div>
      <div className="order-seals">
        <span>{t("orders.sheet.sealSender")}</span>
        <span>{t("orders.sheet.sealReceiver")}</span>
      </div>
      <Alert
        className="no-print report-screen-hint"
        type="info"
        showIcon
        title={t("orders.sheet.printHint")}
      />
    </div>
  );
}
