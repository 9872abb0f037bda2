import { openDatabase } from "@relief/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTwoServers } from "./process";

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
  let servers: Awaited<ReturnType<typeof startTwoServers>>;
  let urls: string[];

  beforeAll(async () => {
    // The first delay outlasts the burst however slowly a loaded machine answers it: after the three free
    // failures no fourth password may be checked while the guesses are still arriving.
    servers = await startTwoServers("relief-login-", { loginDelaySeconds: 600 });
    urls = servers.urls;
  });

  afterAll(() => servers.close());

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

    const database = openDatabase(servers.databasePath);
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
