import type { LayoutEvaluation } from "./evaluate";
import type { Roads } from "./reach";
import type { Layout, RoadRef, ValidLayoutProblem } from "./schema";

/**
 * The district's quota coverage, the 10 % figure: people the stock equips wherever it sits, min over the items
 * the district-wide scenario needs of held ÷ need per person, up to that scenario's people.
 */
export interface DistrictCoverage {
  people: number;
  needPerPerson: Record<string, number>;
  /** People one item covers (undefined for an item the scenario does not need). */
  byItem(layout: Layout, itemId: string): number | undefined;
  of(layout: Layout): number;
}

export function districtCoverage(problem: ValidLayoutProblem): DistrictCoverage | undefined {
  const district = problem.scenarios.find((s) => s.hazard === "district");
  if (!district) return undefined;
  const people = district.sites.reduce((s, site) => s + site.people, 0);
  const byItem = (layout: Layout, itemId: string) => {
    const need = district.needPerPerson[itemId] ?? 0;
    if (need <= 0) return undefined;
    const held = Object.values(layout).reduce((s, row) => s + (row[itemId] ?? 0), 0);
    return Math.min(people, Math.floor(held / need + 1e-9));
  };
  return {
    people,
    needPerPerson: district.needPerPerson,
    byItem,
    of: (layout) => Math.min(people, ...problem.items.flatMap((x) => byItem(layout, x.id) ?? [])),
  };
}

/**
 * Why a move is advised, as a code with parameters; the caller puts it in words. Scenario reasons name the
 * scenario the move helps most (largest gain in share served, then the worse share before, then id):
 *
 * - `unreachable`: before, no warehouse holding the item could deliver it at the scenario's sites in time
 *   (with `closedRoads` when the scenario's closed roads are the cause: without them some could);
 * - `short`: the stock of the item that could arrive in time covers fewer than the scenario's people;
 * - `fleet`: the stock in reach would do, but the trucks that could carry it in time cannot carry enough;
 * - `coverage` (purchases): the item is a bottleneck of the district's quota coverage;
 * - `balance`: no one scenario gains from this move alone; it is part of the optimum the other moves reach.
 */
interface ScenarioRef {
  scenarioId: string;
  hazard: ValidLayoutProblem["scenarios"][number]["hazard"];
  areaId?: string;
  itemId: string;
  /** The scenario's people equipped in time before and after the whole advice (flow bound). */
  peopleBefore: number;
  peopleAfter: number;
}

export type MoveReason =
  | (ScenarioRef & { code: "unreachable"; closedRoads?: RoadRef[] })
  | (ScenarioRef & { code: "short"; reachable: number; needed: number })
  | (ScenarioRef & { code: "fleet" })
  | { code: "coverage"; itemId: string; peopleBefore: number; peopleAfter: number }
  | { code: "balance"; itemId: string };

export interface Context {
  problem: ValidLayoutProblem;
  roads: Roads;
  base: Layout;
  /** The layout after the advice. */
  layout: Layout;
  before: LayoutEvaluation;
  after: LayoutEvaluation;
}

/** Why stock of item i is advised into warehouse w. */
export function explainTransfer(
  { problem, roads, base, before, after }: Context,
  w: number,
  i: number,
): MoveReason {
  const itemId = problem.items[i]?.id as string;
  const candidates = problem.scenarios.flatMap((scenario, k) => {
    const need = scenario.needPerPerson[itemId] ?? 0;
    const reach = roads.scenario(scenario);
    if (need <= 0 || !reach.reach[w]?.some(Boolean)) return [];
    const was = before.scenarios[k];
    const now = after.scenarios[k];
    if (!was || !now || now.share <= was.share) return [];
    return [{ scenario, reach, need, was, now }];
  });
  candidates.sort(
    (a, b) =>
      b.now.share - b.was.share - (a.now.share - a.was.share) ||
      a.was.share - b.was.share ||
      (a.scenario.id < b.scenario.id ? -1 : 1),
  );
  const best = candidates[0];
  if (!best) return { code: "balance", itemId };
  const { scenario, reach, need, was, now } = best;
  const ref: ScenarioRef = {
    scenarioId: scenario.id,
    hazard: scenario.hazard,
    ...(scenario.areaId === undefined ? {} : { areaId: scenario.areaId }),
    itemId,
    peopleBefore: was.servedInTime,
    peopleAfter: now.servedInTime,
  };
  const held = (k: number) => base[problem.warehouses[k]?.id ?? ""]?.[itemId] ?? 0;
  const inReach = (r: boolean[][]) =>
    problem.warehouses.reduce((s, _, k) => s + (r[k]?.some(Boolean) ? held(k) : 0), 0);
  const reachable = inReach(reach.reach);
  if (reachable === 0) {
    const open = scenario.closedRoads ? inReach(roads.scenario(scenario, []).reach) : 0;
    return { ...ref, code: "unreachable", ...(open > 0 ? { closedRoads: scenario.closedRoads } : {}) };
  }
  const needed = Math.ceil(need * was.people - 1e-9);
  if (reachable < needed) return { ...ref, code: "short", reachable, needed };
  return { ...ref, code: "fleet" };
}

/** Why item i is advised to be bought into warehouse w. */
export function explainPurchase(
  context: Context,
  w: number,
  i: number,
  coverage: DistrictCoverage | undefined,
): MoveReason {
  const itemId = context.problem.items[i]?.id as string;
  const peopleBefore = coverage?.byItem(context.base, itemId);
  if (coverage && peopleBefore !== undefined && peopleBefore < coverage.people)
    return {
      code: "coverage",
      itemId,
      peopleBefore,
      peopleAfter: coverage.byItem(context.layout, itemId) ?? 0,
    };
  return explainTransfer(context, w, i);
}
