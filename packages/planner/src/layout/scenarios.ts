import { ProblemError, type ProblemIssue } from "../schema";
import type { Hazard, LayoutScenario, RoadRef } from "./schema";

/** One hazard of a township's risk register, sized either in relocated people or as a share of residents. */
export interface TownshipRisk {
  hazard: Exclude<Hazard, "district">;
  relocated?: number;
  shareOfResidents?: number;
  /** Likelihood weight. */
  weight: number;
  /** Roads the hazard is expected to cut (a flooded riverside road, a landslide on a mountain road). */
  closedRoads?: RoadRef[];
}

export interface TownshipRegister {
  areaId: string;
  /** The township seat's node in the road network: where its people are served. */
  node: string;
  population: number;
  /** Persons per household: household quotas (one family kit per household) divide by it. */
  householdSize?: number;
  risks: TownshipRisk[];
}

export interface ScenarioOptions {
  /** Units per person of each item, from the quotas. */
  needPerPerson: Record<string, number>;
  /**
   * Units per household of each item (one family kit per household): a township's scenarios need it ÷ the
   * township's household size per person, the district-wide case ÷ the district's (its people ÷ households).
   * Every township then needs a household size.
   */
  needPerHousehold?: Record<string, number>;
  /** The district-wide case's share of residents (default 0.1: the plan's 10 %). */
  districtShare?: number;
  /** The district-wide case's likelihood weight (default 1). */
  districtWeight?: number;
}

/** The id of the district-wide scenario. */
export const DISTRICT_SCENARIO = "district";

/**
 * Units per person of each item where a household is `householdSize` persons: the per-person need plus each
 * household line ÷ the household size (an item on both bases needs both).
 */
function perPerson(options: ScenarioOptions, householdSize: number | undefined): Record<string, number> {
  const household = Object.entries(options.needPerHousehold ?? {});
  if (household.length === 0 || householdSize === undefined) return options.needPerPerson;
  const need = { ...options.needPerPerson };
  for (const [item, perHousehold] of household) need[item] = (need[item] ?? 0) + perHousehold / householdSize;
  return need;
}

/**
 * The scenario set: every township × each hazard of its register, then the district-wide case — the share of
 * all residents (10 % of 1,178,856 = 117,886 in Banan) spread over the townships by population, by largest
 * remainders so that the parts add up exactly. A township's scenario is sized by its relocated people, or by
 * its share of residents rounded to whole people. Household quotas become per-person needs with the township's
 * household size, and for the district-wide case with the district's: its people ÷ Σ(population ÷ size).
 */
export function buildScenarios(townships: TownshipRegister[], options: ScenarioOptions): LayoutScenario[] {
  const issues: ProblemIssue[] = [];
  const scenarios: LayoutScenario[] = [];
  const byHousehold = Object.keys(options.needPerHousehold ?? {}).length > 0;
  townships.forEach((t, n) => {
    const size = t.householdSize;
    if (byHousehold && !(size !== undefined && Number.isFinite(size) && size >= 1))
      issues.push({
        path: `townships[${n}].householdSize`,
        message: "household quotas need the township's household size, at least 1 person",
      });
  });
  townships.forEach((t, n) => {
    const needPerPerson = perPerson(options, t.householdSize);
    const seen = new Set<string>();
    t.risks.forEach((r, j) => {
      const path = `townships[${n}].risks[${j}]`;
      if (seen.has(r.hazard)) issues.push({ path: `${path}.hazard`, message: `"${r.hazard}" twice` });
      seen.add(r.hazard);
      if ((r.relocated === undefined) === (r.shareOfResidents === undefined)) {
        issues.push({ path, message: "give either relocated people or a share of residents" });
        return;
      }
      const people = r.relocated ?? Math.round((r.shareOfResidents as number) * t.population);
      if (!Number.isInteger(people) || people < 0 || (r.shareOfResidents ?? 0) > 1) {
        issues.push({ path, message: "expected whole people, or a share between 0 and 1" });
        return;
      }
      scenarios.push({
        id: `${t.areaId}:${r.hazard}`,
        hazard: r.hazard,
        areaId: t.areaId,
        sites: [{ node: t.node, areaId: t.areaId, people }],
        needPerPerson,
        weight: r.weight,
        ...(r.closedRoads && r.closedRoads.length > 0 ? { closedRoads: r.closedRoads } : {}),
      });
    });
  });
  if (issues.length > 0) throw new ProblemError(issues);

  const total = townships.reduce((s, t) => s + t.population, 0);
  const people = Math.round(total * (options.districtShare ?? 0.1));
  if (total > 0) {
    const exact = townships.map((t) => (people * t.population) / total);
    const parts = exact.map(Math.floor);
    let left = people - parts.reduce((s, x) => s + x, 0);
    const order = exact
      .map((x, n) => ({ n, rest: x - Math.floor(x) }))
      .sort((a, b) => b.rest - a.rest || a.n - b.n);
    for (const { n } of order) {
      if (left <= 0) break;
      parts[n] = (parts[n] as number) + 1;
      left--;
    }
    const households = townships.reduce((s, t) => s + t.population / (t.householdSize ?? 1), 0);
    scenarios.push({
      id: DISTRICT_SCENARIO,
      hazard: "district",
      sites: townships.flatMap((t, n) =>
        (parts[n] as number) > 0 ? [{ node: t.node, areaId: t.areaId, people: parts[n] as number }] : [],
      ),
      needPerPerson: perPerson(options, total / households),
      weight: options.districtWeight ?? 1,
    });
  }
  return scenarios;
}
