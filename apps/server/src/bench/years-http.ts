import { Worker } from "node:worker_threads";

/** One timed request: wall time until the whole body arrived, and the body's size in bytes. */
export interface Timing {
  ms: number;
  bytes: number;
  ok: boolean;
  error?: string;
}

/** A signed-in client that times tRPC queries over HTTP without parsing what they return. */
export class Session {
  private cookie = "";
  constructor(private readonly url: string) {}

  async login(username: string, password: string): Promise<void> {
    const response = await fetch(`${this.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
    this.cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  }

  /**
   * A query as the web app sends it (GET, input as JSON in the address). The body is read as bytes only: the
   * answer's size is what the goal is about, and parsing megabytes here would stall this process's clock.
   */
  async query(procedure: string, input: unknown, timeoutMs: number): Promise<Timing> {
    const address = `${this.url}/trpc/${procedure}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;
    const started = performance.now();
    try {
      const response = await fetch(address, {
        headers: { cookie: this.cookie },
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = new Uint8Array(await response.arrayBuffer());
      const ms = performance.now() - started;
      if (response.ok) return { ms, bytes: body.byteLength, ok: true };
      const text = new TextDecoder().decode(body.subarray(0, 2000));
      const message = text.match(/"message":"((?:[^"\\]|\\.)*)"/)?.[1] ?? text.slice(0, 200);
      return { ms, bytes: body.byteLength, ok: false, error: `${response.status} ${message}` };
    } catch (error) {
      return { ms: performance.now() - started, bytes: 0, ok: false, error: (error as Error).message };
    }
  }
}

/** A health check: when it was sent and how long the answer took (absolute milliseconds since the epoch). */
export interface HealthSample {
  start: number;
  end: number;
}

// Plain JavaScript, run in a worker thread: the poll keeps its own event loop, so the measured calls in the
// main thread cannot delay it, and it sees the server exactly as another user's browser would.
const POLLER = `
const { parentPort, workerData } = require("node:worker_threads");
let running = true;
parentPort.on("message", () => { running = false; });
(async () => {
  while (running) {
    const start = performance.timeOrigin + performance.now();
    try { await (await fetch(workerData.url + "/healthz")).arrayBuffer(); } catch {}
    const end = performance.timeOrigin + performance.now();
    parentPort.postMessage({ start, end });
    await new Promise((resolve) => setTimeout(resolve, workerData.intervalMs));
  }
  parentPort.close();
})();
`;

/** Polls `/healthz` every `intervalMs` from a worker thread until stopped. */
export function startHealthPoller(url: string, intervalMs: number) {
  const samples: HealthSample[] = [];
  const worker = new Worker(POLLER, { eval: true, workerData: { url, intervalMs } });
  worker.on("message", (sample: HealthSample) => samples.push(sample));
  return {
    samples,
    /** Health checks that were under way at some moment between `from` and `to`. */
    during(from: number, to: number): number[] {
      return samples.filter((s) => s.start < to && s.end > from).map((s) => s.end - s.start);
    },
    async stop(): Promise<void> {
      const done = new Promise((resolve) => worker.once("exit", resolve));
      worker.postMessage("stop");
      await done;
    },
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** The clock the health samples use, for the windows of the measured calls. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
