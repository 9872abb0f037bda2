import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startProcess } from "./process";

describe("server process", { timeout: 120_000 }, () => {
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
