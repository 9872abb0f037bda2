// Runs in the layout engine's worker thread (piscina). The planner is TypeScript, and a worker thread may
// start without the loader its parent runs under, so it registers tsx before loading it, as plan-worker does.
import { register } from "tsx/esm/api";

register();
const { adviseLayout, confirmLayout, evaluateLayout } = await import("@relief/planner");

/**
 * `{ kind: "evaluate" | "advise" | "confirm", problem, options?, layout?, port? }` in, the engine's answer out;
 * its progress reports are posted on `port` as they come (the port's messages need no free event loop here).
 */
export default async function run(job) {
  const { port } = job;
  const onProgress = port && ((progress) => port.postMessage(progress));
  try {
    if (job.kind === "advise") return await adviseLayout(job.problem, { ...job.options, onProgress });
    if (job.kind === "confirm") return await confirmLayout(job.problem, job.layout, undefined, onProgress);
    return await evaluateLayout(job.problem);
  } finally {
    port?.close();
  }
}
