import { type TravelMatrix, travelMatrix } from "./paths";
import type { ValidProblem } from "./schema";

/**
 * The problem compiled into flat typed arrays: what the search reads in its inner loops.
 *
 * Places (depots and demand points) are numbered 0 … placeCount - 1 and travel is looked up in a
 * place × place matrix. Vehicle entries with a count are expanded into one vehicle each.
 * An order is a bundle of a demand point's needed items that one visit carries: normally the whole need; items
 * held by different sets of depots form separate orders (when split deliveries are allowed).
 */
export interface Model {
  problem: ValidProblem;
  objective: "relief" | "distance";
  split: boolean;
  maxTrips: number;
  deadline: number;

  itemCount: number;
  itemIds: string[];
  itemKg: Float64Array;
  itemM3: Float64Array;

  placeCount: number;
  /** Base travel minutes (before a vehicle's speed factor), row-major; Infinity = no way. */
  minutes: Float64Array;
  km: Float64Array;

  depotCount: number;
  depotPlace: Int32Array;
  depotLoad: Float64Array;
  /** depot × item. */
  stock: Float64Array;

  vehicleCount: number;
  vehicleNames: string[];
  /** Index into problem.vehicles: vehicles of one entry are interchangeable. */
  vehicleEntry: Int32Array;
  vehicleDepot: Int32Array;
  capacityKg: Float64Array;
  capacityM3: Float64Array;
  /** 1 / speedFactor: multiplies base minutes. */
  slowness: Float64Array;
  availableAt: Float64Array;
  maxEnd: Float64Array;

  demandCount: number;
  demandPlace: Int32Array;
  people: Float64Array;
  /** demand × item. */
  need: Float64Array;
  service: Float64Array;
  windowStart: Float64Array;
  /** min(deadline, window end): a delivery counts only if its service starts by then. */
  latest: Float64Array;

  orderCount: number;
  orderDemand: Int32Array;
  /** The items of order o are orderItems[orderItemStart[o] … orderItemStart[o + 1] - 1]. */
  orderItemStart: Int32Array;
  orderItems: Int32Array;
  /** Share of the demand's needed items this order carries: weighs partial progress in the search. */
  orderWeight: Float64Array;
  /** demand × vehicle entry: 1 when a vehicle of the entry can drive there and back. */
  entryReaches: Uint8Array;
  /** Earliest possible service start at the demand by any vehicle that reaches it (Infinity if none). */
  earliestService: Float64Array;
  /** Why a demand got no order: nothing to deliver from anywhere reachable. */
  demandBlocked: Uint8Array;
}

export const BLOCKED_NONE = 0;
export const BLOCKED_UNREACHABLE = 1;
export const BLOCKED_NO_STOCK = 2;
export const BLOCKED_DEADLINE = 3;

export function compile(problem: ValidProblem, travel?: TravelMatrix): Model {
  const itemIds = problem.items.map((i) => i.id);
  const itemIndex = new Map(itemIds.map((id, i) => [id, i]));
  const K = itemIds.length;
  const itemKg = Float64Array.from(problem.items, (i) => i.kg);
  const itemM3 = Float64Array.from(problem.items, (i) => i.m3);

  const places: string[] = [];
  const placeIndex = new Map<string, number>();
  const place = (node: string) => {
    let p = placeIndex.get(node);
    if (p === undefined) {
      p = places.length;
      places.push(node);
      placeIndex.set(node, p);
    }
    return p;
  };
  const depotPlace = Int32Array.from(problem.depots, (d) => place(d.node));
  const demandPlace = Int32Array.from(problem.demands, (d) => place(d.node));
  const matrix = travel ?? travelMatrix(problem, places);
  const P = places.length;

  const D = problem.depots.length;
  const depotIndex = new Map(problem.depots.map((d, i) => [d.id, i]));
  const depotLoad = Float64Array.from(problem.depots, (d) => d.loadMinutes);
  const stock = new Float64Array(D * K);
  problem.depots.forEach((d, i) => {
    for (const [k, q] of Object.entries(d.stock)) stock[i * K + (itemIndex.get(k) as number)] = q;
  });

  const names: string[] = [];
  const entry: number[] = [];
  problem.vehicles.forEach((v, e) => {
    const n = v.count ?? 1;
    for (let j = 1; j <= n; j++) {
      names.push(v.count === undefined ? v.id : `${v.id}#${j}`);
      entry.push(e);
    }
  });
  const V = names.length;
  const vehicleEntry = Int32Array.from(entry);
  const spec = (i: number) => problem.vehicles[vehicleEntry[i] as number] as ValidProblem["vehicles"][number];
  const vehicleDepot = Int32Array.from({ length: V }, (_, i) => depotIndex.get(spec(i).depot) as number);
  const capacityKg = Float64Array.from({ length: V }, (_, i) => spec(i).capacityKg);
  const capacityM3 = Float64Array.from(
    { length: V },
    (_, i) => spec(i).capacityM3 ?? Number.POSITIVE_INFINITY,
  );
  const slowness = Float64Array.from({ length: V }, (_, i) => 1 / (spec(i).speedFactor ?? 1));
  const availableAt = Float64Array.from({ length: V }, (_, i) => spec(i).availableAtMinutes ?? 0);
  const maxEnd = Float64Array.from(
    { length: V },
    (_, i) => spec(i).maxEndMinutes ?? Number.POSITIVE_INFINITY,
  );

  const N = problem.demands.length;
  const deadline = problem.deadlineMinutes;
  const people = Float64Array.from(problem.demands, (d) => d.people);
  const need = new Float64Array(N * K);
  problem.demands.forEach((d, i) => {
    for (const [k, q] of Object.entries(d.need)) need[i * K + (itemIndex.get(k) as number)] = q;
  });
  const service = Float64Array.from(problem.demands, (d) => d.serviceMinutes ?? 0);
  const windowStart = Float64Array.from(problem.demands, (d) => d.window?.[0] ?? 0);
  const latest = Float64Array.from(problem.demands, (d) => Math.min(deadline, d.window?.[1] ?? deadline));

  const E = problem.vehicles.length;
  const entryReaches = new Uint8Array(N * E);
  const earliestService = new Float64Array(N).fill(Number.POSITIVE_INFINITY);
  const M = matrix.minutes;
  for (let i = 0; i < N; i++) {
    const at = demandPlace[i] as number;
    for (let e = 0; e < E; e++) {
      const v = problem.vehicles[e] as ValidProblem["vehicles"][number];
      const d = depotIndex.get(v.depot) as number;
      const home = depotPlace[d] as number;
      const out = M[home * P + at] as number;
      const back = M[at * P + home] as number;
      if (!Number.isFinite(out) || !Number.isFinite(back)) continue;
      entryReaches[i * E + e] = 1;
      const slow = 1 / (v.speedFactor ?? 1);
      const start = Math.max(
        (v.availableAtMinutes ?? 0) + (depotLoad[d] as number) + out * slow,
        windowStart[i] as number,
      );
      const end = start + (service[i] as number) + back * slow;
      if (end <= (v.maxEndMinutes ?? Number.POSITIVE_INFINITY))
        earliestService[i] = Math.min(earliestService[i] as number, start);
    }
  }

  const depotReachesDemand = (d: number, i: number) => {
    for (let e = 0; e < E; e++)
      if (
        entryReaches[i * E + e] === 1 &&
        depotIndex.get((problem.vehicles[e] as { depot: string }).depot) === d
      )
        return true;
    return false;
  };
  const orderDemand: number[] = [];
  const orderItemStart: number[] = [0];
  const orderItems: number[] = [];
  const orderWeight: number[] = [];
  const demandBlocked = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    const needed: number[] = [];
    for (let k = 0; k < K; k++) if ((need[i * K + k] as number) > 0) needed.push(k);
    if (needed.length === 0 || (people[i] as number) === 0) continue;
    const reachable: number[] = [];
    for (let d = 0; d < D; d++) if (depotReachesDemand(d, i)) reachable.push(d);
    if (reachable.length === 0) {
      demandBlocked[i] = BLOCKED_UNREACHABLE;
      continue;
    }
    if (
      !Number.isFinite(earliestService[i] as number) ||
      (earliestService[i] as number) > (latest[i] as number)
    ) {
      demandBlocked[i] = BLOCKED_DEADLINE;
      continue;
    }
    const holds = (d: number, k: number) => (stock[d * K + k] as number) > 0;
    // Items that exactly the same depots hold travel together; items held in different places become separate
    // orders, so that, say, tents from the district store and water from a supermarket both reach the point.
    const groups = new Map<string, number[]>();
    for (const k of needed) {
      const key = reachable.filter((d) => holds(d, k)).join(",");
      const group = groups.get(key);
      if (group) group.push(k);
      else groups.set(key, [k]);
    }
    let bundles: number[][] = [...groups.values()];
    if (groups.has("")) bundles = [];
    else if (bundles.length > 1 && problem.splitDeliveries === false)
      bundles = reachable.some((d) => needed.every((k) => holds(d, k))) ? [needed] : [];
    if (bundles.length === 0) {
      demandBlocked[i] = BLOCKED_NO_STOCK;
      continue;
    }
    for (const b of bundles) {
      orderDemand.push(i);
      orderItems.push(...b);
      orderItemStart.push(orderItems.length);
      orderWeight.push(b.length / needed.length);
    }
  }

  return {
    problem,
    objective: problem.objective ?? "relief",
    split: problem.splitDeliveries !== false,
    maxTrips: problem.maxTripsPerVehicle ?? Number.POSITIVE_INFINITY,
    deadline,
    itemCount: K,
    itemIds,
    itemKg,
    itemM3,
    placeCount: P,
    minutes: matrix.minutes,
    km: matrix.km,
    depotCount: D,
    depotPlace,
    depotLoad,
    stock,
    vehicleCount: V,
    vehicleNames: names,
    vehicleEntry,
    vehicleDepot,
    capacityKg,
    capacityM3,
    slowness,
    availableAt,
    maxEnd,
    demandCount: N,
    demandPlace,
    people,
    need,
    service,
    windowStart,
    latest,
    orderCount: orderDemand.length,
    orderDemand: Int32Array.from(orderDemand),
    orderItemStart: Int32Array.from(orderItemStart),
    orderItems: Int32Array.from(orderItems),
    orderWeight: Float64Array.from(orderWeight),
    entryReaches,
    earliestService,
    demandBlocked,
  };
}
