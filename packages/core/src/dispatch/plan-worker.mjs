// Runs in the dispatch planner's worker threads (piscina). The planner is TypeScript, and a worker thread
// may start without the loader its parent runs under (vitest transforms in-process, tsx registers per
// thread), so it registers tsx before loading it, as the read-job workers do.
import { register } from "tsx/esm/api";

register();
const { plan } = await import("@relief/planner");

/** A problem in, a plan out: both plain data, cloned across the thread boundary. */
export default function run(problem) {
  return plan(problem);
}
