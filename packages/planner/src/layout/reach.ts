import { type TravelMatrix, travelMatrix } from "../paths";
import type { LayoutScenario, RoadRef, ValidLayoutProblem } from "./schema";

/**
 * What the fleet can do for one scenario before the deadline, per vehicle entry and site, under the planner's
 * time rules (paths.ts, README "Time rules"): trip k of a vehicle leaves after k loadings and k − 1 round trips,
 * and counts if it arrives by the deadline; a site is served only with an open road there and back.
 */
export interface VehicleReach {
  /** Index into problem.fleet. */
  vehicle: number;
  /** Index into problem.warehouses. */
  warehouse: number;
  count: number;
  capacityKg: number;
  capacityM3: number | undefined;
  /** Per site: the most trips one vehicle can make to it alone, arriving by the deadline (0 = out of reach). */
  trips: number[];
  /** Per site: minutes one trip there costs, loading, there, service and back. */
  cost: number[];
  /** The last trip need not come back: the longest service + way back among the sites in reach. */
  slack: number;
}

export interface ScenarioReach {
  scenario: LayoutScenario;
  /** Vehicle entries that reach at least one site in time. */
  vehicles: VehicleReach[];
  /** reach[w][s]: a vehicle of warehouse w can deliver at site s in time. */
  reach: boolean[][];
}

const EPS = 1e-9;

function closureKey(closed: RoadRef[] | undefined): string {
  return (closed ?? [])
    .map((r) => (r.from < r.to ? `${r.from}\u0000${r.to}` : `${r.to}\u0000${r.from}`))
    .sort()
    .join("\u0001");
}

/** Travel matrices over the warehouses and every site, one per distinct set of closed roads. */
export class Roads {
  private readonly matrices = new Map<string, TravelMatrix>();
  readonly places: string[];
  private readonly at: Map<string, number>;

  constructor(private readonly problem: ValidLayoutProblem) {
    const places = new Set(problem.warehouses.map((w) => w.node));
    for (const s of problem.scenarios) for (const site of s.sites) places.add(site.node);
    this.places = [...places];
    this.at = new Map(this.places.map((p, i) => [p, i]));
  }

  /** Minutes from node a to node b with the given roads closed; Infinity where no open road leads. */
  minutes(closed: RoadRef[] | undefined, a: string, b: string): number {
    const m = this.matrix(closed);
    return m.minutes[(this.at.get(a) as number) * m.size + (this.at.get(b) as number)] as number;
  }

  private matrix(closed: RoadRef[] | undefined): TravelMatrix {
    const key = closureKey(closed);
    let m = this.matrices.get(key);
    if (!m) {
      const { network, matrix } = this.problem;
      const shut = new Set(key === "" ? [] : key.split("\u0001"));
      const roads = network && {
        nodes: network.nodes,
        edges: network.edges.map((e) =>
          shut.has(e.from < e.to ? `${e.from}\u0000${e.to}` : `${e.to}\u0000${e.from}`)
            ? { ...e, closed: true }
            : e,
        ),
      };
      m = travelMatrix({ network: roads, matrix }, this.places);
      this.matrices.set(key, m);
    }
    return m;
  }

  /** The fleet's reach for a scenario, with its closed roads or (for the reasons) with `closed` instead. */
  scenario(scenario: LayoutScenario, closed = scenario.closedRoads): ScenarioReach {
    const p = this.problem;
    const deadline = p.deadlineMinutes;
    const service = p.serviceMinutes ?? 0;
    const reach = p.warehouses.map(() => scenario.sites.map(() => false));
    const vehicles: VehicleReach[] = [];
    p.fleet.forEach((v, vehicle) => {
      const warehouse = p.warehouses.findIndex((w) => w.id === v.warehouseId);
      const home = p.warehouses[warehouse] as ValidLayoutProblem["warehouses"][number];
      const slow = 1 / (v.speedFactor ?? 1);
      const load = home.loadMinutes;
      const trips: number[] = [];
      const cost: number[] = [];
      let slack = 0;
      scenario.sites.forEach((site, s) => {
        const there = this.minutes(closed, home.node, site.node) * slow;
        const back = this.minutes(closed, site.node, home.node) * slow;
        const round = there + service + back;
        let k = 0;
        if (Number.isFinite(round) && load + there <= deadline + EPS)
          k = Math.floor((deadline - there - load + EPS) / (load + round)) + 1;
        trips.push(k);
        cost.push(load + round);
        if (k > 0) {
          (reach[warehouse] as boolean[])[s] = true;
          slack = Math.max(slack, service + back);
        }
      });
      if (trips.some((k) => k > 0))
        vehicles.push({
          vehicle,
          warehouse,
          count: v.count,
          capacityKg: v.capacityKg,
          capacityM3: v.capacityM3,
          trips,
          cost,
          slack,
        });
    });
    return { scenario, vehicles, reach };
  }
}
