import { addScenario } from "./flow";
import { LinearModel, loadHighs } from "./lp";
import { Roads } from "./reach";
import {
  currentLayout,
  type Layout,
  type LayoutProblem,
  parseLayoutProblem,
  type ValidLayoutProblem,
} from "./schema";

export interface ScenarioOutcome {
  id: string;
  hazard: ValidLayoutProblem["scenarios"][number]["hazard"];
  areaId?: string;
  people: number;
  /** The flow bound: at most this many people can be equipped within the deadline (rounded down). */
  servedInTime: number;
  /** servedInTime ÷ people (1 for a scenario of nobody). */
  share: number;
}

export interface LayoutEvaluation {
  scenarios: ScenarioOutcome[];
  /** The scenario with the smallest share served (ties: more people left out, then id); null without scenarios. */
  worst: { scenarioId: string; share: number; people: number; servedInTime: number } | null;
  /** The scenario that leaves the most people out (ties: smaller share, then id). */
  mostUnserved: { scenarioId: string; unserved: number; people: number } | null;
  /** Likelihood-weighted means of the share and of the people served (plain means if every weight is 0). */
  weightedMean: { share: number; servedInTime: number };
}

export function summarise(scenarios: ScenarioOutcome[], weights: number[]): LayoutEvaluation {
  const unserved = (o: ScenarioOutcome) => o.people - o.servedInTime;
  const byShare = [...scenarios].sort(
    (a, b) => a.share - b.share || unserved(b) - unserved(a) || (a.id < b.id ? -1 : 1),
  );
  const byUnserved = [...scenarios].sort(
    (a, b) => unserved(b) - unserved(a) || a.share - b.share || (a.id < b.id ? -1 : 1),
  );
  const total = weights.reduce((s, w) => s + w, 0);
  const w = (k: number) => (total > 0 ? (weights[k] as number) / total : 1 / scenarios.length);
  const worst = byShare[0];
  const most = byUnserved[0];
  return {
    scenarios,
    worst: worst
      ? { scenarioId: worst.id, share: worst.share, people: worst.people, servedInTime: worst.servedInTime }
      : null,
    mostUnserved: most ? { scenarioId: most.id, unserved: unserved(most), people: most.people } : null,
    weightedMean: {
      share: scenarios.reduce((s, o, k) => s + w(k) * o.share, 0),
      servedInTime: scenarios.reduce((s, o, k) => s + w(k) * o.servedInTime, 0),
    },
  };
}

/**
 * The flow bound (flow.ts) for every scenario of the problem, on `layout` (default: the problem's own stock).
 * One small LP per scenario, solved by HiGHS: the items share the trucks' kg and m³, so this is a
 * multi-commodity flow that a single max-flow cannot express.
 */
export async function evaluateLayout(input: LayoutProblem, layout?: Layout): Promise<LayoutEvaluation> {
  const problem = parseLayoutProblem(input);
  return evaluateParsed(problem, layout ?? currentLayout(problem), new Roads(problem));
}

/** `step` is called after each scenario's bound (for progress). */
export async function evaluateParsed(
  problem: ValidLayoutProblem,
  layout: Layout,
  roads: Roads,
  step?: () => void,
): Promise<LayoutEvaluation> {
  const solver = await loadHighs();
  const outcomes = problem.scenarios.map((scenario, k) => {
    const model = new LinearModel();
    const { served, people } = addScenario(model, k, problem, roads.scenario(scenario), (w, i) => {
      const units =
        layout[(problem.warehouses[w] as { id: string }).id]?.[(problem.items[i] as { id: string }).id] ?? 0;
      return units > 0 ? { constant: units, terms: [] } : undefined;
    });
    const value = people === 0 ? 0 : model.solve(solver, "Maximize", served).value;
    const servedInTime = Math.min(people, Math.floor(value + 1e-6));
    step?.();
    return {
      id: scenario.id,
      hazard: scenario.hazard,
      ...(scenario.areaId === undefined ? {} : { areaId: scenario.areaId }),
      people,
      servedInTime,
      share: people === 0 ? 1 : servedInTime / people,
    };
  });
  return summarise(
    outcomes,
    problem.scenarios.map((s) => s.weight),
  );
}
