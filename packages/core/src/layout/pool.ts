import { MessageChannel, type MessagePort } from "node:worker_threads";
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
  type LayoutProgress,
} from "@relief/planner";
import { Piscina } from "piscina";
import { RunBoard, type RunProgress, type RunRef } from "./runs";

/**
 * Where the layout engine runs. Evaluation and advice are async HiGHS solves of one to several seconds on
 * Banan, and confirmation runs the full planner 108 times (about 5 s), CPU-bound throughout: on the request
 * thread they would stall every other request. The read-job workers are the wrong fit — their jobs are
 * synchronous reads on a read-only connection, and the engine needs no database at all, only the problem the
 * request thread read — so, like the dispatch planner, the engine gets a pool of its own: a plain problem in,
 * a plain answer out. Advice and confirmation take a MessagePort with the job, on which the engine posts its
 * progress (the planner's stage, done of total); a run named by the caller can be read while in flight.
 */
export interface LayoutRunner {
  busy(): boolean;
  evaluate(problem: LayoutProblem): Promise<LayoutEvaluation>;
  advise(problem: LayoutProblem, options: AdviceOptions, run?: RunRef): Promise<LayoutAdvice>;
  /** The full planner on every scenario, on the advised layout and on today's (confirm.ts in the planner). */
  confirm(problem: LayoutProblem, layout: Layout, run?: RunRef): Promise<LayoutConfirmation>;
  /** The progress of a named run still in flight; null for a run unknown or ended. */
  progress(runId: string): RunProgress | null;
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

/** `port`: where the engine posts its progress (advice and confirmation). */
type Job = { port?: MessagePort } & (
  | { kind: "evaluate"; problem: LayoutProblem }
  | { kind: "advise"; problem: LayoutProblem; options: AdviceOptions }
  | { kind: "confirm"; problem: LayoutProblem; layout: Layout }
);

export function createLayoutPool(limits = LAYOUT_POOL_LIMITS): LayoutRunner {
  let pool: Piscina<Job, unknown> | null = null;
  const board = new RunBoard();
  const run = async <T>(job: Job, ref?: RunRef): Promise<T> => {
    const entry = board.add(ref);
    const channel = job.kind === "evaluate" ? null : new MessageChannel();
    channel?.port1.on("message", (progress: LayoutProgress) => board.report(entry, progress));
    try {
      pool ??= new Piscina<Job, unknown>({
        filename: new URL("./layout-worker.mjs", import.meta.url).href,
        minThreads: 0,
        maxThreads: limits.threads,
        idleTimeout: limits.idleMs,
      });
      const signal = AbortSignal.timeout(limits.timeoutMs);
      return (await (channel
        ? pool.run({ ...job, port: channel.port2 }, { signal, transferList: [channel.port2] })
        : pool.run(job, { signal }))) as T;
    } finally {
      channel?.port1.close();
      board.end(entry);
    }
  };
  return {
    busy: () => board.size >= limits.threads + limits.queue,
    evaluate: (problem) => run({ kind: "evaluate", problem }),
    advise: (problem, options, ref) => run({ kind: "advise", problem, options }, ref),
    confirm: (problem, layout, ref) => run({ kind: "confirm", problem, layout }, ref),
    progress: (runId) => board.progress(runId),
    async close() {
      await pool?.destroy();
      pool = null;
    },
  };
}

/** The engine on the calling thread: for tests of the answers rather than of the threads. */
export function inlineLayout(): LayoutRunner {
  const board = new RunBoard();
  const tracked = async <T>(
    ref: RunRef | undefined,
    work: (report: (p: LayoutProgress) => void) => Promise<T>,
  ) => {
    const entry = board.add(ref);
    try {
      return await work((progress) => board.report(entry, progress));
    } finally {
      board.end(entry);
    }
  };
  return {
    busy: () => false,
    evaluate: (problem) => evaluateLayout(problem),
    advise: (problem, options, ref) =>
      tracked(ref, (onProgress) => adviseLayout(problem, { ...options, onProgress })),
    confirm: (problem, layout, ref) =>
      tracked(ref, (onProgress) => confirmLayout(problem, layout, undefined, onProgress)),
    progress: (runId) => board.progress(runId),
    close: async () => {},
  };
}

let shared: LayoutRunner | null = null;

/** The process's layout pool, started with the first call. */
export function layoutRunner(): LayoutRunner {
  shared ??= createLayoutPool();
  return shared;
}
