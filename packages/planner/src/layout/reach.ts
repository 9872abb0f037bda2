import { type TravelMatrix, travelMatrix } from "../paths";
import type { LayoutScenario, RoadRef, ValidLayoutProblem } from "./schema";

/**
 * What the fleet can do for one scenario before the deadline, per vehicle entry and site, under the planner's
 * time rules (paths.ts, README "Time rules"): trip k of a vehicle leaves after k loadings and k − 1 round trips,
 * and counts if it arrives by the deadline; a site is served only with an open road there and back.
 */
export interface VehicleReach extends FleetGroup {
  /** Per site: the most trips each vehicle of the group can make to it alone, arriving by the deadline. */
  trips: number[];
  /** Per site: minutes one trip there costs, loading, there, service and back. */
  cost: number[];
  /** The last trip need not come back: the longest service + way back among the sites in reach. */
  slack: number;
}

export interface ScenarioReach {
  scenario: LayoutScenario;
  /** The bound's sites: the scenario's, with those of one `group` merged. */
  sites: { people: number; members: string[] }[];
  /** Vehicle entries that reach at least one site in time. */
  vehicles: VehicleReach[];
  /** reach[w][s]: a vehicle of warehouse w can deliver at bound site s in time. */
  reach: boolean[][];
}

/**
 * The vehicles of one warehouse that drive at one speed, as one: they load at the same place for the same time,
 * so each makes as many trips to a site as any other, and their capacities add up (`count` 1, capacities the
 * sums) — the same bound as one entry per vehicle, with fewer variables. Volume bounds only when every
 * vehicle of the group has a volume limit.
 */
export interface FleetGroup {
  /** Index of the group. */
  vehicle: number;
  /** Index into problem.warehouses. */
  warehouse: number;
  speedFactor: number;
  count: 1;
  capacityKg: number;
  capacityM3: number | undefined;
}

function fleetGroups(problem: ValidLayoutProblem): FleetGroup[] {
  const groups = new Map<string, FleetGroup>();
  for (const v of problem.fleet) {
    const warehouse = problem.warehouses.findIndex((w) => w.id === v.warehouseId);
    const speedFactor = v.speedFactor ?? 1;
    const key = `${warehouse}:${speedFactor}`;
    const g = groups.get(key);
    const m3 = v.capacityM3 === undefined ? undefined : v.capacityM3 * v.count;
    if (!g) {
      const vehicle = groups.size;
      groups.set(key, {
        vehicle,
        warehouse,
        speedFactor,
        count: 1,
        capacityKg: v.capacityKg * v.count,
        capacityM3: m3,
      });
    } else {
      g.capacityKg += v.capacityKg * v.count;
      g.capacityM3 = g.capacityM3 === undefined || m3 === undefined ? undefined : g.capacityM3 + m3;
    }
  }
  return [...groups.values()];
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
  private readonly groups: FleetGroup[];

  constructor(private readonly problem: ValidLayoutProblem) {
    const places = new Set(problem.warehouses.map((w) => w.node));
    for (const s of problem.scenarios) for (const site of s.sites) places.add(site.node);
    this.places = [...places];
    this.at = new Map(this.places.map((p, i) => [p, i]));
    this.groups = fleetGroups(problem);
  }

  /** Minutes from node a to node b on matrix m; Infinity where no open road leads. */
  private minutes(m: TravelMatrix, a: string, b: string): number {
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

  /**
   * The fleet's reach for a scenario, with its closed roads or (for the reasons) with `closed` instead. Sites
   * sharing a `group` become one bound site: their people add up, and a vehicle's trip there costs the least
   * of its members' (its trips are counted with the shortest way there and round trip among them, its last
   * way back with the longest) — every plan stays feasible, so the bound stays an upper bound.
   */
  scenario(scenario: LayoutScenario, closed = scenario.closedRoads): ScenarioReach {
    const p = this.problem;
    const deadline = p.deadlineMinutes;
    const service = p.serviceMinutes ?? 0;
    const index = new Map<string, number>();
    const sites: { people: number; members: string[] }[] = [];
    scenario.sites.forEach((site, s) => {
      const key = site.group === undefined ? `#${s}` : `g${site.group}`;
      let g = index.get(key);
      if (g === undefined) {
        g = sites.length;
        index.set(key, g);
        sites.push({ people: 0, members: [] });
      }
      const merged = sites[g] as (typeof sites)[number];
      merged.people += site.people;
      merged.members.push(site.node);
    });
    const reach = p.warehouses.map(() => sites.map(() => false));
    const roads = this.matrix(closed);
    const vehicles: VehicleReach[] = [];
    for (const group of this.groups) {
      const home = p.warehouses[group.warehouse] as ValidLayoutProblem["warehouses"][number];
      const slow = 1 / group.speedFactor;
      const load = home.loadMinutes;
      const trips: number[] = [];
      const cost: number[] = [];
      let slack = 0;
      sites.forEach(({ members }, s) => {
        let there = Number.POSITIVE_INFINITY;
        let round = Number.POSITIVE_INFINITY;
        let back = 0;
        for (const node of members) {
          const t = this.minutes(roads, home.node, node) * slow;
          const b = this.minutes(roads, node, home.node) * slow;
          if (!Number.isFinite(t + b) || load + t > deadline + EPS) continue;
          there = Math.min(there, t);
          round = Math.min(round, t + service + b);
          back = Math.max(back, service + b);
        }
        const k = Number.isFinite(round)
          ? Math.floor((deadline - there - load + EPS) / (load + round)) + 1
          : 0;
        trips.push(k);
        cost.push(load + round);
        if (k > 0) {
          (reach[group.warehouse] as boolean[])[s] = true;
          slack = Math.max(slack, back);
        }
      });
      if (trips.some((k) => k > 0)) vehicles.push({ ...group, trips, cost, slack });
    }
    return { scenario, sites, vehicles, reach };
  }
}
