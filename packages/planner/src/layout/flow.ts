import type { LinearModel, Terms } from "./lp";
import type { ScenarioReach } from "./reach";
import type { ValidLayoutProblem } from "./schema";

/**
 * The flow bound of one scenario as rows of a linear model. Variables (k = the scenario's number):
 *
 * - `p{k}_{s}` people equipped at site s, at most its people;
 * - `x{k}_{w}_{s}_{i}` units of item i carried from warehouse w to site s, only where a vehicle of w arrives
 *   in time (and has a road back);
 * - `g{k}_{v}_{s}`, `h{k}_{v}_{s}` trip-equivalents of vehicle entry v to site s, for weight and for volume.
 *
 * Rows: each site's delivery of every needed item covers its people (delivered_i ≥ p × need_i); no warehouse
 * sends more than it holds; a warehouse's deliveries at a site fit in its vehicles' trips there, by kg and by
 * m³; one vehicle makes at most `trips[s]` trips to s; and the time its trips cost (loading, there, service,
 * back) fits in the deadline plus the last trip's way back.
 *
 * Why this is an upper bound on any plan the planner may make: a plan's deliveries are a feasible x, its
 * people a feasible p (need is rounded up for the planner, not here), and a trip that stops at several sites
 * costs at least the costliest of their round trips (shortest paths obey the triangle inequality), so charging
 * each site its share of the trip's kg (or m³) times its own round trip never exceeds the trip's time; the
 * j-th trip that reaches s arrives no sooner than j loadings, j − 1 round trips to s and the way there.
 */
export interface StockTerms {
  constant: number;
  terms: Terms;
}

export function addScenario(
  model: LinearModel,
  k: number,
  problem: ValidLayoutProblem,
  { scenario, sites, vehicles, reach }: ScenarioReach,
  /** The stock of item i at warehouse w, or undefined when it is and stays zero. */
  stockOf: (w: number, i: number) => StockTerms | undefined,
): { served: Terms; people: number } {
  const needed = problem.items.flatMap((item, i) => {
    const need = scenario.needPerPerson[item.id] ?? 0;
    return need > 0 ? [{ i, need }] : [];
  });
  const served: Terms = [];
  const sent = new Map<string, Terms>();
  sites.forEach((site, s) => {
    const p = model.variable(`p${k}_${s}`, site.people);
    served.push([1, p]);
    for (const { i, need } of needed) {
      const delivered: Terms = [];
      problem.warehouses.forEach((_, w) => {
        if (!reach[w]?.[s] || !stockOf(w, i)) return;
        const x = model.variable(`x${k}_${w}_${s}_${i}`);
        delivered.push([1, x]);
        const key = `${w}_${i}`;
        const terms = sent.get(key);
        if (terms) terms.push([1, x]);
        else sent.set(key, [[1, x]]);
      });
      model.row([...delivered, [-need, p]], ">=", 0);
    }
  });
  for (const [key, terms] of sent) {
    const [w, i] = key.split("_").map(Number) as [number, number];
    const stock = stockOf(w, i) as StockTerms;
    model.row([...terms, ...stock.terms.map(([c, v]): [number, string] => [-c, v])], "<=", stock.constant);
  }

  const deadline = problem.deadlineMinutes;
  for (const v of vehicles) {
    const byKg: Terms = [];
    const byM3: Terms = [];
    let whole = 0;
    v.trips.forEach((trips, s) => {
      if (trips === 0) return;
      byKg.push([v.cost[s] as number, model.variable(`g${k}_${v.vehicle}_${s}`, v.count * trips)]);
      if (v.capacityM3 !== undefined)
        byM3.push([v.cost[s] as number, model.variable(`h${k}_${v.vehicle}_${s}`, v.count * trips)]);
      whole += v.count * trips * (v.cost[s] as number);
    });
    // With one site (or trips that fit anyway) the trip bounds already say it: a smaller model.
    const day = v.count * (deadline + v.slack);
    if (whole > day + 1e-9) {
      model.row(byKg, "<=", day);
      model.row(byM3, "<=", day);
    }
  }
  problem.warehouses.forEach((_, w) => {
    const own = vehicles.filter((v) => v.warehouse === w);
    sites.forEach((_, s) => {
      if (!reach[w]?.[s]) return;
      const load = (measure: "kg" | "m3"): Terms =>
        needed.flatMap(({ i }) => {
          const item = problem.items[i] as ValidLayoutProblem["items"][number];
          return stockOf(w, i) ? [[item[measure], `x${k}_${w}_${s}_${i}`] as [number, string]] : [];
        });
      const trips = own.filter((v) => (v.trips[s] as number) > 0);
      model.row(
        [...load("kg"), ...trips.map((v): [number, string] => [-v.capacityKg, `g${k}_${v.vehicle}_${s}`])],
        "<=",
        0,
      );
      // A vehicle with no volume limit carries any volume: then volume bounds nothing at this site.
      if (trips.every((v) => v.capacityM3 !== undefined))
        model.row(
          [
            ...load("m3"),
            ...trips.map((v): [number, string] => [-(v.capacityM3 as number), `h${k}_${v.vehicle}_${s}`]),
          ],
          "<=",
          0,
        );
    });
  });
  return { served, people: sites.reduce((sum, site) => sum + site.people, 0) };
}
