import { Piscina } from "piscina";
import { IMPORT_LIMITS, type ImportLimits } from "../limits";
import type { ReadResult, ReadTask } from "./read-worker.mjs";

/** Thrown when the reader already has as many files as it may hold: the server's state, not the file's fault. */
export class SheetReaderBusyError extends Error {
  constructor() {
    super("服务器正忙：同时导入的文件过多，请稍后再试");
    this.name = "SheetReaderBusyError";
  }
}

export type ReaderOutcome = ReadResult | { ok: false; reason: "timeout" } | { ok: false; reason: "crashed" };

export interface SheetReader {
  /**
   * Parses one sheet of a workbook (the first unless `sheet` says which) in a worker thread; throws
   * SheetReaderBusyError when the queue is full.
   */
  read(bytes: Uint8Array, sheet?: number): Promise<ReaderOutcome>;
  close(): Promise<void>;
}

/**
 * A pool of worker threads that parse uploads, so a large or hostile file never blocks the request thread.
 * Threads start on the first file and stop when idle; files beyond the threads wait in a bounded queue.
 */
export function createSheetReader(limits: ImportLimits = IMPORT_LIMITS): SheetReader {
  let pool: Piscina<ReadTask, ReadResult> | null = null;
  let inFlight = 0;
  return {
    async read(bytes, sheet = 0) {
      if (inFlight >= limits.threads + limits.queue) throw new SheetReaderBusyError();
      inFlight += 1;
      try {
        pool ??= new Piscina<ReadTask, ReadResult>({
          filename: new URL("./read-worker.mjs", import.meta.url).href,
          minThreads: 0,
          maxThreads: limits.threads,
          idleTimeout: 10_000,
          // A heap ceiling per thread: past the inflated-size cap nothing legitimate comes near it.
          resourceLimits: { maxOldGenerationSizeMb: 1024 },
        });
        const task: ReadTask = {
          bytes,
          maxInflatedBytes: limits.inflatedBytes,
          maxRows: limits.rows,
          maxColumns: limits.columns,
          sheet,
        };
        return await pool.run(task, { signal: AbortSignal.timeout(limits.timeoutMs) });
      } catch (error) {
        // Piscina ends the thread of an aborted task, so a runaway parse stops with its request.
        if (error instanceof Error && error.name === "AbortError") return { ok: false, reason: "timeout" };
        return { ok: false, reason: "crashed" };
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
