import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../../../..");
export const TSX = path.join(ROOT, "node_modules/.bin/tsx");

/**
 * The server as a district runs it: its own process (`apps/server/src/main.ts`) on the given database file,
 * on a free loopback port. Resolves once it logs the address it listens on; the request log keeps being
 * drained afterwards, as a log collector would.
 */
export function startServerProcess(
  dbFile: string,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(TSX, ["apps/server/src/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      RELIEF_DB: dbFile,
      RELIEF_SEED: "banan",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = output.match(/"url":"(http:\/\/[^"]+)"/);
      if (match?.[1]) {
        output = "";
        child.stdout?.off("data", onData).on("data", () => undefined);
        resolve({ child, url: match[1] });
      } else if (output.length > 1_000_000) output = output.slice(-10_000);
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/** Stops the server with SIGTERM and waits until its process has exited. */
export async function stopServerProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
