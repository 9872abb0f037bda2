import {
  agreementCalloffs,
  agreementLines,
  agreements,
  areas,
  type DbOrTx,
  dispatchOrderLines,
  dispatchOrders,
  items,
  roadEdges,
  warehouses,
} from "@relief/db";
import { type Message, msg, RELIEF_DEADLINE_HOURS } from "@relief/domain";
import type { PlanningProblem } from "@relief/planner";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { agreementViews } from "../agreements/list";
import { type LendableOffer, type PromisedAid, plannableAid } from "../aid/planning";
import { type ErrorIssue, ValidationError } from "../errors";
import { availableByWarehouseItem } from "../stock/balances";
import { localDate, localDateTime } from "../time";
import { aidDepots, aidVehicles } from "./aid-depots";
import { databaseId, problemId } from "./ids";
import { effectiveEdges, RoadGraph } from "./network";
import { plannerDepot, plannerNetwork, plannerVehicle, vehiclesOnRoads } from "./problem-parts";
import type { IncidentNeeds, PlanningSources, RoadNetwork } from "./sources";
import type { PlanOptions } from "./types";

/** Unloading at a township seat [E]: it delays the truck's next stop, not the delivery's own time. */
export const UNLOAD_MINUTES = 30;

export { databaseId, problemId };

export interface ItemInfo {
  id: number;
  name: string;
  baseUnit: string;
  kg: number;
  m3: number;
}

export interface WarehouseInfo {
  id: number;
  name: string;
  node: number | null;
  loadMinutes: number;
  /** Minutes before anything can leave: an enterprise site's response time, 0 for the district's own. */
  readyMinutes: number;
  /** Usable units per needed item id (available to promise, or the agreement figure at an enterprise site). */
  stock: Map<number, number>;
  /** A depot of the problem: it has trucks, a road node, and the dispatcher did not leave it out. */
  depot: boolean;
}

/** A stock line of an agreement in force that holds a needed item: for "call off agreement X". */
export interface AgreementSupply {
  number: string;
  enterpriseName: string;
  lineId: number;
  lineNo: number;
  itemId: number;
  /** Still to call off: the line's figure (latest verified, else declared, at most committed) less open call-offs. */
  quantity: number;
  /** Called off for the incident being planned (0 for coverage within reach, which plans no incident). */
  calledOff: number;
  warehouseId: number | null;
  responseHours: number;
  /** Available plated delivery trucks registered under the line, called off or not. */
  trucks: number;
}

/** Ledger stock a re-plan may plan again: reserved for the replaced plan's undeparted orders, released on approval. */
export interface FreedStock {
  warehouseId: number;
  itemId: number;
  quantity: number;
}

/** Everything the plan's view and suggestions need besides the planner's answer. */
export interface BuiltProblem {
  problem: PlanningProblem;
  needs: IncidentNeeds;
  startsAt: string;
  deadlineAt: string;
  deadlineMinutes: number;
  items: Map<number, ItemInfo>;
  warehouses: Map<number, WarehouseInfo>;
  /** Township seat node per area id. */
  seatOf: Map<number, number>;
  areaNames: Map<number, string>;
  edgeNames: Map<number, string>;
  plates: Map<number, string>;
  /** Promised mutual aid planned from its entry node, by request id, and its trucks' plates by truck id. */
  aid: Map<number, PromisedAid>;
  aidPlates: Map<number, string>;
  /** Neighbours' lendable lists for the needed items: whom to ask for what the district lacks. */
  lendable: LendableOffer[];
  agreements: AgreementSupply[];
  network: RoadNetwork;
  options: PlanOptions;
  /** The roads as planned (status, pins and exclusions applied). */
  graph: RoadGraph;
  /** What the plan leaves out and why (a vehicle whose warehouse has no road node, an idle agreement site). */
  notes: Message[];
}

export const NO_OPTIONS: PlanOptions = {
  pinnedWarehouseIds: [],
  excludedWarehouseIds: [],
  pinnedVehicleIds: [],
  excludedVehicleIds: [],
  pinnedEdgeIds: [],
  excludedEdgeIds: [],
};

function checkOptions(
  options: PlanOptions,
  known: { warehouses: Set<number>; vehicles: Set<number>; edges: Set<number> },
): void {
  const issues: ErrorIssue[] = [];
  const check = (field: keyof PlanOptions, ids: Set<number>, label: Message) =>
    options[field].forEach((id, i) => {
      if (!ids.has(id))
        issues.push({
          field: `options.${field}.${i}`,
          message: msg("dispatch.error.unknownChoice", { what: label, id }),
        });
    });
  check("pinnedWarehouseIds", known.warehouses, msg("dispatch.field.warehouse"));
  check("excludedWarehouseIds", known.warehouses, msg("dispatch.field.warehouse"));
  check("pinnedVehicleIds", known.vehicles, msg("dispatch.field.vehicle"));
  check("excludedVehicleIds", known.vehicles, msg("dispatch.field.vehicle"));
  check("pinnedEdgeIds", known.edges, msg("dispatch.field.road"));
  check("excludedEdgeIds", known.edges, msg("dispatch.field.road"));
  if (issues.length > 0) throw new ValidationError(msg("dispatch.error.badOptions"), issues);
}

/**
 * Usable stock per warehouse × needed item as of the deadline: the ledger's available to promise (on hand −
 * reserved − on hold, in usable lots not expired by the deadline's day) everywhere but enterprise sites.
 *
 * At enterprise sites, agreement stock, by one of two rules:
 * - planning an incident (`incidentRef`, its number): only what has been called off for this incident, i.e.
 *   call-offs of stock lines whose dispatch reference is the incident's number, neither cancelled nor
 *   confirmed as delivering nothing (the confirmed quantity once confirmed). The enterprise delivers called-off
 *   goods itself: they wait at the site until the call-off's response time has passed (or the confirmed
 *   delivery time), and they move only on its delivery trucks, which join the fleet with the call-off. Stock
 *   not yet called off is not planned: no one has asked the enterprise for it, its response time has not
 *   started, and the plan names it instead ("call off agreement X"). Call-offs for other dispatches are
 *   subtracted from what is left to call off, never from this incident's;
 * - coverage within reach (no incident): the stock lines of agreements in force (latest verified figure, else
 *   the declared one, at most the committed quantity, less open call-offs), ready after the line's response
 *   hours from now: what could reach once called off.
 * A site is ready when its slowest goods are: one depot per site in the planner.
 */
export function usableStock(
  db: DbOrTx,
  needed: Set<number>,
  now: string,
  deadlineAt: string,
  incidentRef?: string,
  freed: FreedStock[] = [],
): {
  byWarehouse: Map<number, Map<number, number>>;
  readyMinutes: Map<number, number>;
  agreements: AgreementSupply[];
} {
  const kinds = new Map(
    db
      .select({ id: warehouses.id, kind: warehouses.kind })
      .from(warehouses)
      .all()
      .map((w) => [w.id, w.kind]),
  );
  const byWarehouse = new Map<number, Map<number, number>>();
  const add = (warehouseId: number, itemId: number, quantity: number) => {
    if (quantity <= 0 || !needed.has(itemId)) return;
    const stock = byWarehouse.get(warehouseId) ?? new Map<number, number>();
    stock.set(itemId, (stock.get(itemId) ?? 0) + quantity);
    byWarehouse.set(warehouseId, stock);
  };
  for (const row of availableByWarehouseItem(db, localDate(deadlineAt)))
    if (kinds.get(row.warehouseId) !== "enterprise") add(row.warehouseId, row.itemId, row.available);
  for (const f of freed)
    if (kinds.get(f.warehouseId) !== "enterprise") add(f.warehouseId, f.itemId, f.quantity);

  const readyMinutes = new Map<number, number>();
  const readyAfter = (warehouseId: number, minutes: number) =>
    readyMinutes.set(warehouseId, Math.max(readyMinutes.get(warehouseId) ?? 0, minutes));
  const calledOff = incidentRef === undefined ? new Map<number, CalledOff>() : calledOffFor(db, incidentRef);
  for (const c of calledOff.values()) {
    if (c.warehouseId === null || !needed.has(c.itemId)) continue;
    add(c.warehouseId, c.itemId, c.quantity);
    readyAfter(c.warehouseId, Math.max(0, (Date.parse(c.readyAt) - Date.parse(now)) / 60_000));
  }
  const supplies: AgreementSupply[] = [];
  for (const agreement of agreementViews(db, {}, now)) {
    if (!agreement.inForce || agreement.kind !== "stock") continue;
    for (const line of agreement.lines) {
      if (line.itemId === null || !needed.has(line.itemId)) continue;
      const figure = line.latestVerification?.quantity ?? line.latestDeclaration?.quantity ?? 0;
      const quantity = Math.floor(Math.max(0, Math.min(figure, line.quantity) - line.openCalloffQuantity));
      const called = calledOff.get(line.id)?.quantity ?? 0;
      if (quantity <= 0 && called <= 0) continue;
      supplies.push({
        number: agreement.number,
        enterpriseName: agreement.enterpriseName,
        lineId: line.id,
        lineNo: line.lineNo,
        itemId: line.itemId,
        quantity,
        calledOff: called,
        warehouseId: line.warehouseId,
        responseHours: line.responseHours,
        trucks: 0,
      });
      if (incidentRef !== undefined || line.warehouseId === null) continue;
      add(line.warehouseId, line.itemId, quantity);
      readyAfter(line.warehouseId, line.responseHours * 60);
    }
  }
  return { byWarehouse, readyMinutes, agreements: supplies };
}

interface CalledOff {
  itemId: number;
  warehouseId: number | null;
  quantity: number;
  readyAt: string;
}

/**
 * Per stock line, what has been called off for the incident `incidentRef` and when it is ready at the site:
 * the request time + the line's response hours, or the confirmed delivery time; the latest of the line's
 * call-offs.
 */
function calledOffFor(db: DbOrTx, incidentRef: string): Map<number, CalledOff> {
  const rows = db
    .select({
      lineId: agreementLines.id,
      itemId: agreementLines.itemId,
      warehouseId: agreementLines.warehouseId,
      responseHours: agreementLines.responseHours,
      quantity: sql<number>`COALESCE(${agreementCalloffs.deliveredQuantity}, ${agreementCalloffs.quantity})`,
      requestedAt: agreementCalloffs.requestedAt,
      deliveredAt: agreementCalloffs.deliveredAt,
    })
    .from(agreementCalloffs)
    .innerJoin(agreementLines, eq(agreementLines.id, agreementCalloffs.lineId))
    .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
    .where(
      and(
        eq(agreementCalloffs.dispatchRef, incidentRef),
        eq(agreements.kind, "stock"),
        isNull(agreementCalloffs.cancelledAt),
        sql`COALESCE(${agreementCalloffs.deliveredQuantity}, ${agreementCalloffs.quantity}) > 0`,
      ),
    )
    .all();
  // What orders of the incident have already carried away from a call-off (departed or received) is no longer
  // at the site: a re-plan must not count it again.
  const carried = new Map(
    db
      .select({
        lineId: agreementCalloffs.lineId,
        quantity: sql<number>`SUM(${dispatchOrderLines.quantity})`,
      })
      .from(dispatchOrderLines)
      .innerJoin(dispatchOrders, eq(dispatchOrders.id, dispatchOrderLines.orderId))
      .innerJoin(agreementCalloffs, eq(agreementCalloffs.id, dispatchOrderLines.calloffId))
      .where(
        and(
          eq(agreementCalloffs.dispatchRef, incidentRef),
          inArray(dispatchOrders.status, ["departed", "received"]),
        ),
      )
      .groupBy(agreementCalloffs.lineId)
      .all()
      .map((r) => [r.lineId, r.quantity]),
  );
  const byLine = new Map<number, CalledOff>();
  for (const r of rows) {
    if (r.itemId === null) continue;
    const readyAt =
      r.deliveredAt ?? new Date(Date.parse(r.requestedAt) + r.responseHours * 3_600_000).toISOString();
    const before = byLine.get(r.lineId);
    byLine.set(r.lineId, {
      itemId: r.itemId,
      warehouseId: r.warehouseId,
      quantity: (before?.quantity ?? 0) + r.quantity,
      readyAt: before && before.readyAt > readyAt ? before.readyAt : readyAt,
    });
  }
  for (const [lineId, called] of byLine) {
    called.quantity = Math.max(0, called.quantity - (carried.get(lineId) ?? 0));
  }
  return byLine;
}

/**
 * The planner's problem for an incident as the database stands at `now` (the planner's time zero): the
 * affected areas' needs at their township seats, usable stock at the warehouses that have trucks, the
 * available fleet, and today's roads with the dispatcher's pins and exclusions. Refuses a closed incident and
 * one whose 10-hour deadline has passed. A re-plan counts the stock its swap releases (`freed`) as usable.
 */
export function buildProblem(
  db: DbOrTx,
  incidentId: number,
  options: PlanOptions,
  now: string,
  sources: PlanningSources,
  freed: FreedStock[] = [],
): BuiltProblem {
  sources.assertIncidentOpen(db, incidentId);
  const needs = sources.needs(db, incidentId);
  const { incident } = needs;
  const deadlineAt = new Date(
    Date.parse(incident.startedAt) + RELIEF_DEADLINE_HOURS * 3_600_000,
  ).toISOString();
  const deadlineMinutes = (Date.parse(deadlineAt) - Date.parse(now)) / 60_000;
  if (deadlineMinutes <= 0)
    throw new ValidationError(
      msg("dispatch.error.deadlinePassed", { number: incident.number, deadline: localDateTime(deadlineAt) }),
    );

  const network = sources.roadNetwork(db);
  const fleet = sources.vehicles(db, { incidentRef: incident.number });
  const warehouseRows = db.select().from(warehouses).all();
  checkOptions(options, {
    warehouses: new Set(warehouseRows.map((w) => w.id)),
    vehicles: new Set(fleet.map((v) => v.id)),
    edges: new Set(network.edges.map((e) => e.id)),
  });

  const demandAreas = needs.areas.filter((a) => a.people > 0 && Object.values(a.needs).some((q) => q > 0));
  if (demandAreas.length === 0)
    throw new ValidationError(msg("dispatch.error.nothingNeeded", { number: incident.number }));
  const needed = new Set(demandAreas.flatMap((a) => Object.keys(a.needs).map(Number)));
  const itemRows =
    needed.size > 0
      ? db
          .select()
          .from(items)
          .where(inArray(items.id, [...needed]))
          .all()
      : [];
  const itemInfo = new Map(
    itemRows.map((i) => [
      i.id,
      { id: i.id, name: i.name, baseUnit: i.baseUnit, kg: i.kgPerUnit, m3: i.m3PerUnit },
    ]),
  );

  const warehouseNode = new Map(
    network.nodes.filter((n) => n.warehouseId !== null).map((n) => [n.warehouseId as number, n.id]),
  );
  const seatOfTownship = new Map(
    network.nodes.filter((n) => n.seat && n.areaId !== null).map((n) => [n.areaId as number, n.id]),
  );
  const areaNames = new Map(
    db
      .select({ id: areas.id, name: areas.name })
      .from(areas)
      .all()
      .map((a) => [a.id, a.name]),
  );
  const seatOf = new Map<number, number>();
  const missing: ErrorIssue[] = [];
  demandAreas.forEach((a, i) => {
    const seat = seatOfTownship.get(a.townshipAreaId);
    if (seat === undefined)
      missing.push({
        field: `areas.${i}`,
        message: msg("dispatch.error.noSeatNode", {
          area: areaNames.get(a.townshipAreaId) ?? `#${a.townshipAreaId}`,
        }),
      });
    else seatOf.set(a.areaId, seat);
  });
  if (missing.length > 0) throw new ValidationError(msg("dispatch.error.noSeatNodes"), missing);

  const stock = usableStock(db, needed, now, deadlineAt, incident.number, freed);
  const trucksOnLine = sources.agreementTrucks(db);
  for (const a of stock.agreements) a.trucks = trucksOnLine.get(a.lineId) ?? 0;
  const pinnedW = new Set(options.pinnedWarehouseIds);
  const excludedW = new Set(options.excludedWarehouseIds);
  const pinnedV = new Set(options.pinnedVehicleIds);
  const excludedV = new Set(options.excludedVehicleIds);
  const warehouseAllowed = (id: number) => !excludedW.has(id) && (pinnedW.size === 0 || pinnedW.has(id));
  const notes: Message[] = [];
  const plates = new Map(fleet.map((v) => [v.id, v.plate]));
  const vehicles = fleet.filter((v) => !excludedV.has(v.id) && (pinnedV.size === 0 || pinnedV.has(v.id)));
  const byName = new Map(warehouseRows.map((w) => [w.id, w.name]));
  const usable = vehiclesOnRoads(vehicles, warehouseNode, warehouseAllowed, byName, notes);
  const homes = new Set(usable.map((v) => v.homeWarehouseId));

  const warehouseInfo = new Map<number, WarehouseInfo>();
  for (const w of warehouseRows) {
    if (!w.active) continue;
    const held = stock.byWarehouse.get(w.id) ?? new Map<number, number>();
    warehouseInfo.set(w.id, {
      id: w.id,
      name: w.name,
      node: warehouseNode.get(w.id) ?? null,
      loadMinutes: w.loadMinutes,
      readyMinutes: stock.readyMinutes.get(w.id) ?? 0,
      stock: held,
      depot: homes.has(w.id),
    });
    if (held.size > 0 && !homes.has(w.id) && warehouseAllowed(w.id))
      notes.push(msg("dispatch.note.stockWithoutTrucks", { warehouse: w.name }));
  }

  const aid = plannableAid(sources.mutualAid(db, incidentId), needed, now, notes);
  const edges = effectiveEdges(network, options);
  const depots = [...warehouseInfo.values()].filter((w) => w.depot);
  const problem: PlanningProblem = {
    deadlineMinutes,
    items: [...itemInfo.values()].map((i) => ({ id: problemId.item(i.id), kg: i.kg, m3: i.m3 })),
    network: plannerNetwork(network, edges),
    depots: [...depots.map(plannerDepot), ...aidDepots(aid)],
    vehicles: [
      ...usable.map((v) => plannerVehicle(v, now, warehouseInfo.get(v.homeWarehouseId)?.readyMinutes ?? 0)),
      ...aidVehicles(aid, now),
    ],
    demands: demandAreas.map((a) => ({
      id: problemId.area(a.areaId),
      node: problemId.node(seatOf.get(a.areaId) as number),
      people: a.people,
      need: Object.fromEntries(
        Object.entries(a.needs)
          .filter(([, q]) => q > 0)
          .map(([itemId, q]) => [problemId.item(Number(itemId)), Math.ceil(q)]),
      ),
      serviceMinutes: UNLOAD_MINUTES,
    })),
  };
  const edgeNames = new Map(
    db
      .select({ id: roadEdges.id, name: roadEdges.name })
      .from(roadEdges)
      .all()
      .map((e) => [e.id, e.name]),
  );
  return {
    problem,
    needs,
    startsAt: now,
    deadlineAt,
    deadlineMinutes,
    items: itemInfo,
    warehouses: warehouseInfo,
    seatOf,
    areaNames,
    edgeNames,
    plates,
    aid,
    lendable: sources.lendable(db).filter((o) => needed.has(o.itemId)),
    aidPlates: new Map([...aid.values()].flatMap((a) => a.trucks.map((t) => [t.id, t.plate] as const))),
    agreements: stock.agreements,
    network,
    options,
    graph: new RoadGraph(edges),
    notes,
  };
}
