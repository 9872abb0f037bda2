import { areas, type DbOrTx, items, roadEdges, warehouses } from "@relief/db";
import { type Message, msg, RELIEF_DEADLINE_HOURS } from "@relief/domain";
import type { PlanningProblem } from "@relief/planner";
import { inArray } from "drizzle-orm";
import { agreementViews } from "../agreements/list";
import { type ErrorIssue, ValidationError } from "../errors";
import { availableByWarehouseItem } from "../stock/balances";
import { localDate, localDateTime } from "../time";
import { baseMinutes, effectiveEdges, RoadGraph } from "./network";
import type { IncidentNeeds, PlanningSources, RoadNetwork } from "./sources";
import type { PlanOptions } from "./types";

/** Unloading at a township seat [E]: it delays the truck's next stop, not the delivery's own time. */
export const UNLOAD_MINUTES = 30;

/** Ids in the planner's problem: the kind's letter and the database id. */
export const problemId = {
  warehouse: (id: number) => `W${id}`,
  vehicle: (id: number) => `V${id}`,
  area: (id: number) => `A${id}`,
  item: (id: number) => `I${id}`,
  node: (id: number) => `N${id}`,
};
/** The database id of a problem id ("W12" → 12; "V3#1" is not produced: every vehicle is its own entry). */
export const databaseId = (id: string) => Number(id.slice(1));

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

/** An agreement stock line that could supply a needed item, for "call off agreement X". */
export interface AgreementSupply {
  number: string;
  enterpriseName: string;
  itemId: number;
  quantity: number;
  warehouseId: number | null;
  responseHours: number;
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
 * reserved − on hold, in usable lots not expired by the deadline's day) everywhere but enterprise sites; at
 * enterprise sites, the stock lines of agreements in force (latest verified figure, else the declared one,
 * at most the committed quantity, less open call-offs), ready after the line's response hours.
 */
export function usableStock(
  db: DbOrTx,
  needed: Set<number>,
  now: string,
  deadlineAt: string,
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

  const readyMinutes = new Map<number, number>();
  const agreements: AgreementSupply[] = [];
  for (const agreement of agreementViews(db, {}, now)) {
    if (!agreement.inForce || agreement.kind !== "stock") continue;
    for (const line of agreement.lines) {
      if (line.itemId === null || !needed.has(line.itemId)) continue;
      const figure = line.latestVerification?.quantity ?? line.latestDeclaration?.quantity ?? 0;
      const quantity = Math.floor(Math.max(0, Math.min(figure, line.quantity) - line.openCalloffQuantity));
      if (quantity <= 0) continue;
      agreements.push({
        number: agreement.number,
        enterpriseName: agreement.enterpriseName,
        itemId: line.itemId,
        quantity,
        warehouseId: line.warehouseId,
        responseHours: line.responseHours,
      });
      if (line.warehouseId === null) continue;
      add(line.warehouseId, line.itemId, quantity);
      // One depot per site: it is ready when its slowest line is.
      const ready = line.responseHours * 60;
      readyMinutes.set(line.warehouseId, Math.max(readyMinutes.get(line.warehouseId) ?? 0, ready));
    }
  }
  return { byWarehouse, readyMinutes, agreements };
}

/**
 * The planner's problem for an incident as the database stands at `now` (the planner's time zero): the
 * affected areas' needs at their township seats, usable stock at the warehouses that have trucks, the
 * available fleet, and today's roads with the dispatcher's pins and exclusions. Refuses a closed incident and
 * one whose 10-hour deadline has passed.
 */
export function buildProblem(
  db: DbOrTx,
  incidentId: number,
  options: PlanOptions,
  now: string,
  sources: PlanningSources,
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

  const stock = usableStock(db, needed, now, deadlineAt);
  const pinnedW = new Set(options.pinnedWarehouseIds);
  const excludedW = new Set(options.excludedWarehouseIds);
  const pinnedV = new Set(options.pinnedVehicleIds);
  const excludedV = new Set(options.excludedVehicleIds);
  const warehouseAllowed = (id: number) => !excludedW.has(id) && (pinnedW.size === 0 || pinnedW.has(id));
  const notes: Message[] = [];
  const plates = new Map(fleet.map((v) => [v.id, v.plate]));
  const vehicles = fleet.filter((v) => !excludedV.has(v.id) && (pinnedV.size === 0 || pinnedV.has(v.id)));
  const byName = new Map(warehouseRows.map((w) => [w.id, w.name]));
  const usable = vehicles.filter((v) => {
    if (!warehouseAllowed(v.homeWarehouseId)) return false;
    if (warehouseNode.has(v.homeWarehouseId)) return true;
    notes.push(
      msg("dispatch.note.vehicleWithoutRoad", {
        plate: v.plate,
        warehouse: byName.get(v.homeWarehouseId) ?? "",
      }),
    );
    return false;
  });
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

  const edges = effectiveEdges(network, options);
  const depots = [...warehouseInfo.values()].filter((w) => w.depot);
  const problem: PlanningProblem = {
    deadlineMinutes,
    items: [...itemInfo.values()].map((i) => ({ id: problemId.item(i.id), kg: i.kg, m3: i.m3 })),
    network: {
      nodes: network.nodes.map((n) => ({ id: problemId.node(n.id), lat: n.lat, lon: n.lon })),
      edges: edges.map((e) => ({
        from: problemId.node(e.from),
        to: problemId.node(e.to),
        minutes: baseMinutes(e),
        km: e.km,
        ...(e.oneWay ? { oneWay: true } : {}),
        ...(e.closed ? { closed: true } : {}),
        ...(e.speedFactor !== 1 ? { speedFactor: e.speedFactor } : {}),
      })),
    },
    depots: depots.map((w) => ({
      id: problemId.warehouse(w.id),
      node: problemId.node(w.node as number),
      loadMinutes: w.loadMinutes,
      stock: Object.fromEntries([...w.stock].map(([itemId, q]) => [problemId.item(itemId), Math.floor(q)])),
    })),
    vehicles: usable.map((v) => {
      // An agreement truck waits for its response time; at an enterprise site, for the goods' response time.
      const arrives = v.availableFrom === null ? 0 : (Date.parse(v.availableFrom) - Date.parse(now)) / 60_000;
      const ready = Math.max(0, arrives, warehouseInfo.get(v.homeWarehouseId)?.readyMinutes ?? 0);
      return {
        id: problemId.vehicle(v.id),
        depot: problemId.warehouse(v.homeWarehouseId),
        capacityKg: v.payloadKg,
        capacityM3: v.volumeM3,
        ...(ready > 0 ? { availableAtMinutes: ready } : {}),
      };
    }),
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
    agreements: stock.agreements,
    network,
    options,
    graph: new RoadGraph(edges),
    notes,
  };
}
