import { parentPort, workerData } from "node:worker_threads";
import { DomainError, type ReadJobKind, runReadJob } from "@relief/core";
import { openReadOnlyDatabase } from "@relief/db";
import type { ReadJobReply, ReadJobTask } from "./pool";

const database = openReadOnlyDatabase((workerData as { file: string }).file);

function failure(error: unknown): Extract<ReadJobReply, { ok: false }>["error"] {
  if (error instanceof DomainError)
    return { message: error.message, domain: { code: error.code, text: error.text, issues: error.issues } };
  if (error instanceof Error) return { message: error.message, stack: error.stack };
  return { message: String(error) };
}

parentPort?.on("message", (task: ReadJobTask<ReadJobKind>) => {
  let reply: ReadJobReply;
  try {
    // One read transaction: a job of several statements reads one committed state, as a report should.
    const result = database.sqlite.transaction(() =>
      runReadJob(database.db, task.kind, task.input, task.now),
    )();
    reply = { ok: true, result };
  } catch (error) {
    reply = { ok: false, error: failure(error) };
  }
  parentPort?.postMessage(reply);
});
