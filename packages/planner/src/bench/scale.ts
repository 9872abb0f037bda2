import { evaluateLayout } from "../layout/evaluate";
import { planningLayout } from "../layout/planner";
import { Random } from "../random";
import type { PlanningProblem } from "../schema";

/**
 * A district-sized synthetic problem: a 20,000-node road grid (125 × 160 junctions 300 m apart, faster trunk
 * roads every tenth line, some one-way, closed or slowed sections), 50 depots with 6 trucks each (light, medium
 * and heavy, as in the domain reference), 1,000 demand points and 3 items with the default quotas.
 */
export function scaleProblem(seed = 1, timeLimitMs = 10_000): PlanningProblem {
  const random = new Random(seed);
  const rows = 125;
  const cols = 160;
  const id = (r: number, c: number) => `j${r}_${c}`;
  const nodes: { id: string }[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) nodes.push({ id: id(r, c) });
  const edges: NonNullable<PlanningProblem["network"]>["edges"] = [];
  const road = (r1: number, c1: number, r2: number, c2: number, trunk: boolean) => {
    if (random.float() < 0.04) return;
    const km = 0.3 * (1 + 0.3 * random.float());
    edges.push({
      from: id(r1, c1),
      to: id(r2, c2),
      km,
      speedKmh: trunk ? 60 : random.float() < 0.5 ? 30 : 20,
      ...(random.float() < 0.05 ? { oneWay: true } : {}),
      ...(random.float() < 0.01 ? { closed: true } : {}),
      ...(random.float() < 0.05 ? { speedFactor: 0.5 } : {}),
    });
  };
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols) road(r, c, r, c + 1, r % 10 === 0);
      if (r + 1 < rows) road(r, c, r + 1, c, c % 10 === 0);
    }
  const somewhere = () => id(random.int(rows), random.int(cols));
  const items = [
    { id: "tent", kg: 50, m3: 0.2 },
    { id: "quilt", kg: 2.5, m3: 0.03 },
    { id: "water", kg: 1, m3: 0.0012 },
  ];
  const depots = Array.from({ length: 50 }, (_, d) => ({
    id: `depot${d}`,
    node: somewhere(),
    loadMinutes: 60 + random.int(121),
    stock: {
      tent: 500 + random.int(2000),
      quilt: 2000 + random.int(6000),
      water: 20_000 + random.int(40_000),
    },
  }));
  const vehicles = depots.flatMap((d) => [
    { id: `${d.id}-light`, depot: d.id, count: 2, capacityKg: 2000, capacityM3: 14 },
    { id: `${d.id}-medium`, depot: d.id, count: 2, capacityKg: 8000, capacityM3: 40 },
    { id: `${d.id}-heavy`, depot: d.id, count: 2, capacityKg: 15000, capacityM3: 55 },
  ]);
  const demands = Array.from({ length: 1000 }, (_, i) => {
    const people = 20 + random.int(381);
    return {
      id: `point${i}`,
      node: somewhere(),
      people,
      need: { tent: Math.ceil(people / 3), quilt: people, water: people * 9 },
      serviceMinutes: 20,
    };
  });
  return {
    deadlineMinutes: 600,
    timeLimitMs,
    seed,
    items,
    network: { nodes, edges },
    depots,
    vehicles,
    demands,
  };
}

/**
 * The flow bound on the scale problem: the people any plan can equip by the deadline at most. The 1,000
 * points are merged into areas of 25 × 25 junctions (35 areas; see a scenario site's `group`), which keeps the
 * LP small and only loosens the bound; finer areas (12 × 12, 154 areas) gave the same bound here in 4× the time.
 */
export async function scaleBound(
  problem: PlanningProblem,
): Promise<{ people: number; sites: number; ms: number }> {
  const t0 = performance.now();
  const area = (node: string) => {
    const [r, c] = node.slice(1).split("_").map(Number) as [number, number];
    return `${Math.floor(r / 25)}_${Math.floor(c / 25)}`;
  };
  const layout = planningLayout(problem, { tent: 1 / 3, quilt: 1, water: 9 }, (d) => area(d.node));
  const result = await evaluateLayout(layout);
  const sites = new Set(problem.demands.map((d) => area(d.node))).size;
  return { people: result.scenarios[0]?.servedInTime ?? 0, sites, ms: performance.now() - t0 };
}
