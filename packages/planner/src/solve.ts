import { compile } from "./model";
import { toPlan } from "./output";
import type { DispatchPlan } from "./plan-types";
import { parseProblem } from "./schema";
import { dropIdle, topUp } from "./search/finish";
import { Search } from "./search/lns";

/** Default search budget when the problem sets none. */
export const DEFAULT_TIME_LIMIT_MS = 1000;

/**
 * Plans relief dispatch: validates the problem (throwing a ProblemError that names every mistake), computes
 * shortest paths, builds a first plan and improves it until the time limit or maxIterations.
 */
export function plan(input: unknown): DispatchPlan {
  const started = performance.now();
  const problem = parseProblem(input);
  const model = compile(problem);
  const pathsMs = performance.now() - started;
  const limit = problem.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const search = new Search(model, {
    // Dropping idle deliveries, top-up and writing the plan come after the search: leave them a little time.
    timeLimitMs: Math.max(0, limit - pathsMs - Math.max(5, 0.05 * limit)),
    maxIterations: problem.maxIterations ?? Number.POSITIVE_INFINITY,
    seed: problem.seed ?? 1,
  });
  const result = search.run();
  dropIdle(result.best);
  topUp(result.best);
  const stats = {
    phases: { paths: pathsMs, construction: result.constructionMs, search: result.searchMs },
    iterations: result.iterations,
    stoppedByTime: result.stoppedByTime,
  };
  return toPlan(model, result.best, stats, performance.now() - started);
}
