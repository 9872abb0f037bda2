import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PlanningProblem } from "../schema";

/** One Solomon VRPTW instance, as read from its text file. */
export interface SolomonInstance {
  name: string;
  vehicles: number;
  capacity: number;
  /** Row 0 is the depot. */
  customers: { x: number; y: number; demand: number; ready: number; due: number; service: number }[];
}

export interface BestKnown {
  instance: string;
  /** Best known for the distance-only objective (the one the planner's "distance" objective optimises). */
  distance: number;
  vehicles: number;
  /** Best known for the literature's hierarchical objective (fewest vehicles first), for reference only. */
  hierarchicalVehicles: number;
  hierarchicalDistance: number;
}

export function readSolomon(dir: string, name: string): SolomonInstance {
  const text = readFileSync(join(dir, "instances", `${name}.txt`), "utf8");
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const head = lines.findIndex((l) => l.startsWith("NUMBER"));
  const [vehicles, capacity] = (lines[head + 1] as string).split(/\s+/).map(Number) as [number, number];
  const customers: SolomonInstance["customers"] = [];
  const start = lines.findIndex((l) => l.startsWith("CUST NO."));
  for (const line of lines.slice(start + 1)) {
    if (line === "") continue;
    const [, x, y, demand, ready, due, service] = line.split(/\s+/).map(Number) as number[];
    customers.push({
      x: x as number,
      y: y as number,
      demand: demand as number,
      ready: ready as number,
      due: due as number,
      service: service as number,
    });
  }
  return { name, vehicles, capacity, customers };
}

export function readBestKnown(dir: string): Map<string, BestKnown> {
  const rows = readFileSync(join(dir, "bks.csv"), "utf8").trim().split(/\r?\n/);
  const header = (rows[0] as string).split(",");
  const col = (name: string) => header.indexOf(name);
  const out = new Map<string, BestKnown>();
  for (const row of rows.slice(1)) {
    const f = row.split(",");
    const instance = f[col("instance")] as string;
    out.set(instance, {
      instance,
      distance: Number(f[col("dist_obj_distance")]),
      vehicles: Number(f[col("dist_obj_vehicles")]),
      hierarchicalVehicles: Number(f[col("vehicles")]),
      hierarchicalDistance: Number(f[col("distance")]),
    });
  }
  return out;
}

/**
 * The instance as a planning problem with the "distance" objective: one item (the load), one person per
 * customer, no split deliveries, one trip per vehicle, travel minutes = km = Euclidean distance (unrounded),
 * the depot's due date as the latest return and as the deadline.
 */
export function solomonProblem(inst: SolomonInstance, timeLimitMs: number, seed = 1): PlanningProblem {
  const pts = inst.customers;
  const ids = pts.map((_, i) => (i === 0 ? "depot" : `c${i}`));
  const dist = pts.map((a) => pts.map((b) => Math.hypot(a.x - b.x, a.y - b.y)));
  const depot = pts[0] as SolomonInstance["customers"][number];
  return {
    deadlineMinutes: depot.due,
    objective: "distance",
    splitDeliveries: false,
    maxTripsPerVehicle: 1,
    timeLimitMs,
    seed,
    items: [{ id: "load", kg: 1, m3: 0 }],
    matrix: { nodes: ids, minutes: dist, km: dist },
    depots: [
      { id: "depot", node: "depot", loadMinutes: 0, stock: { load: pts.reduce((s, c) => s + c.demand, 0) } },
    ],
    vehicles: [
      { id: "v", depot: "depot", count: inst.vehicles, capacityKg: inst.capacity, maxEndMinutes: depot.due },
    ],
    demands: pts.slice(1).map((c, i) => ({
      id: ids[i + 1] as string,
      node: ids[i + 1] as string,
      people: 1,
      need: { load: c.demand },
      serviceMinutes: c.service,
      window: [c.ready, c.due] as [number, number],
    })),
  };
}
