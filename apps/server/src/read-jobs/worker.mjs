// Entry of the read-job worker threads. The jobs are TypeScript, and a worker thread may start without the
// loader its parent runs under (vitest transforms in-process), so it registers tsx before loading them.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
