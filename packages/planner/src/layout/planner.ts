import type { PlanningProblem } from "../schema";
import type { Layout, LayoutProblem, LayoutScenario, ValidLayoutProblem } from "./schema";

/**
 * The full planner's problem for one scenario on a layout: the warehouses become depots holding the layout's
 * stock, the fleet their vehicles, each site a demand point needing people × need per person rounded up to
 * whole units, over the roads with the scenario's closures. `plan` on it confirms (or lowers) the flow bound.
 */
export function scenarioProblem(
  problem: ValidLayoutProblem,
  layout: Layout,
  scenario: LayoutScenario,
  search: Pick<PlanningProblem, "timeLimitMs" | "maxIterations" | "seed"> = {},
): PlanningProblem {
  const shut = new Set(
    (scenario.closedRoads ?? []).flatMap((r) => [`${r.from}>${r.to}`, `${r.to}>${r.from}`]),
  );
  const network = problem.network && {
    nodes: problem.network.nodes,
    edges: problem.network.edges.map((e) => (shut.has(`${e.from}>${e.to}`) ? { ...e, closed: true } : e)),
  };
  return {
    deadlineMinutes: problem.deadlineMinutes,
    ...search,
    items: problem.items.map((i) => ({ id: i.id, kg: i.kg, m3: i.m3 })),
    ...(network ? { network } : { matrix: problem.matrix }),
    depots: problem.warehouses.map((w) => ({
      id: w.id,
      node: w.node,
      loadMinutes: w.loadMinutes,
      stock: Object.fromEntries(Object.entries(layout[w.id] ?? {}).filter(([, q]) => q > 0)),
    })),
    vehicles: problem.fleet.map((v, k) => ({
      id: `v${k}`,
      depot: v.warehouseId,
      count: v.count,
      capacityKg: v.capacityKg,
      ...(v.capacityM3 === undefined ? {} : { capacityM3: v.capacityM3 }),
      ...(v.speedFactor === undefined ? {} : { speedFactor: v.speedFactor }),
    })),
    demands: scenario.sites.map((site, s) => ({
      id: `site${s}`,
      node: site.node,
      people: site.people,
      need: Object.fromEntries(
        Object.entries(scenario.needPerPerson)
          .filter(([, q]) => q > 0)
          .map(([item, q]) => [item, Math.ceil(site.people * q - 1e-9)]),
      ),
      ...(problem.serviceMinutes ? { serviceMinutes: problem.serviceMinutes } : {}),
    })),
  };
}

/**
 * The other way round: a planning problem as a layout problem with one scenario of all its demand points, so
 * that the flow bound judges a plan. What the bound does not model only loosens it: time windows, vehicles'
 * availability and return limits, trip caps and split rules are left out, and service takes the shortest of
 * the points' service times. `needPerPerson` is the quota (need = people × it, rounded up, for the planner).
 */
export function planningLayout(
  problem: PlanningProblem,
  needPerPerson: Record<string, number>,
  /** Merges demand points into one bound site (see the site's `group`): a smaller, looser bound. */
  groupOf?: (demand: PlanningProblem["demands"][number]) => string,
): LayoutProblem {
  return {
    deadlineMinutes: problem.deadlineMinutes,
    serviceMinutes: Math.min(...problem.demands.map((d) => d.serviceMinutes ?? 0)),
    warehouses: problem.depots.map((d) => ({
      id: d.id,
      node: d.node,
      capacityM3: 0,
      loadMinutes: d.loadMinutes,
    })),
    items: problem.items,
    stock: problem.depots.flatMap((d) =>
      Object.entries(d.stock).map(([itemId, quantity]) => ({
        warehouseId: d.id,
        itemId,
        quantity,
        movable: 0,
      })),
    ),
    fleet: problem.vehicles.map((v) => ({
      warehouseId: v.depot,
      count: v.count ?? 1,
      capacityKg: v.capacityKg,
      ...(v.capacityM3 === undefined ? {} : { capacityM3: v.capacityM3 }),
      ...(v.speedFactor === undefined ? {} : { speedFactor: v.speedFactor }),
    })),
    ...(problem.network ? { network: problem.network } : { matrix: problem.matrix }),
    scenarios: [
      {
        id: "plan",
        hazard: "district",
        sites: problem.demands.map((d) => ({
          node: d.node,
          people: d.people,
          ...(groupOf ? { group: groupOf(d) } : {}),
        })),
        needPerPerson,
        weight: 1,
      },
    ],
  };
}
