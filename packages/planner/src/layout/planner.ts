import type { PlanningProblem } from "../schema";
import type { Layout, LayoutScenario, ValidLayoutProblem } from "./schema";

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
