// Runs in the layout engine's worker thread (piscina). The planner is TypeScript, and a worker thread may
// start without the loader its parent runs under, so it registers tsx before loading it, as plan-worker does.
import { register } from "tsx/esm/api";

register();
const { adviseLayout, evaluateLayout } = await import("@relief/planner");

/** `{ kind: "evaluate", problem }` or `{ kind: "advise", problem, options }` in, the engine's answer out. */
export default function run(job) {
  return job.kind === "advise" ? adviseLayout(job.problem, job.options) : evaluateLayout(job.problem);
}
