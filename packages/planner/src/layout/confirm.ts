import { plan } from "../solve";
import { evaluateParsed, type LayoutEvaluation, summarise } from "./evaluate";
import { scenarioProblem } from "./planner";
import { type LayoutStage, type OnLayoutProgress, stageCounter } from "./progress";
import { Roads } from "./reach";
import { currentLayout, type Layout, type LayoutProblem, parseLayoutProblem } from "./schema";

export interface ConfirmSearch {
  /** Search iterations per scenario: what normally ends each search. */
  maxIterations: number;
  seed: number;
  /** All the plans together (every scenario, after and before) end within about this much time: */
  totalMs: number;
  /** each plan may use what is left of it, less `scenarioMsAtLeast` kept for each plan still to come, */
  scenarioMsAtLeast: number;
  /** and never more than this. */
  scenarioMsAtMost: number;
}

/**
 * The planner's search on each scenario: a fixed number of iterations from a fixed seed, so that the same
 * layout gives the same plans on any machine. The time limits only bound a runaway search (a search they end
 * is counted in `stoppedByTime`): Banan's 54 scenarios planned twice end within half a minute whatever the
 * load. On Banan 1,000 iterations take 30–200 ms a township scenario and about 800 ms the district-wide one
 * (23 sites), some 2.5 s a layout; a plan's share of the total goes to whichever scenario needs it.
 */
export const CONFIRM_SEARCH: ConfirmSearch = {
  maxIterations: 1000,
  seed: 1,
  totalMs: 30_000,
  scenarioMsAtLeast: 100,
  scenarioMsAtMost: 5000,
};

export interface ScenarioConfirmation {
  id: string;
  people: number;
  /** The flow bound on the advised layout: at most this many people within the deadline. */
  boundAfter: number;
  /** People the full planner equips within the deadline on the advised layout (never above the bound). */
  planned: number;
  /** The same two figures on the layout before the advice. */
  boundBefore: number;
  plannedBefore: number;
}

export interface LayoutConfirmation {
  scenarios: ScenarioConfirmation[];
  /** The scenario with the smallest share the planner serves on the advised layout (rules of `summarise`). */
  worstPlanned: LayoutEvaluation["worst"];
  weightedMeanPlanned: LayoutEvaluation["weightedMean"];
  /** The same on the layout before the advice. */
  before: { worstPlanned: LayoutEvaluation["worst"]; weightedMeanPlanned: LayoutEvaluation["weightedMean"] };
  search: ConfirmSearch;
  /** Searches the time limit ended rather than the iterations: when above 0, a rerun may differ. */
  stoppedByTime: number;
}

/**
 * The full planner (`plan`) on every scenario of the problem, on the advised layout and on the problem's own
 * stock, beside the flow bound of each. The bound leaves out driving between stops, service at each stop and
 * the order of a truck's trips, so the planner serves at most the bound; how far below is what the
 * confirmation measures.
 */
export async function confirmLayout(
  input: LayoutProblem,
  advised: Layout,
  search: ConfirmSearch = CONFIRM_SEARCH,
  onProgress?: OnLayoutProgress,
): Promise<LayoutConfirmation> {
  const problem = parseLayoutProblem(input);
  const roads = new Roads(problem);
  const base = currentLayout(problem);
  const counter = (stage: LayoutStage) => stageCounter(stage, problem.scenarios.length, onProgress);
  const boundBefore = await evaluateParsed(problem, base, roads, counter("boundBefore"));
  const boundAfter = await evaluateParsed(problem, advised, roads, counter("boundAfter"));
  let stoppedByTime = 0;
  const started = performance.now();
  let toCome = 2 * problem.scenarios.length;
  const planAll = (layout: Layout, stage: LayoutStage) => {
    const step = counter(stage);
    return problem.scenarios.map((scenario) => {
      toCome -= 1;
      const left = search.totalMs - (performance.now() - started) - toCome * search.scenarioMsAtLeast;
      const timeLimitMs = Math.min(search.scenarioMsAtMost, Math.max(search.scenarioMsAtLeast, left));
      const result = plan(
        scenarioProblem(problem, layout, scenario, {
          maxIterations: search.maxIterations,
          seed: search.seed,
          timeLimitMs,
        }),
      );
      if (result.stats.stoppedByTime) stoppedByTime += 1;
      step();
      return result.summary.peopleServed;
    });
  };
  const before = planAll(base, "planBefore");
  const after = planAll(advised, "planAfter");
  const weights = problem.scenarios.map((s) => s.weight);
  const summary = (served: number[]) =>
    summarise(
      problem.scenarios.map((s, k) => {
        const people = boundAfter.scenarios[k]?.people ?? 0;
        const servedInTime = served[k] ?? 0;
        return {
          id: s.id,
          hazard: s.hazard,
          people,
          servedInTime,
          share: people === 0 ? 1 : servedInTime / people,
        };
      }),
      weights,
    );
  const plannedAfter = summary(after);
  const plannedBefore = summary(before);
  return {
    scenarios: problem.scenarios.map((s, k) => ({
      id: s.id,
      people: boundAfter.scenarios[k]?.people ?? 0,
      boundAfter: boundAfter.scenarios[k]?.servedInTime ?? 0,
      planned: after[k] ?? 0,
      boundBefore: boundBefore.scenarios[k]?.servedInTime ?? 0,
      plannedBefore: before[k] ?? 0,
    })),
    worstPlanned: plannedAfter.worst,
    weightedMeanPlanned: plannedAfter.weightedMean,
    before: { worstPlanned: plannedBefore.worst, weightedMeanPlanned: plannedBefore.weightedMean },
    search,
    stoppedByTime,
  };
}
