import { type Message, msg } from "@relief/domain";
import type { PlanningProblem } from "@relief/planner";
import { problemId } from "./ids";
import { baseMinutes } from "./network";
import type { FleetVehicle, RoadEdge, RoadNetwork } from "./sources";

/**
 * The pieces of a planning problem every dispatch shares, whatever it delivers to: an incident's township
 * seats (problem.ts) or a neighbour's entry node (aid/outbound-plan.ts).
 */

/** A depot of the problem: a warehouse with a road node and trucks, its usable stock per item id. */
export interface DepotSource {
  id: number;
  node: number | null;
  loadMinutes: number;
  stock: Map<number, number>;
}

/** The roads as planned, in the planner's ids. */
export function plannerNetwork(
  network: RoadNetwork,
  edges: RoadEdge[],
): NonNullable<PlanningProblem["network"]> {
  return {
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
  };
}

/**
 * The fleet a plan may drive: vehicles of allowed warehouses whose warehouse has a road node. A vehicle whose
 * warehouse has none is named in the notes, since it silently shrinks the fleet otherwise.
 */
export function vehiclesOnRoads(
  fleet: FleetVehicle[],
  warehouseNode: Map<number, number>,
  allowed: (warehouseId: number) => boolean,
  warehouseNames: Map<number, string>,
  notes: Message[],
): FleetVehicle[] {
  return fleet.filter((v) => {
    if (!allowed(v.homeWarehouseId)) return false;
    if (warehouseNode.has(v.homeWarehouseId)) return true;
    notes.push(
      msg("dispatch.note.vehicleWithoutRoad", {
        plate: v.plate,
        warehouse: warehouseNames.get(v.homeWarehouseId) ?? "",
      }),
    );
    return false;
  });
}

/** A warehouse as a depot: whole units only, as the planner takes them. */
export function plannerDepot(w: DepotSource): PlanningProblem["depots"][number] {
  return {
    id: problemId.warehouse(w.id),
    node: problemId.node(w.node as number),
    loadMinutes: w.loadMinutes,
    stock: Object.fromEntries([...w.stock].map(([itemId, q]) => [problemId.item(itemId), Math.floor(q)])),
  };
}

/**
 * A vehicle of the fleet in the problem. An agreement truck waits for its response time; at an enterprise
 * site, for the goods' response time (`readyMinutes` of its home).
 */
export function plannerVehicle(
  v: FleetVehicle,
  now: string,
  readyMinutes: number,
): PlanningProblem["vehicles"][number] {
  const arrives = v.availableFrom === null ? 0 : (Date.parse(v.availableFrom) - Date.parse(now)) / 60_000;
  const ready = Math.max(0, arrives, readyMinutes);
  return {
    id: problemId.vehicle(v.id),
    depot: problemId.warehouse(v.homeWarehouseId),
    capacityKg: v.payloadKg,
    capacityM3: v.volumeM3,
    ...(ready > 0 ? { availableAtMinutes: ready } : {}),
  };
}
