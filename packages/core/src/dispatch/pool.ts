import { type DispatchPlan, type PlanningProblem, plan } from "@relief/planner";
import { Piscina } from "piscina";

/**
 * Where plans are computed. Planning is CPU-bound for its whole budget, so the server never runs it on the
 * request thread: a 10-second search there would stall every other request.
 */
export interface PlanRunner {
  /** True when another plan would have to wait beyond the queue: refuse it before writing anything. */
  busy(): boolean;
  run(problem: PlanningProblem): Promise<DispatchPlan>;
  close(): Promise<void>;
}

export const PLAN_POOL_LIMITS = {
  /** Plans computed at once: one core for planning, one for the request thread and SQLite. */
  threads: 1,
  /** Plans waiting for the thread; one more is refused as busy. */
  queue: 2,
  /** A thread idle this long stops; starting one loads the planner's sources (a second or two). */
  idleMs: 120_000,
  /** Beyond the problem's own time cap, for validation, shortest paths and construction, which it does not bound. */
  marginMs: 60_000,
} as const;

/**
 * A pool of its own, beside the sheet reader's rather than inside it: the reader's single thread serves
 * uploads with a 30-second limit that includes waiting, and a plan of up to a minute ahead of an upload would
 * time it out; the reader also caps its threads' heap and stops them after 10 s idle, where the planner's
 * thread is worth keeping warm. Both pools use the same piscina.
 */
export function createPlanPool(limits = PLAN_POOL_LIMITS): PlanRunner {
  let pool: Piscina<PlanningProblem, DispatchPlan> | null = null;
  let inFlight = 0;
  return {
    busy: () => inFlight >= limits.threads + limits.queue,
    async run(problem) {
      inFlight += 1;
      try {
        pool ??= new Piscina<PlanningProblem, DispatchPlan>({
          filename: new URL("./plan-worker.mjs", import.meta.url).href,
          minThreads: 0,
          maxThreads: limits.threads,
          idleTimeout: limits.idleMs,
        });
        const cap = (problem.timeLimitMs ?? 1000) + limits.marginMs;
        return await pool.run(problem, { signal: AbortSignal.timeout(cap) });
      } finally {
        inFlight -= 1;
      }
    },
    async close() {
      await pool?.destroy();
      pool = null;
    },
  };
}

/** Plans on the calling thread: for the benchmark, which times the search itself. */
export function inlinePlanner(): PlanRunner {
  return {
    busy: () => false,
    run: async (problem) => plan(problem),
    close: async () => {},
  };
}

let shared: PlanRunner | null = null;

/** The process's planner pool, started with the first plan. */
export function planRunner(): PlanRunner {
  shared ??= createPlanPool();
  return shared;
}
