import { Worker } from "node:worker_threads";
import {
  DomainError,
  type DomainErrorCode,
  type ErrorIssue,
  inlineReadJobs,
  type ReadJobInput,
  type ReadJobKind,
  type ReadJobResult,
  type ReadJobRunner,
} from "@relief/core";
import type { ReliefDatabase } from "@relief/db";
import type { Message } from "@relief/domain";

export interface ReadJobTask<K extends ReadJobKind> {
  kind: K;
  input: ReadJobInput<K>;
  now: string;
}

export type ReadJobReply =
  | { ok: true; result: unknown }
  | {
      ok: false;
      error: {
        message: string;
        stack?: string;
        domain?: { code: DomainErrorCode; text: Message; issues: ErrorIssue[] };
      };
    };

export interface ReadJobPoolOptions {
  /** Threads running jobs at once; more jobs wait their turn. */
  threads?: number;
  /** A thread beyond the first, idle this long, stops, giving back its page cache and heap. */
  idleMs?: number;
  /**
   * Start one thread now rather than with the first job: loading the sources takes a few seconds, which the
   * first dashboard after a restart should not wait for.
   */
  warm?: boolean;
}

interface Pending {
  task: ReadJobTask<ReadJobKind>;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job?: Pending;
  idleTimer?: NodeJS.Timeout;
}

/** A domain error comes back as one, so the API answers it as it would have on the request thread. */
function revive(error: Extract<ReadJobReply, { ok: false }>["error"]): Error {
  if (error.domain) return new DomainError(error.domain.code, error.domain.text, error.domain.issues);
  const revived = new Error(error.message);
  if (error.stack) revived.stack = error.stack;
  return revived;
}

/**
 * Worker threads that run read jobs on their own read-only connections to the database file, so verifying
 * the ledger or building a large workbook never holds up the request thread. Threads start with the first
 * job and stop when idle; a thread that dies fails its job and the next job starts a fresh one.
 */
export function createReadJobPool(file: string, options: ReadJobPoolOptions = {}): ReadJobRunner {
  const threads = options.threads ?? 2;
  const idleMs = options.idleMs ?? 30_000;
  const slots = new Set<Slot>();
  const idle: Slot[] = [];
  const queue: Pending[] = [];
  let closed = false;

  const assign = (slot: Slot, job: Pending) => {
    clearTimeout(slot.idleTimer);
    slot.job = job;
    slot.worker.postMessage(job.task);
  };

  const release = (slot: Slot) => {
    const next = queue.shift();
    if (next) return assign(slot, next);
    idle.push(slot);
    // The last thread stays: starting one loads the TypeScript sources, which would add seconds to each
    // occasional export.
    slot.idleTimer = setTimeout(() => slots.size > 1 && slot.worker.terminate(), idleMs);
    slot.idleTimer.unref();
  };

  const spawn = (): Slot => {
    const worker = new Worker(new URL("./worker.mjs", import.meta.url), { workerData: { file } });
    // A waiting request keeps the process alive; an idle thread must not.
    worker.unref();
    const slot: Slot = { worker };
    slots.add(slot);
    worker.on("message", (reply: ReadJobReply) => {
      const job = slot.job;
      slot.job = undefined;
      if (reply.ok) job?.resolve(reply.result);
      else job?.reject(revive(reply.error));
      release(slot);
    });
    worker.on("error", (error) => {
      slot.job?.reject(error);
      slot.job = undefined;
    });
    worker.on("exit", () => {
      slots.delete(slot);
      clearTimeout(slot.idleTimer);
      const at = idle.indexOf(slot);
      if (at >= 0) idle.splice(at, 1);
      slot.job?.reject(new Error("read job thread stopped before answering"));
      slot.job = undefined;
      dispatch();
    });
    return slot;
  };

  function dispatch() {
    while (!closed && queue.length > 0) {
      const slot = idle.pop() ?? (slots.size < threads ? spawn() : undefined);
      if (!slot) return;
      const job = queue.shift();
      if (job) assign(slot, job);
    }
  }

  if (options.warm) idle.push(spawn());

  return {
    run<K extends ReadJobKind>(kind: K, input: ReadJobInput<K>, now: string) {
      if (closed) return Promise.reject(new Error("read jobs closed"));
      return new Promise<ReadJobResult<K>>((resolve, reject) => {
        queue.push({ task: { kind, input, now }, resolve: resolve as (result: unknown) => void, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error("read jobs closed"));
      await Promise.all([...slots].map((slot) => slot.worker.terminate()));
    },
  };
}

/** Worker threads for a database file; inline for an in-memory one, which no other connection can open. */
export function readJobsFor(database: ReliefDatabase, options?: ReadJobPoolOptions): ReadJobRunner {
  return database.sqlite.memory
    ? inlineReadJobs(database.db)
    : createReadJobPool(database.sqlite.name, options);
}
