import { ORDER_STATUSES } from "@relief/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert } from "antd";
import { useParams } from "react-router";
import { PrintablePage } from "../../components/PrintablePage";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { queryClient, trpc } from "../../trpc";
import type { IncidentSummaryReport } from "./incidentTypes";
import "./summary-print.css";

const at = (iso: string | null) => (iso ? formatDistrictDateTime(iso) : "");

/**
 * 灾情处置情况报告 on A4 (landscape), laid out like the .xlsx and read at the same moment on the server: the
 * incident, the headline, the areas with people served, the progress table, the orders and the road closures
 * with the 12-hour trunk-road figure. A drill's says 演练 in its title and across the top.
 */
export function IncidentSummaryPrintPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const query = useQuery(trpc.incidents.summary.queryOptions({ incidentId: id }, { staleTime: 0 }));
  return (
    <PrintablePage
      className="incident-summary-print"
      testId="summary-print"
      back={{ to: `/incidents/${id}/progress`, label: t("incidents.printout.back") }}
      printLabel={t("report.print")}
      downloadLabel={t("report.download")}
      download={() =>
        queryClient.fetchQuery({
          ...trpc.incidents.exportSummary.queryOptions({ incidentId: id }),
          staleTime: 0,
          gcTime: 0,
        })
      }
      query={query}
    >
      {(report) => <SummarySheet report={report} />}
    </PrintablePage>
  );
}

function SummarySheet({ report }: { report: IncidentSummaryReport }) {
  const { t, tm, formatNumber } = useI18n();
  const { progress, orders, closures } = report;
  const { incident, totals } = progress;
  const n = (x: number) => formatNumber(x);
  const lines = [
    ...progress.areas.flatMap((a) =>
      a.lines.map((l) => ({ ...l, area: a.name, key: `${a.areaId}:${l.itemId}` })),
    ),
    ...progress.items.map((l) => ({
      ...l,
      area: t("incidents.summary.districtTotal"),
      key: `all:${l.itemId}`,
    })),
  ];
  const trunk =
    closures.trunkAverageHours === null
      ? t("incidents.roads.noTrunk")
      : t("incidents.roads.trunkAverage", {
          hours: formatNumber(closures.trunkAverageHours, 1),
          target: closures.targetHours,
          count: closures.trunkClosures,
        });

  return (
    <div className="report-sheet summary-sheet" data-testid="summary-sheet">
      <h1 className="report-title" data-testid="summary-title">
        {t(incident.drill ? "incidents.printout.drillTitle" : "incidents.printout.title")}
      </h1>
      {incident.drill && (
        <div className="summary-drill-banner" data-testid="summary-drill">
          {t("incidents.printout.drillBanner")}
        </div>
      )}
      <table className="report-grid report-fixed" data-testid="summary-fields">
        <tbody>
          <tr>
            <td className="label">{t("incidents.column.number")}</td>
            <td>{incident.number}</td>
            <td className="label">{t("incidents.field.title")}</td>
            <td>{incident.title}</td>
            <td className="label">{t("incidents.field.type")}</td>
            <td>{t(`incidents.type.${incident.type}`)}</td>
          </tr>
          <tr>
            <td className="label">{t("incidents.field.startedAt")}</td>
            <td>{at(incident.startedAt)}</td>
            <td className="label">{t("incidents.detail.deadline")}</td>
            <td>{at(incident.deadlineAt)}</td>
            <td className="label">{t("incidents.printout.timeLeft")}</td>
            <td data-testid="summary-time-left">
              {progress.timeLeft ? tm(progress.timeLeft) : t(`incidents.status.${incident.status}`)}
            </td>
          </tr>
          <tr>
            <td className="label">{t("incidents.printout.asOf")}</td>
            <td>{at(progress.now)}</td>
            <td className="label">{t("incidents.printout.plan")}</td>
            <td colSpan={3}>{tm(progress.planLabel)}</td>
          </tr>
          <tr>
            <td className="label">{t("incidents.field.relocated")}</td>
            <td className="num">{n(totals.relocated)}</td>
            <td className="label">{t("incidents.progress.served")}</td>
            <td className="num" data-testid="summary-served">
              {n(totals.peopleServed)}
            </td>
            <td className="label">{t("incidents.progress.servedByDeadline")}</td>
            <td className="num">{n(totals.peopleServedByDeadline)}</td>
          </tr>
          <tr>
            <td className="label">{t("incidents.progress.orders")}</td>
            <td colSpan={5}>
              {ORDER_STATUSES.map((s) => `${t(`orders.status.${s}`)} ${n(progress.orders[s])}`).join(" · ")}
            </td>
          </tr>
        </tbody>
      </table>

      <h2 className="summary-section">{t("incidents.printout.areas")}</h2>
      <table className="report-grid" data-testid="summary-areas">
        <thead>
          <tr>
            <th>{t("incidents.field.area")}</th>
            <th>{t("incidents.field.affected")}</th>
            <th>{t("incidents.field.relocated")}</th>
            <th>{t("incidents.field.reportKind")}</th>
            <th>{t("incidents.field.reportedAt")}</th>
            <th>{t("incidents.progress.served")}</th>
            <th>{t("incidents.progress.servedByDeadline")}</th>
            <th>{t("incidents.printout.servedInFullAt")}</th>
          </tr>
        </thead>
        <tbody>
          {progress.areas.map((a) => (
            <tr key={a.areaId} data-testid="summary-area" data-area={a.name}>
              <td>{a.name}</td>
              <td className="num">{n(a.affected)}</td>
              <td className="num">{n(a.relocated)}</td>
              <td>{a.reportKind ? t(`incidents.reportKind.${a.reportKind}`) : ""}</td>
              <td>{at(a.reportedAt)}</td>
              <td className="num" data-testid="summary-area-served">
                {n(a.peopleServed)}
              </td>
              <td className="num">{n(a.peopleServedByDeadline)}</td>
              <td>{at(a.servedInFullAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="summary-section">{t("incidents.printout.progress")}</h2>
      <table className="report-grid" data-testid="summary-progress">
        <thead>
          <tr>
            <th>{t("incidents.field.area")}</th>
            <th>{t("incidents.progress.column.item")}</th>
            <th>{t("incidents.progress.column.unit")}</th>
            <th>{t("incidents.progress.column.needed")}</th>
            <th>{t("incidents.progress.column.planned")}</th>
            <th>{t("incidents.progress.column.reserved")}</th>
            <th>{t("incidents.progress.column.inTransit")}</th>
            <th>{t("incidents.progress.column.delivered")}</th>
            <th>{t("incidents.progress.column.byDeadline")}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.key} data-testid="summary-progress-line">
              <td>{l.area}</td>
              <td>
                {l.itemName} <span className="summary-code">{l.itemCode}</span>
              </td>
              <td className="center">{l.unit}</td>
              <td className="num">{n(l.needed)}</td>
              <td className="num">{n(l.planned)}</td>
              <td className="num">{n(l.reserved)}</td>
              <td className="num">{n(l.inTransit)}</td>
              <td className="num">{n(l.delivered)}</td>
              <td className="num">{n(l.deliveredByDeadline)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="summary-section">{t("incidents.printout.orders")}</h2>
      <table className="report-grid" data-testid="summary-orders">
        <thead>
          <tr>
            <th>{t("orders.column.number")}</th>
            <th>{t("orders.column.source")}</th>
            <th>{t("orders.column.area")}</th>
            <th>{t("orders.column.vehicle")}</th>
            <th>{t("orders.field.plate")}</th>
            <th>{t("orders.column.status")}</th>
            <th>{t("orders.sheet.plannedDepart")}</th>
            <th>{t("orders.sheet.plannedArrive")}</th>
            <th>{t("orders.sheet.departedAt")}</th>
            <th>{t("orders.field.receivedAt")}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id} data-testid="summary-order">
              <td>{o.number}</td>
              <td>{o.sourceWarehouseName}</td>
              <td>{o.areaName}</td>
              <td>{o.vehicleLabel}</td>
              <td>{o.plate}</td>
              <td>{t(`orders.status.${o.status}`)}</td>
              <td>{at(o.plannedDepartAt)}</td>
              <td>{at(o.plannedArrivalAt)}</td>
              <td>{at(o.departedAt)}</td>
              <td>{at(o.receivedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="summary-section">{t("incidents.printout.roads")}</h2>
      <p data-testid="summary-trunk">{trunk}</p>
      <table className="report-grid" data-testid="summary-roads">
        <thead>
          <tr>
            <th>{t("incidents.roads.road")}</th>
            <th>{t("incidents.roads.reason")}</th>
            <th>{t("incidents.roads.closedSince")}</th>
            <th>{t("incidents.roads.reopened")}</th>
            <th>{t("incidents.roads.hours")}</th>
          </tr>
        </thead>
        <tbody>
          {closures.closures.map((c) => (
            <tr key={`${c.edgeId}:${c.closedSince}`}>
              <td>
                {c.edgeName} <span className="summary-code">{c.edgeCode}</span>
              </td>
              <td>{c.reason}</td>
              <td>{at(c.closedSince)}</td>
              <td>{at(c.reopenedAt)}</td>
              <td className="num">{formatNumber(c.hours, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className="report-signatures">
        <span>{t("report.sign.head")}</span>
        <span>{t("report.sign.reviewer")}</span>
        <span>{t("report.sign.preparer")}</span>
      </div>
      <Alert
        className="no-print report-screen-hint"
        type="info"
        showIcon
        title={t("incidents.printout.printHint")}
      />
    </div>
  );
}
