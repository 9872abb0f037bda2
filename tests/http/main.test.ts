import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Runs `pnpm start`'s entry point as its own process, the way an operator does. */
function startProcess(env: Record<string, string>) {
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["apps/server/src/main.ts"], {
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

describe("server process", () => {
  let dir: string;
  let running: ChildProcess | undefined;
  afterEach(() => {
    running?.kill("SIGKILL");
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("starts on an empty database path, seeds it, and shuts down cleanly on SIGTERM", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "relief-main-"));
    const server = startProcess({ RELIEF_DB: path.join(dir, "relief.db") });
    running = server.child;
    const url = await server.listening;
    expect(server.output()).toContain("Banan demo data loaded");
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true });
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain("relief server stopped");
  });

  it("creates no accounts with RELIEF_SEED=none", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "relief-main-"));
    const server = startProcess({ RELIEF_DB: path.join(dir, "relief.db"), RELIEF_SEED: "none" });
    running = server.child;
    const url = await server.listening;
    const login = await fetch(`${url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: "relief-demo" }),
    });
    expect(login.status).toBe(401);
    server.child.kill("SIGINT");
    expect(await server.exited).toBe(0);
  });

  it("refuses to start with a bad setting, saying which", async () => {
    const server = startProcess({ RELIEF_DB: ":memory:", RELIEF_SEED: "demo" });
    running = server.child;
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("RELIEF_SEED 只能是 banan 或 none，实际为 demo");
  });
});
