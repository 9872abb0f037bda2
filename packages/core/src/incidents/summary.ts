import type { DbOrTx } from "@relief/db";
import { msg, ORDER_STATUSES, zh } from "@relief/domain";
import { buildIncidentSummarySheet, incidentSummaryFileName } from "@relief/sheets";
import type { FileDownload } from "../areas/population-sheet";
import { listOrders, type OrderSummary } from "../dispatch/orders";
import { MAX_PAGE_SIZE } from "../paging";
import { closuresForIncident, type IncidentClosures } from "../roads/closures";
import { localDateTime } from "../time";
import { type IncidentProgress, incidentProgress } from "./progress";
import { IncidentRefInput } from "./schemas";

/** The incident summary report: its progress, every order of every plan version, and its road closures. */
export interface IncidentSummaryReport {
  progress: IncidentProgress;
  orders: OrderSummary[];
  closures: IncidentClosures;
}

/**
 * What the summary report prints, read at one moment so the .xlsx and the print page show the same figures.
 * Orders are read page by page: an incident has one per truck trip and township, a few dozen at most.
 */
export function incidentSummaryReport(
  db: DbOrTx,
  input: { incidentId: number },
  now: string,
): IncidentSummaryReport {
  const { incidentId } = IncidentRefInput.parse(input);
  const progress = incidentProgress(db, { incidentId }, now);
  const orders: OrderSummary[] = [];
  for (let page = 1; ; page++) {
    const { total, rows } = listOrders(db, { incidentId, page, pageSize: MAX_PAGE_SIZE });
    orders.push(...rows);
    if (rows.length === 0 || orders.length >= total) break;
  }
  return { progress, orders, closures: closuresForIncident(db, { incidentId }, now) };
}

const when = (at: string | null) => (at ? localDateTime(at) : "");

/** The incident summary as .xlsx: labels in Chinese from the catalog, times in district time. */
export function exportIncidentSummary(db: DbOrTx, input: { incidentId: number }, now: string): FileDownload {
  const { progress, orders, closures } = incidentSummaryReport(db, input, now);
  const { incident } = progress;
  return {
    fileName: incidentSummaryFileName(incident.number),
    content: buildIncidentSummarySheet({
      number: incident.number,
      title: incident.title,
      type: zh(msg(`incidents.type.${incident.type}`)),
      status: zh(msg(`incidents.status.${incident.status}`)),
      drill: incident.drill,
      startedAt: when(incident.startedAt),
      deadlineAt: when(incident.deadlineAt),
      asOf: when(progress.now),
      timeLeft: zh(progress.timeLeft ?? msg(`incidents.status.${incident.status}`)),
      plan: zh(progress.planLabel),
      affected: progress.totals.affected,
      relocated: progress.totals.relocated,
      peopleServed: progress.totals.peopleServed,
      peopleServedByDeadline: progress.totals.peopleServedByDeadline,
      orderCounts: ORDER_STATUSES.map((s) => ({
        status: zh(msg(`orders.status.${s}`)),
        count: progress.orders[s],
      })),
      areas: progress.areas.map((a) => ({
        name: a.name,
        township: a.townshipName,
        affected: a.affected,
        relocated: a.relocated,
        reportKind: a.reportKind ? zh(msg(`incidents.reportKind.${a.reportKind}`)) : "",
        reportedAt: when(a.reportedAt),
        peopleServed: a.peopleServed,
        peopleServedByDeadline: a.peopleServedByDeadline,
        servedInFullAt: when(a.servedInFullAt),
      })),
      lines: [
        ...progress.areas.flatMap((a) => a.lines.map((l) => ({ ...l, area: a.name }))),
        ...progress.items.map((l) => ({ ...l, area: zh(msg("incidents.summary.districtTotal")) })),
      ],
      orders: orders.map((o) => ({
        number: o.number,
        source: o.sourceWarehouseName,
        area: o.areaName,
        vehicle: o.vehicleLabel,
        plate: o.plate,
        status: zh(msg(`orders.status.${o.status}`)),
        plannedDepartAt: when(o.plannedDepartAt),
        plannedArrivalAt: when(o.plannedArrivalAt),
        departedAt: when(o.departedAt),
        receivedAt: when(o.receivedAt),
        cancelledAt: when(o.cancelledAt),
      })),
      closures: closures.closures.map((c) => ({
        code: c.edgeCode,
        name: c.edgeName,
        roadClass: zh(msg(`roads.class.${c.roadClass}`)),
        trunk: c.trunk,
        reason: c.reason,
        closedSince: when(c.closedSince),
        reopenedAt: when(c.reopenedAt),
        hours: c.hours,
        withinTarget: c.withinTarget,
      })),
      trunkAverageHours: closures.trunkAverageHours,
      targetHours: closures.targetHours,
      trunkTargetMet: closures.trunkTargetMet,
    }),
  };
}
