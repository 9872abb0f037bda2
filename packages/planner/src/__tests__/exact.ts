import highsLoader from "highs";
import { Random } from "../random";
import type { PlanningProblem } from "../schema";

/**
 * The exact reference for small relief problems (no split deliveries, one trip per vehicle, at most 3 stops per
 * route, a matrix of travel times): every feasible route is enumerated and HiGHS solves a set-packing MIP with
 * whole-unit quantities per stop. The lexicographic objective is solved in stages, never with big weights:
 * (1) most people served, (2) with that many people, the earliest latest arrival, (3) with both, the fewest km.
 */
export interface ExactOptimum {
  people: number;
  latestArrival: number | null;
  km: number;
}

interface RouteOption {
  entry: number;
  depot: number;
  stops: number[];
  arrive: number[];
  km: number;
}

/**
 * Orderings of the same stops by the same vehicle entry differ only in their latest arrival and km: keeping the
 * Pareto-optimal ones leaves every optimum in the model and makes it several times smaller.
 */
function paretoRoutes(all: RouteOption[]): RouteOption[] {
  const groups = new Map<string, RouteOption[]>();
  for (const r of all) {
    const key = `${r.entry}:${[...r.stops].sort((a, b) => a - b).join(",")}`;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  const out: RouteOption[] = [];
  for (const list of groups.values()) {
    const late = (r: RouteOption) => Math.max(...r.arrive);
    list.forEach((r, x) => {
      const dominated = list.some(
        (o, y) =>
          y !== x && late(o) <= late(r) && o.km <= r.km && (late(o) < late(r) || o.km < r.km || y < x),
      );
      if (!dominated) out.push(r);
    });
  }
  return out;
}

let highs: ReturnType<typeof highsLoader> | undefined;

export async function solveExactly(problem: PlanningProblem): Promise<ExactOptimum> {
  const m = problem.matrix;
  if (!m || problem.splitDeliveries !== false || problem.maxTripsPerVehicle !== 1)
    throw new Error("the exact model covers matrix problems without split deliveries and with one trip");
  const node = new Map(m.nodes.map((n, i) => [n, i]));
  const t = (a: string, b: string) => m.minutes[node.get(a) as number]?.[node.get(b) as number] ?? null;
  const km = (a: string, b: string) => m.km?.[node.get(a) as number]?.[node.get(b) as number] ?? 0;
  const deadline = problem.deadlineMinutes;

  const all: RouteOption[] = [];
  problem.vehicles.forEach((v, e) => {
    const depot = problem.depots.findIndex((d) => d.id === v.depot);
    const home = problem.depots[depot] as PlanningProblem["depots"][number];
    const slow = 1 / (v.speedFactor ?? 1);
    const extend = (stops: number[], clock: number, at: string, arrive: number[], dist: number) => {
      if (stops.length > 0) {
        const back = t(at, home.node);
        if (back !== null && clock + back * slow <= (v.maxEndMinutes ?? Number.POSITIVE_INFINITY))
          all.push({ entry: e, depot, stops, arrive, km: dist + km(at, home.node) });
      }
      if (stops.length === 3) return;
      problem.demands.forEach((d, i) => {
        if (stops.includes(i)) return;
        const leg = t(at, d.node);
        if (leg === null) return;
        const a = clock + leg * slow;
        const s = Math.max(a, d.window?.[0] ?? 0);
        if (s > Math.min(deadline, d.window?.[1] ?? deadline)) return;
        extend([...stops, i], s + (d.serviceMinutes ?? 0), d.node, [...arrive, a], dist + km(at, d.node));
      });
    };
    extend([], (v.availableAtMinutes ?? 0) + home.loadMinutes, home.node, [], 0);
  });

  const routes = paretoRoutes(all);
  const itemIds = problem.items.map((i) => i.id);
  const rows: string[] = [];
  const ints: string[] = [];
  const bins: string[] = [];
  const bounds: string[] = [];
  const q = (r: number, s: number, k: number) => `q_${r}_${s}_${k}`;
  routes.forEach((route, r) => {
    bins.push(`x${r}`);
    const v = problem.vehicles[route.entry] as PlanningProblem["vehicles"][number];
    const kg: string[] = [];
    const m3: string[] = [];
    route.stops.forEach((i, s) => {
      const d = problem.demands[i] as PlanningProblem["demands"][number];
      itemIds.forEach((id, k) => {
        const need = d.need[id] ?? 0;
        ints.push(q(r, s, k));
        rows.push(`${q(r, s, k)} - ${need} x${r} <= 0`);
        const item = problem.items[k] as PlanningProblem["items"][number];
        if (item.kg > 0) kg.push(`${item.kg} ${q(r, s, k)}`);
        if (item.m3 > 0) m3.push(`${item.m3} ${q(r, s, k)}`);
      });
    });
    if (kg.length > 0) rows.push(`${kg.join(" + ")} - ${v.capacityKg} x${r} <= 0`);
    if (m3.length > 0 && v.capacityM3 !== undefined)
      rows.push(`${m3.join(" + ")} - ${v.capacityM3} x${r} <= 0`);
  });
  problem.vehicles.forEach((v, e) => {
    const xs = routes.flatMap((route, r) => (route.entry === e ? [`x${r}`] : []));
    if (xs.length > 0) rows.push(`${xs.join(" + ")} <= ${v.count ?? 1}`);
  });
  problem.depots.forEach((d, depot) => {
    itemIds.forEach((id, k) => {
      const terms = routes.flatMap((route, r) =>
        route.depot === depot ? route.stops.map((_, s) => q(r, s, k)) : [],
      );
      if (terms.length > 0) rows.push(`${terms.join(" + ")} <= ${d.stock[id] ?? 0}`);
    });
  });
  problem.demands.forEach((d, i) => {
    const visits = routes.flatMap((route, r) => (route.stops.includes(i) ? [`x${r}`] : []));
    if (visits.length > 0) rows.push(`${visits.join(" + ")} <= 1`);
    // Redundant but tightens the LP bound a lot: nobody is served at a point no route visits.
    rows.push(`s${i}${visits.map((x) => ` - ${d.people} ${x}`).join("")} <= 0`);
    ints.push(`s${i}`);
    bounds.push(`0 <= s${i} <= ${d.people}`);
    itemIds.forEach((id, k) => {
      const need = d.need[id] ?? 0;
      if (need === 0) return;
      const got = routes.flatMap((route, r) => route.stops.flatMap((j, s) => (j === i ? [q(r, s, k)] : [])));
      rows.push(`${need} s${i}${got.map((g) => ` - ${d.people} ${g}`).join("")} <= 0`);
    });
  });
  const served = problem.demands.map((_, i) => `s${i}`).join(" + ");
  const arrivals = routes.flatMap((route, r) => route.arrive.map((a) => `L - ${a} x${r} >= 0`));
  const kmTerms = routes.map((route, r) => `${route.km} x${r}`).join(" + ") || "0 L";

  highs ??= highsLoader();
  const solver = await highs;
  const solve = (sense: "Maximize" | "Minimize", objective: string, extra: string[]) => {
    const lp = [
      sense,
      ` obj: ${objective}`,
      "Subject To",
      ...[...rows, ...extra].map((row, n) => ` c${n}: ${row}`),
      "Bounds",
      ...bounds.map((b) => ` ${b}`),
      " L >= 0",
      "General",
      ...ints.map((x) => ` ${x}`),
      "Binary",
      ...bins.map((x) => ` ${x}`),
      "End",
    ].join("\n");
    const result = solver.solve(lp, { mip_rel_gap: 0 });
    if (result.Status !== "Optimal") throw new Error(`HiGHS: ${result.Status}`);
    return result.ObjectiveValue;
  };
  const people = Math.round(solve("Maximize", served, arrivals));
  if (people === 0) return { people, latestArrival: null, km: 0 };
  const fixPeople = `${served} >= ${people}`;
  const latest = solve("Minimize", "L", [...arrivals, fixPeople]);
  const dist = solve("Minimize", kmTerms, [...arrivals, fixPeople, `L <= ${latest + 1e-7}`]);
  return { people, latestArrival: latest, km: dist };
}

/**
 * Small relief problems the exact model can enumerate: service takes 60 min and the deadline falls before a
 * fourth stop could start, so no route has more than 3 stops.
 */
export function smallProblem(seed: number): PlanningProblem {
  const random = new Random(seed);
  const places = Array.from({ length: 7 }, () => [random.int(40), random.int(40)] as const);
  const names = ["d0", "d1", "p0", "p1", "p2", "p3", "p4"];
  const minutes = places.map(([x1, y1]) =>
    places.map(([x2, y2]) => Math.round(Math.hypot(x1 - x2, y1 - y2))),
  );
  const km = minutes.map((row) => row.map((x) => x / 2));
  const items = [
    { id: "water", kg: 1, m3: 0.001 },
    { id: "quilt", kg: 3, m3: 0.03 },
  ];
  const demands = names.slice(2).map((node, i) => {
    const people = 5 + random.int(40);
    return {
      id: node,
      node,
      people,
      need: { water: people * 3, ...(random.float() < 0.6 ? { quilt: people } : {}) },
      serviceMinutes: 60,
      ...(i === 0 ? { window: [90, 150] as [number, number] } : {}),
    };
  });
  return {
    deadlineMinutes: 200,
    splitDeliveries: false,
    maxTripsPerVehicle: 1,
    items,
    matrix: { nodes: names, minutes, km },
    depots: [
      { id: "d0", node: "d0", loadMinutes: 30, stock: { water: 150 + random.int(300), quilt: 100 } },
      { id: "d1", node: "d1", loadMinutes: 20, stock: { water: 200, quilt: random.int(60) } },
    ],
    vehicles: [
      { id: "a", depot: "d0", count: 1 + random.int(2), capacityKg: 150 + random.int(200) },
      { id: "b", depot: "d1", capacityKg: 100 + random.int(300), speedFactor: 0.8 },
    ],
    demands,
  };
}
