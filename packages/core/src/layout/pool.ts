import {
  type AdviceOptions,
  adviseLayout,
  confirmLayout,
  evaluateLayout,
  type Layout,
  type LayoutAdvice,
  type LayoutConfirmation,
  type LayoutEvaluation,
  type LayoutProblem,
} from "@relief/planner";
import { Piscina } from "piscina";

/**
 * Where the layout engine runs. Evaluation and advice are async HiGHS solves of one to several seconds on
 * Banan, and confirmation runs the full planner 108 times (about 5 s), CPU-bound throughout: on the request
 * thread they would stall every other request. The read-job workers are the wrong fit — their jobs are
 * synchronous reads on a read-only connection, and the engine needs no database at all, only the problem the
 * request thread read — so, like the dispatch planner, the engine gets a pool of its own: a plain problem in,
 * a plain answer out. Neither HiGHS nor the planner reports progress here, so the caller sees the call pending
 * until the answer.
 */
export interface LayoutRunner {
  busy(): boolean;
  evaluate(problem: LayoutProblem): Promise<LayoutEvaluation>;
  advise(problem: LayoutProblem, options: AdviceOptions): Promise<LayoutAdvice>;
  /** The full planner on every scenario, on the advised layout and on today's (confirm.ts in the planner). */
  confirm(problem: LayoutProblem, layout: Layout): Promise<LayoutConfirmation>;
  close(): Promise<void>;
}

export const LAYOUT_POOL_LIMITS = {
  threads: 1,
  /** Jobs waiting for the thread; one more is refused as busy. */
  queue: 2,
  /** HiGHS loads in a second or two when a thread starts: keep it warm between a page's calls. */
  idleMs: 120_000,
  /** Advice with a budget takes about 6 s on Banan on a loaded machine; this bounds a runaway solve. */
  timeoutMs: 300_000,
} as const;

type Job =
  | { kind: "evaluate"; problem: LayoutProblem }
  | { kind: "advise"; problem: LayoutProblem; options: AdviceOptions }
  | { kind: "confirm"; problem: LayoutProblem; layout: Layout };

export function createLayoutPool(limits = LAYOUT_POOL_LIMITS): LayoutRunner {
  let pool: Piscina<Job, unknown> | null = null;
  let inFlight = 0;
  const run = async <T>(job: Job): Promise<T> => {
    inFlight += 1;
    try {
      pool ??= new Piscina<Job, unknown>({
        filename: new URL("./layout-worker.mjs", import.meta.url).href,
        minThreads: 0,
        maxThreads: limits.threads,
        idleTimeout: limits.idleMs,
      });
      return (await pool.run(job, { signal: AbortSignal.timeout(limits.timeoutMs) })) as T;
    } finally {
      inFlight -= 1;
    }
  };
  return {
    busy: () => inFlight >= limits.threads + limits.queue,
    evaluate: (problem) => run({ kind: "evaluate", problem }),
    advise: (problem, options) => run({ kind: "advise", problem, options }),
    confirm: (problem, layout) => run({ kind: "confirm", problem, layout }),
    async close() {
      await pool?.destroy();
      pool = null;
    },
  };
}

/** The engine on the calling thread: for tests of the answers rather than of the threads. */
export function inlineLayout(): LayoutRunner {
  return {
    busy: () => false,
    evaluate: (problem) => evaluateLayout(problem),
    advise: (problem, options) => adviseLayout(problem, options),
    confirm: (problem, layout) => confirmLayout(problem, layout),
    close: async () => {},
  };
}

let shared: LayoutRunner | null = null;

/** The process's layout pool, started with the first call. */
export function layoutRunner(): LayoutRunner {
  shared ??= createLayoutPool();
  return shared;
}
