import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startServer } from "@relief/server";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Runs `pnpm start`'s entry point as its own process, the way an operator does. `direct`: node runs the server
 * itself with tsx as a loader, no wrapper process between, so that SIGKILL reaches the server (the tsx command
 * relays SIGTERM to its child but cannot relay a kill, which would leave the server running).
 */
export function startProcess(env: Record<string, string>, { direct = false }: { direct?: boolean } = {}) {
  const [command, args] = direct
    ? [process.execPath, ["--import", "tsx", "apps/server/src/main.ts"]]
    : [path.join(ROOT, "node_modules/.bin/tsx"), ["apps/server/src/main.ts"]];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = output.match(/"url":"(http:\/\/[^"]+)"/);
      if (match?.[1]) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 50);
    exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`server exited with ${code}: ${output}`));
    });
  });
  // Not every test waits for the server to listen.
  listening.catch(() => undefined);
  return { child, exited, listening, output: () => output };
}

/**
 * Two servers on one new Banan database file: one in this process, one as its own process, so that two
 * writers really run at the same time.
 */
/** Two servers on one database file: this process and a child. `loginDelaySeconds` as RELIEF_LOGIN_DELAY_SECONDS. */
export async function startTwoServers(
  prefix: string,
  { loginDelaySeconds }: { loginDelaySeconds?: number } = {},
) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const databasePath = path.join(dir, "relief.db");
  const inProcess = await startServer({
    port: 0,
    host: "127.0.0.1",
    databasePath,
    seed: "banan",
    logLevel: "silent",
    webDist: dir,
    trustProxy: false,
    loginDelaySeconds,
  });
  const other = startProcess({
    RELIEF_DB: databasePath,
    LOG_LEVEL: "info",
    ...(loginDelaySeconds === undefined ? {} : { RELIEF_LOGIN_DELAY_SECONDS: String(loginDelaySeconds) }),
  });
  const urls = [inProcess.url, await other.listening];
  return {
    urls,
    databasePath,
    async close() {
      other.child.kill("SIGTERM");
      await other.exited;
      await inProcess.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
