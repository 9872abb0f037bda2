import {
  dispatchOrderLines,
  dispatchOrders,
  dispatchPlans,
  incidents,
  items,
  ledgerLines,
  type Ownership,
  type Tx,
  vehicles,
  warehouses,
} from "@relief/db";
import { msg, ORDER_AUTHORITY_DEFAULT, zh } from "@relief/domain";
import { and, desc, eq, inArray, isNotNull, isNull, max, sql } from "drizzle-orm";
import { createCalloff } from "../agreements/calloffs";
import { receivingContacts } from "../areas/contact";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, NotFoundError, UnauthorizedError } from "../errors";
import { INCIDENT_PREFIX } from "../incidents/create";
import { assertIncidentOpen } from "../incidents/status";
import { startsWithText } from "../search";
import { assertMayApprovePlan } from "../settings/plan-approval";
import { inBaseUnits } from "../stock/lines";
import { pickStock } from "../stock/pick";
import { reserveStock } from "../stock/reserve";
import { localDate, localDateTime } from "../time";
import { ApprovePlanInput } from "./order-schemas";
import { type AgreementSource, checkSupply, drawAgreement, type Sent } from "./supply";
import type { PlanStop, PlanView, WarehouseRoute } from "./types";

/** 调拨单 numbers: `DB-20261130-0001` by the district day of approval; a drill's `YL-DB-20261130-0001`. */
export const ORDER_PREFIX = { order: "DB", drill: `${INCIDENT_PREFIX.drill}-DB` } as const;

export interface ApprovedPlan {
  orders: Array<{ id: number; number: string }>;
}

interface OrderLine {
  itemId: number;
  lotId: number | null;
  ownership: Ownership;
  quantity: number;
  calloffId: number | null;
}

function nextOrderNumber(tx: Tx, drill: boolean, at: string): string {
  const prefix = `${drill ? ORDER_PREFIX.drill : ORDER_PREFIX.order}-${localDate(at).replaceAll("-", "")}-`;
  const last = tx
    .select({ number: dispatchOrders.number })
    .from(dispatchOrders)
    .where(startsWithText(dispatchOrders.number, prefix))
    .orderBy(desc(sql`length(${dispatchOrders.number})`), desc(dispatchOrders.number))
    .limit(1)
    .get();
  const sequence = last ? Number(last.number.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(sequence).padStart(4, "0")}`;
}

/** The plan, if it may be approved: done, of an open incident, neither approved nor cancelled, the latest. */
function approvablePlan(tx: Tx, planId: number) {
  const row = tx
    .select({ plan: dispatchPlans, incident: incidents })
    .from(dispatchPlans)
    .innerJoin(incidents, eq(incidents.id, dispatchPlans.incidentId))
    .where(eq(dispatchPlans.id, planId))
    .get();
  if (!row) throw new NotFoundError(msg("dispatch.error.planNotFound", { id: String(planId) }));
  const { plan, incident } = row;
  assertIncidentOpen(tx, incident.id);
  const version = plan.version;
  if (plan.cancelledAt) throw new ConflictError(msg("orders.error.planCancelled", { version }));
  if (plan.approvedAt)
    throw new ConflictError(
      msg("orders.error.planApproved", { version, at: localDateTime(plan.approvedAt) }),
    );
  if (plan.status !== "done" || !plan.result)
    throw new ConflictError(msg("orders.error.planNotDone", { version }));
  const latest =
    tx
      .select({ v: max(dispatchPlans.version) })
      .from(dispatchPlans)
      .where(eq(dispatchPlans.incidentId, incident.id))
      .get()?.v ?? version;
  if (latest > version) throw new ConflictError(msg("orders.error.notLatest", { version, latest }));
  // Two approved versions would send the same relief twice.
  const active = tx
    .select({ version: dispatchPlans.version })
    .from(dispatchPlans)
    .where(
      and(
        eq(dispatchPlans.incidentId, incident.id),
        isNotNull(dispatchPlans.approvedAt),
        isNull(dispatchPlans.cancelledAt),
      ),
    )
    .get();
  if (active) throw new ConflictError(msg("orders.error.otherPlanApproved", { version: active.version }));
  const stored = plan.result as PlanView;
  // A neighbour's promised aid travels on its own trucks from its entry node, outside Banan's ledger: the
  // plan shows those trips, approval makes 调拨单 of Banan's own.
  const view = {
    ...stored,
    routes: stored.routes.filter((r): r is WarehouseRoute => r.warehouseId !== null),
  };
  if (!view.routes.some((r) => r.stops.some((s) => s.deliveries.length > 0)))
    throw new ConflictError(msg("orders.error.noRoutes", { version }));
  return { plan, incident, view };
}

/** Sums what the plan sends per source warehouse × item, apart for enterprise sites (agreement stock). */
function sentBySource(view: { routes: WarehouseRoute[] }, enterprise: (warehouseId: number) => boolean) {
  const sums = new Map<string, Sent>();
  for (const route of view.routes)
    for (const stop of route.stops)
      for (const d of stop.deliveries) {
        const key = `${route.warehouseId}|${d.itemId}`;
        const s = sums.get(key) ?? { warehouseId: route.warehouseId, itemId: d.itemId, quantity: 0 };
        s.quantity += d.quantity;
        sums.set(key, s);
      }
  const all = [...sums.values()];
  return {
    stock: all.filter((s) => !enterprise(s.warehouseId)),
    agreement: all.filter((s) => enterprise(s.warehouseId)),
  };
}

/**
 * Approves a plan: one dispatch order (调拨单) per trip and receiving township, numbered by the district day,
 * carrying the authorising body, the issuing unit (the source warehouse's organisation), the purpose, the
 * truck, the route's planned times, the incident's deadline and the receiving contact from the area register
 * (`receivingContacts`: a village's township's when the village has none). In one transaction, all or nothing:
 * government and other ledger stock is reserved under each order's number, first-expiring lots usable on the
 * deadline day first, one order line per lot; agreement stock at an enterprise site is drawn from the
 * incident's call-offs, and what they do not cover is called off under the order's number. When anything the
 * plan counted on is gone (issued, reserved, an agreement ended), nothing is written and the refusal names each
 * warehouse and item, planned against available now: a re-plan is needed. A drill's orders are numbered as
 * drills and name their lots, but reserve nothing and call nothing off. Who approves is the district's setting
 * (`planApproval`): dispatchers, or leaders; administrators always. `replanning`: the re-plan of an approved
 * plan (`dispatch.replan`) re-approves a commitment already approved, re-routed around a closed road: the
 * dispatcher's to make whoever approves plans, or a closure would wait on a leader.
 */
export function approvePlan(
  { ctx, input }: { ctx: CoreContext; input: ApprovePlanInput },
  { replanning = false }: { replanning?: boolean } = {},
): ApprovedPlan {
  const actor = ctx.actor;
  if (!actor) throw new UnauthorizedError();
  const fields = ApprovePlanInput.parse(input);
  const at = nowIso(ctx);
  return withTransaction(ctx, (tx) => {
    if (!replanning) assertMayApprovePlan(tx, actor);
    const { incident, view } = approvablePlan(tx, fields.planId);
    const drill = incident.drill;
    const inner = { ...ctx, db: tx };
    const warehouseIds = [...new Set(view.routes.map((r) => r.warehouseId))];
    const sites = new Map(
      tx
        .select({
          id: warehouses.id,
          name: warehouses.name,
          kind: warehouses.kind,
          organisation: warehouses.organisation,
        })
        .from(warehouses)
        .where(inArray(warehouses.id, warehouseIds))
        .all()
        .map((w) => [w.id, w]),
    );
    const itemIds = [
      ...new Set(view.routes.flatMap((r) => r.stops.flatMap((s) => s.deliveries.map((d) => d.itemId)))),
    ];
    const itemRows = new Map(
      tx
        .select({ id: items.id, name: items.name, baseUnit: items.baseUnit })
        .from(items)
        .where(inArray(items.id, itemIds))
        .all()
        .map((i) => [i.id, i]),
    );
    const enterprise = (id: number) => sites.get(id)?.kind === "enterprise";
    const usableOn = localDate(view.deadlineAt);
    const sources = checkSupply(tx, sentBySource(view, enterprise), {
      incidentRef: incident.number,
      usableOn,
      now: at,
      names: {
        warehouse: (id) => sites.get(id)?.name ?? `#${id}`,
        item: (id) => itemRows.get(id) ?? { name: `#${id}`, baseUnit: "" },
      },
    });

    const vehicleIds = view.routes.flatMap((r) => (r.vehicleId === null ? [] : [r.vehicleId]));
    const trucks = new Map(
      (vehicleIds.length > 0
        ? tx.select().from(vehicles).where(inArray(vehicles.id, vehicleIds)).all()
        : []
      ).map((v) => [v.id, v]),
    );
    const contacts = receivingContacts(
      tx,
      view.routes.flatMap((r) => r.stops.map((s) => s.areaId)),
    );
    const purpose = fields.purpose || zh(msg("orders.default.purpose", { title: incident.title }));
    const orders: ApprovedPlan["orders"] = [];

    const writeOrder = (route: WarehouseRoute, stop: PlanStop) => {
      const number = nextOrderNumber(tx, drill, at);
      const truck = route.vehicleId === null ? undefined : trucks.get(route.vehicleId);
      const order = tx
        .insert(dispatchOrders)
        .values({
          number,
          planId: view.planId,
          incidentId: incident.id,
          drill,
          status: "reserved",
          sourceWarehouseId: route.warehouseId,
          areaId: stop.areaId,
          receiverName: contacts.get(stop.areaId)?.name ?? "",
          receiverPhone: contacts.get(stop.areaId)?.phone ?? "",
          vehicleId: route.vehicleId,
          vehicleLabel: route.vehicleLabel,
          plate: truck?.plate ?? "",
          driver: truck?.driver ?? "",
          driverPhone: truck?.phone ?? "",
          trip: route.trip,
          authority: fields.authority || ORDER_AUTHORITY_DEFAULT,
          authorityRef: fields.authorityRef ?? "",
          issuingUnit: sites.get(route.warehouseId)?.organisation ?? "",
          purpose,
          plannedDepartAt: route.departAt,
          plannedArrivalAt: stop.arriveAt,
          requiredBy: view.deadlineAt,
          createdBy: actor.userId,
          createdAt: at,
        })
        .returning({ id: dispatchOrders.id })
        .get();
      const lines = enterprise(route.warehouseId)
        ? agreementLines(inner, stop, { number, warehouseId: route.warehouseId, drill, at, sources })
        : stockLines(inner, stop, { number, warehouseId: route.warehouseId, drill, usableOn });
      tx.insert(dispatchOrderLines)
        .values(lines.map((l, i) => ({ ...l, orderId: order.id, lineNo: i + 1 })))
        .run();
      orders.push({ id: order.id, number });
    };
    for (const route of view.routes)
      for (const stop of route.stops) if (stop.deliveries.length > 0) writeOrder(route, stop);

    tx.update(dispatchPlans)
      .set({ approvedAt: at, approvedBy: actor.userId })
      .where(eq(dispatchPlans.id, view.planId))
      .run();
    recordAudit(tx, ctx, {
      action: "dispatch.approve",
      targetType: "dispatch_plan",
      targetIds: [view.planId],
      summary: { ...fields, drill, orders: orders.map((o) => o.number) },
    });
    return { orders };
  });
}

/**
 * A stop's ledger stock: reserved under the order's number (`stock.reserve`, audited as such), one line per
 * lot the reservation took. A drill picks the same lots without posting.
 */
function stockLines(
  ctx: CoreContext & { db: Tx },
  stop: PlanStop,
  order: { number: string; warehouseId: number; drill: boolean; usableOn: string },
): OrderLine[] {
  const requests = stop.deliveries.map((d) => ({ itemId: d.itemId, quantity: d.quantity }));
  if (order.drill) {
    const { items: itemRows, lines } = inBaseUnits(ctx.db, requests);
    return pickStock(ctx.db, lines, itemRows, {
      warehouseId: order.warehouseId,
      warehouseName: "",
      today: order.usableOn,
    }).map((a) => ({
      itemId: a.itemId,
      lotId: a.lotId,
      ownership: a.ownership,
      quantity: a.quantity,
      calloffId: null,
    }));
  }
  const document = reserveStock(
    { ctx, input: { warehouseId: order.warehouseId, dispatchRef: order.number, lines: requests } },
    { usableOn: order.usableOn, approvedPlan: true },
  );
  return ctx.db
    .select({
      itemId: ledgerLines.itemId,
      lotId: ledgerLines.lotId,
      ownership: ledgerLines.ownership,
      quantity: ledgerLines.reservedDelta,
    })
    .from(ledgerLines)
    .where(eq(ledgerLines.documentId, document.id))
    .orderBy(ledgerLines.id)
    .all()
    .map((l) => ({ ...l, calloffId: null }));
}

/**
 * A stop's agreement stock from an enterprise site: the incident's call-offs first (the line points at the
 * call-off), the rest called off under the order's number. A drill records the lines without a call-off.
 */
function agreementLines(
  ctx: CoreContext & { db: Tx },
  stop: PlanStop,
  order: {
    number: string;
    warehouseId: number;
    drill: boolean;
    at: string;
    sources: Map<string, AgreementSource[]>;
  },
): OrderLine[] {
  return stop.deliveries.flatMap((d): OrderLine[] => {
    const line = { itemId: d.itemId, lotId: null, ownership: "agreement" as const };
    if (order.drill) return [{ ...line, quantity: d.quantity, calloffId: null }];
    const parts = drawAgreement(order.sources.get(`${order.warehouseId}|${d.itemId}`) ?? [], d.quantity);
    return parts.map((part) => ({
      ...line,
      quantity: part.left,
      calloffId:
        part.calloffId ??
        createCalloff({
          ctx,
          input: {
            lineId: part.lineId,
            quantity: part.left,
            requestedAt: order.at,
            dispatchRef: order.number,
          },
        }).id,
    }));
  });
}
