import {
  type AreaLevel,
  type DbOrTx,
  dispatchOrderLines,
  dispatchOrders,
  dispatchPlans,
  type IncidentReportKind,
  items,
  type OrderStatus,
} from "@relief/db";
import { type Message, msg, ORDER_STATUSES } from "@relief/domain";
import { and, desc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { PlanView } from "../dispatch/types";
import { areaInfo } from "./areas";
import { incidentNeeds } from "./needs";
import { IncidentRefInput } from "./schemas";
import { getIncident, type IncidentHeader } from "./view";

/** The five figures of one area × item (or, in `items`, of one item over the district), in base units. */
export interface ProgressFigures {
  itemId: number;
  itemCode: string;
  itemName: string;
  unit: string;
  /** The incident's need (overrides applied). */
  needed: number;
  /** What the counted plan version delivers. */
  planned: number;
  /** On orders still in the warehouse, their stock reserved (a drill's reserve nothing but count here). */
  reserved: number;
  /** On orders that departed and are not yet received. */
  inTransit: number;
  /** Received by the township, as signed for. */
  delivered: number;
  /** Of `delivered`, what was received by the deadline. */
  deliveredByDeadline: number;
}

export interface AreaProgress {
  areaId: number;
  name: string;
  level: AreaLevel;
  townshipName: string;
  /** 受灾人口 and 紧急转移安置人口 of the latest report; 0 for an area only orders name (a report dropped it). */
  affected: number;
  relocated: number;
  /** The latest report's kind and time for this area; null for an area no longer listed. */
  reportKind: IncidentReportKind | null;
  reportedAt: string | null;
  peopleServed: number;
  /** People served by what was received by the deadline. */
  peopleServedByDeadline: number;
  /** When the receipt that served the area in full was signed; null while it is not served in full. */
  servedInFullAt: string | null;
  lines: ProgressFigures[];
}

export interface ProgressPlan {
  planId: number;
  version: number;
  /** false: no version is approved and not cancelled, so the figures are the latest finished version's. */
  approved: boolean;
}

export interface IncidentProgress {
  incident: IncidentHeader;
  /** The moment the figures were read; `minutesLeft` counts from it (negative once overdue). */
  now: string;
  minutesLeft: number;
  /** “剩余 3 小时 20 分” or “已超时 …”; null once the incident is closed. */
  timeLeft: Message | null;
  plan: ProgressPlan | null;
  /** Which plan version the planned figures are, and whether it is approved. */
  planLabel: Message;
  areas: AreaProgress[];
  /** District totals per item. */
  items: ProgressFigures[];
  totals: {
    areas: number;
    affected: number;
    relocated: number;
    peopleServed: number;
    peopleServedByDeadline: number;
  };
  /** Orders of the incident, every plan version, by status. */
  orders: Record<OrderStatus, number>;
}

type Figure = Exclude<keyof ProgressFigures, "itemId" | "itemCode" | "itemName" | "unit">;
const FIGURES: readonly Figure[] = [
  "needed",
  "planned",
  "reserved",
  "inTransit",
  "delivered",
  "deliveredByDeadline",
];

/**
 * People served by what arrived, the planner's rule applied to receipts: for each item the area needs, the
 * relocated people × received ÷ needed (at most 1), in whole-number arithmetic rounded down; the smallest over
 * the items. Only what the township signed for counts: an area that needs nothing has had nothing delivered and
 * counts no one served (where the planner, planning, counts it whole).
 */
export function peopleServedBy(
  relocated: number,
  lines: ReadonlyArray<{ needed: number; received: number }>,
): number {
  let served: number | null = null;
  for (const { needed, received } of lines) {
    if (needed <= 0) continue;
    const share = Math.floor((relocated * Math.min(received, needed)) / needed);
    served = served === null ? share : Math.min(served, share);
  }
  return served ?? 0;
}

/** The plan version whose deliveries count as planned: the approved one not cancelled, else the latest finished. */
function countedPlan(db: DbOrTx, incidentId: number): { plan: ProgressPlan; view: PlanView } | null {
  const mine = eq(dispatchPlans.incidentId, incidentId);
  const approved = db
    .select({ id: dispatchPlans.id, version: dispatchPlans.version, result: dispatchPlans.result })
    .from(dispatchPlans)
    .where(and(mine, isNotNull(dispatchPlans.approvedAt), isNull(dispatchPlans.cancelledAt)))
    .orderBy(desc(dispatchPlans.version))
    .get();
  const row =
    approved ??
    db
      .select({ id: dispatchPlans.id, version: dispatchPlans.version, result: dispatchPlans.result })
      .from(dispatchPlans)
      .where(and(mine, eq(dispatchPlans.status, "done"), isNull(dispatchPlans.cancelledAt)))
      .orderBy(desc(dispatchPlans.version))
      .get();
  if (!row?.result) return null;
  return {
    plan: { planId: row.id, version: row.version, approved: approved !== undefined },
    view: row.result as PlanView,
  };
}

/**
 * An incident's progress from need to delivery, per affected area and item, read at `now`:
 * - needed: the incident's needs (`incidentNeeds`, overrides applied);
 * - planned: what the approved, not cancelled plan version delivers (else the latest finished version's, marked
 *   not approved), plus what orders of other versions carried once they left (a re-plan keeps those and plans
 *   only the rest);
 * - reserved / in transit / delivered: the lines of the incident's orders of every version by status —
 *   reserved (approved, not departed), departed (on the road), received (the quantity the township signed for,
 *   so a short line counts short); cancelled orders count nowhere;
 * - people served: `peopleServedBy` over delivered; by the deadline (incident start + 10 h), over what was
 *   received by then.
 * A drill's orders go through the same steps and count the same way.
 */
export function incidentProgress(db: DbOrTx, input: { incidentId: number }, now: string): IncidentProgress {
  const { incidentId } = IncidentRefInput.parse(input);
  const incident = getIncident(db, incidentId);
  const deadline = Date.parse(incident.deadlineAt);
  const needs = incidentNeeds(db, incidentId);
  const counted = countedPlan(db, incidentId);
  const lines = db
    .select({
      orderId: dispatchOrders.id,
      planId: dispatchOrders.planId,
      areaId: dispatchOrders.areaId,
      status: dispatchOrders.status,
      receivedAt: dispatchOrders.receivedAt,
      itemId: dispatchOrderLines.itemId,
      quantity: dispatchOrderLines.quantity,
      receivedQuantity: dispatchOrderLines.receivedQuantity,
    })
    .from(dispatchOrderLines)
    .innerJoin(dispatchOrders, eq(dispatchOrders.id, dispatchOrderLines.orderId))
    .where(eq(dispatchOrders.incidentId, incidentId))
    .all();
  const statuses = db
    .select({ status: dispatchOrders.status })
    .from(dispatchOrders)
    .where(eq(dispatchOrders.incidentId, incidentId))
    .all();

  const cells = new Map<number, Map<number, Record<Figure, number>>>();
  const cell = (areaId: number, itemId: number) => {
    const area = cells.get(areaId) ?? new Map<number, Record<Figure, number>>();
    cells.set(areaId, area);
    let figures = area.get(itemId);
    if (!figures) {
      figures = Object.fromEntries(FIGURES.map((f) => [f, 0])) as Record<Figure, number>;
      area.set(itemId, figures);
    }
    return figures;
  };
  for (const need of needs) cell(need.areaId, need.itemId).needed += need.quantity;
  for (const route of counted?.view.routes ?? [])
    for (const stop of route.stops)
      for (const d of stop.deliveries) cell(stop.areaId, d.itemId).planned += d.quantity;
  /** Each received order's lines, for finding when an area was served in full. */
  const receipts = new Map<number, { areaId: number; at: string; lines: Array<[number, number]> }>();
  for (const line of lines) {
    const figures = cell(line.areaId, line.itemId);
    // A re-plan keeps what had left and plans only the rest: what earlier versions sent stays planned.
    const left = line.status === "departed" || line.status === "received";
    if (left && line.planId !== counted?.plan.planId) figures.planned += line.quantity;
    if (line.status === "reserved") figures.reserved += line.quantity;
    else if (line.status === "departed") figures.inTransit += line.quantity;
    else if (line.status === "received" && line.receivedAt) {
      const got = line.receivedQuantity ?? 0;
      figures.delivered += got;
      if (Date.parse(line.receivedAt) <= deadline) figures.deliveredByDeadline += got;
      const receipt = receipts.get(line.orderId) ?? { areaId: line.areaId, at: line.receivedAt, lines: [] };
      receipt.lines.push([line.itemId, got]);
      receipts.set(line.orderId, receipt);
    }
  }

  const itemIds = [...new Set([...cells.values()].flatMap((area) => [...area.keys()]))];
  const itemRows = (
    itemIds.length === 0
      ? []
      : db
          .select({
            id: items.id,
            code: items.code,
            name: items.name,
            unit: items.baseUnit,
            categoryId: items.categoryId,
          })
          .from(items)
          .where(inArray(items.id, itemIds))
          .all()
  ).sort((a, b) => a.categoryId - b.categoryId || a.code.localeCompare(b.code));
  const figuresOf = (item: (typeof itemRows)[number], figures: Record<Figure, number>): ProgressFigures => ({
    itemId: item.id,
    itemCode: item.code,
    itemName: item.name,
    unit: item.unit,
    ...figures,
  });

  const listed = new Map(incident.areas.map((a) => [a.areaId, a]));
  const others = [...cells.keys()].filter((id) => !listed.has(id));
  const otherInfo = areaInfo(db, others);
  const areaRows = [
    ...incident.areas.map((a) => ({
      areaId: a.areaId,
      name: a.name,
      level: a.level,
      townshipId: a.townshipId,
      townshipName: a.townshipName,
      affected: a.affected,
      relocated: a.relocated,
      reportKind: a.reportKind as IncidentReportKind | null,
      reportedAt: a.reportedAt as string | null,
    })),
    ...others.flatMap((id) => {
      const info = otherInfo.get(id);
      return info
        ? [{ ...info, areaId: id, affected: 0, relocated: 0, reportKind: null, reportedAt: null }]
        : [];
    }),
  ].sort((a, b) => a.townshipId - b.townshipId || a.areaId - b.areaId);

  const areas: AreaProgress[] = areaRows.map((a) => {
    const own = cells.get(a.areaId) ?? new Map<number, Record<Figure, number>>();
    const areaLines = itemRows.flatMap((item) => {
      const figures = own.get(item.id);
      return figures ? [figuresOf(item, figures)] : [];
    });
    const served = (received: (line: ProgressFigures) => number) =>
      peopleServedBy(
        a.relocated,
        areaLines.map((l) => ({ needed: l.needed, received: received(l) })),
      );
    return {
      areaId: a.areaId,
      name: a.name,
      level: a.level,
      townshipName: a.townshipName,
      affected: a.affected,
      relocated: a.relocated,
      reportKind: a.reportKind,
      reportedAt: a.reportedAt,
      peopleServed: served((l) => l.delivered),
      peopleServedByDeadline: served((l) => l.deliveredByDeadline),
      servedInFullAt: servedInFullAt(a.relocated, areaLines, [...receipts.values()], a.areaId),
      lines: areaLines,
    };
  });

  const district = itemRows.map((item) => {
    const sum = Object.fromEntries(FIGURES.map((f) => [f, 0])) as Record<Figure, number>;
    for (const area of cells.values()) {
      const figures = area.get(item.id);
      if (figures) for (const f of FIGURES) sum[f] += figures[f];
    }
    return figuresOf(item, sum);
  });
  const orders = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
  for (const { status } of statuses) orders[status] += 1;
  const rest = (deadline - Date.parse(now)) / 60_000;
  const minutesLeft = rest < 0 ? Math.ceil(rest) : Math.floor(rest);
  const plan = counted?.plan ?? null;
  return {
    incident: {
      id: incident.id,
      number: incident.number,
      type: incident.type,
      title: incident.title,
      startedAt: incident.startedAt,
      deadlineAt: incident.deadlineAt,
      drill: incident.drill,
      status: incident.status,
      closedAt: incident.closedAt,
    },
    now,
    minutesLeft,
    timeLeft: incident.status === "closed" ? null : timeLeftMessage(minutesLeft),
    plan,
    planLabel: planMessage(plan),
    areas,
    items: district,
    totals: {
      areas: areas.length,
      affected: incident.totals.affected,
      relocated: incident.totals.relocated,
      peopleServed: areas.reduce((s, a) => s + a.peopleServed, 0),
      peopleServedByDeadline: areas.reduce((s, a) => s + a.peopleServedByDeadline, 0),
    },
    orders,
  };
}

function timeLeftMessage(minutesLeft: number): Message {
  const minutes = Math.abs(minutesLeft);
  const params = { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
  return msg(minutesLeft < 0 ? "incidents.summary.overdue" : "incidents.summary.timeLeft", params);
}

function planMessage(plan: ProgressPlan | null): Message {
  if (!plan) return msg("incidents.summary.noPlan");
  return msg(plan.approved ? "incidents.summary.planApproved" : "incidents.summary.planNotApproved", {
    version: plan.version,
  });
}

/** Replays the area's receipts in time order: the first at which everyone relocated is served. */
function servedInFullAt(
  relocated: number,
  lines: readonly ProgressFigures[],
  receipts: ReadonlyArray<{ areaId: number; at: string; lines: Array<[number, number]> }>,
  areaId: number,
): string | null {
  if (relocated <= 0) return null;
  const got = new Map<number, number>();
  for (const receipt of receipts
    .filter((r) => r.areaId === areaId)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    for (const [itemId, quantity] of receipt.lines) got.set(itemId, (got.get(itemId) ?? 0) + quantity);
    const served = peopleServedBy(
      relocated,
      lines.map((l) => ({ needed: l.needed, received: got.get(l.itemId) ?? 0 })),
    );
    if (served >= relocated) return receipt.at;
  }
  return null;
}
