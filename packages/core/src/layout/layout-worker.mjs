// Runs in the layout engine's worker thread (piscina). The planner is TypeScript, and a worker thread may
// start without the loader its parent runs under, so it registers tsx before loading it, as plan-worker does.
import { register } from "tsx/esm/api";

register();
const { adviseLayout, confirmLayout, evaluateLayout } = await import("@relief/planner");

/** `{ kind: "evaluate" | "advise" | "confirm", problem, options?, layout? }` in, the engine's answer out. */
export default function run(job) {
  if (job.kind === "advise") return adviseLayout(job.problem, job.options);
  if (job.kind === "confirm") return confirmLayout(job.problem, job.layout);
  return evaluateLayout(job.problem);
}
