import { expect } from "vitest";
import { checkPlan } from "../check";
import type { DispatchPlan } from "../plan-types";
import type { PlanningProblem } from "../schema";
import { plan } from "../solve";

/** Plans with a fixed iteration budget (reproducible on any machine) and insists the checker finds nothing. */
export function solveChecked(problem: PlanningProblem, maxIterations = 300): DispatchPlan {
  const input = { timeLimitMs: 20_000, seed: 1, maxIterations, ...problem };
  const result = plan(input);
  expect(checkPlan(input, result)).toEqual([]);
  return result;
}

export function outcome(p: DispatchPlan, demand: string) {
  const o = p.outcomes.find((x) => x.demand === demand);
  if (!o) throw new Error(`no outcome for ${demand}`);
  return o;
}

type Edge = NonNullable<PlanningProblem["network"]>["edges"][number];

/** A network from "a-b:minutes" style shorthands; km = minutes / 2 unless given. */
export function roads(...specs: (string | Edge)[]): NonNullable<PlanningProblem["network"]> {
  const nodes = new Set<string>();
  const edges: Edge[] = specs.map((s) => {
    if (typeof s !== "string") {
      nodes.add(s.from);
      nodes.add(s.to);
      return s;
    }
    const [pair, minutes] = s.split(":") as [string, string];
    const [from, to] = pair.split("-") as [string, string];
    nodes.add(from);
    nodes.add(to);
    return { from, to, minutes: Number(minutes), km: Number(minutes) / 2 };
  });
  return { nodes: [...nodes].map((id) => ({ id })), edges };
}

export const WATER = { id: "water", kg: 1, m3: 0.001 };
export const TENT = { id: "tent", kg: 50, m3: 0.2 };
