import { Random } from "../random";
import type { PlanningProblem } from "../schema";

/**
 * Small random relief problems that exercise every rule at once: several depots and items, uneven stock,
 * vehicle entries with counts, speeds, availability and return limits, windows, closures, one-way roads,
 * split or unsplit deliveries, trip limits, and both objectives.
 */
export function randomProblem(seed: number): PlanningProblem {
  const random = new Random(seed);
  const nodeCount = 4 + random.int(10);
  const nodes = Array.from({ length: nodeCount }, (_, i) => ({ id: `n${i}` }));
  const edges: NonNullable<PlanningProblem["network"]>["edges"] = [];
  for (let i = 1; i < nodeCount; i++) {
    const j = random.int(i);
    edges.push({ from: `n${i}`, to: `n${j}`, minutes: 5 + random.int(60), km: 2 + random.int(30) });
  }
  for (let e = random.int(nodeCount); e > 0; e--)
    edges.push({
      from: `n${random.int(nodeCount)}`,
      to: `n${random.int(nodeCount)}`,
      minutes: 5 + random.int(60),
      km: 2 + random.int(30),
      oneWay: random.float() < 0.3,
      closed: random.float() < 0.2,
      ...(random.float() < 0.2 ? { speedFactor: 0.5 } : {}),
    });
  const items = [
    { id: "water", kg: 1, m3: 0.001 },
    { id: "quilt", kg: 2.5, m3: 0.03 },
    { id: "tent", kg: 50, m3: 0.2 },
  ].slice(0, 1 + random.int(3));
  const depotCount = 1 + random.int(3);
  const depots = Array.from({ length: depotCount }, (_, d) => ({
    id: `d${d}`,
    node: `n${random.int(nodeCount)}`,
    loadMinutes: random.int(60),
    stock: Object.fromEntries(items.filter(() => random.float() < 0.8).map((it) => [it.id, random.int(400)])),
  }));
  const vehicles = Array.from({ length: 1 + random.int(3) }, (_, v) => ({
    id: `v${v}`,
    depot: `d${random.int(depotCount)}`,
    ...(random.float() < 0.5 ? { count: 1 + random.int(3) } : {}),
    capacityKg: 100 + random.int(900),
    ...(random.float() < 0.3 ? { capacityM3: 1 + random.int(5) } : {}),
    ...(random.float() < 0.3 ? { speedFactor: 0.5 + random.float() } : {}),
    ...(random.float() < 0.3 ? { availableAtMinutes: random.int(120) } : {}),
    ...(random.float() < 0.2 ? { maxEndMinutes: 200 + random.int(400) } : {}),
  }));
  const demands = Array.from({ length: 1 + random.int(8) }, (_, i) => {
    const people = random.int(200);
    const open = random.int(300);
    return {
      id: `p${i}`,
      node: `n${random.int(nodeCount)}`,
      people,
      need: Object.fromEntries(
        items
          .filter(() => random.float() < 0.7)
          .map((it) => [it.id, Math.ceil(people * (0.2 + random.float() * 3))]),
      ),
      ...(random.float() < 0.5 ? { serviceMinutes: random.int(30) } : {}),
      ...(random.float() < 0.3 ? { window: [open, open + 30 + random.int(300)] as [number, number] } : {}),
    };
  });
  return {
    deadlineMinutes: 200 + random.int(500),
    objective: random.float() < 0.25 ? "distance" : "relief",
    ...(random.float() < 0.3 ? { splitDeliveries: false } : {}),
    ...(random.float() < 0.3 ? { maxTripsPerVehicle: 1 + random.int(2) } : {}),
    items,
    network: { nodes, edges },
    depots,
    vehicles,
    demands,
  };
}
