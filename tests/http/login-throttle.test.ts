import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "@relief/db";
import { type RunningServer, startServer } from "@relief/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProcess } from "./process";

/** One login as its own request, as a password-guessing script sends them. */
async function attempt(url: string, username: string, password: string) {
  const response = await fetch(`${url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { error?: { message: string } };
  return { status: response.status, message: body.error?.message };
}

describe("login throttling over HTTP, two server processes on one database", { timeout: 120_000 }, () => {
  let dir: string;
  let databasePath: string;
  let inProcess: RunningServer;
  let child: ChildProcess;
  let urls: string[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "relief-login-"));
    databasePath = path.join(dir, "relief.db");
    inProcess = await startServer({
      port: 0,
      host: "127.0.0.1",
      databasePath,
      seed: "banan",
      logLevel: "silent",
      webDist: dir,
      trustProxy: false,
    });
    const other = startProcess({ RELIEF_DB: databasePath, LOG_LEVEL: "info" });
    child = other.child;
    urls = [inProcess.url, await other.listening];
  });

  afterAll(async () => {
    child.kill("SIGTERM");
    await inProcess.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("checks three of 40 parallel guesses sent to both servers and refuses the rest, the right password included", async () => {
    const passwords = [...Array.from({ length: 39 }, (_, i) => `guess-${i}`), "relief-demo"];
    const results = await Promise.all(
      passwords.map((password, i) => attempt(urls[i % 2] as string, "diaodu", password)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(37);
    expect(statuses.at(-1)).toBe(429);
    const refused = results.filter((r) => r.status === 429);
    expect(refused.every((r) => /^登录尝试过于频繁，请 \d+ (秒|分钟)后再试$/.test(r.message ?? ""))).toBe(
      true,
    );

    const database = openDatabase(databasePath);
    const audits = database.sqlite
      .prepare("SELECT action, COUNT(*) AS n FROM audit_log WHERE action LIKE 'auth.login%' GROUP BY action")
      .all();
    const sessions = database.sqlite.prepare("SELECT COUNT(*) AS n FROM sessions").get();
    database.close();
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: "auth.login.failed", n: 3 },
        { action: "auth.login.throttled", n: 37 },
      ]),
    );
    expect(audits).not.toContainEqual(expect.objectContaining({ action: "auth.login" }));
    expect(sessions).toEqual({ n: 0 });
  });
});
