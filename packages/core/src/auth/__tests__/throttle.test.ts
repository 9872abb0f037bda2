import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  auditLog,
  loginLimits,
  migrateDatabase,
  openDatabase,
  type ReliefDatabase,
  sessions,
} from "@relief/db";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TooManyRequestsError, UnauthorizedError } from "../../errors";
import { contextFor, createSeededDatabase } from "../../testing";
import { login } from "../login";
import { LOGIN_THROTTLE, loginThrottle } from "../throttle";

const T0 = new Date("2026-11-29T03:00:00Z");
const RIGHT = "relief-demo";

/** What one login attempt came to: a session, a checked wrong password, or a refusal before any check. */
async function outcome(promise: Promise<unknown>): Promise<"ok" | 401 | 429> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof UnauthorizedError) return 401;
    if (error instanceof TooManyRequestsError) return 429;
    throw error;
  }
}

function tally(outcomes: Array<"ok" | 401 | 429>) {
  return {
    ok: outcomes.filter((o) => o === "ok").length,
    checkedWrong: outcomes.filter((o) => o === 401).length,
    refused: outcomes.filter((o) => o === 429).length,
  };
}

/** The limiter keeps its own clock (`Date.now()`), so time moves by faking Date. */
function advance(seconds: number) {
  vi.setSystemTime(new Date(Date.now() + seconds * 1000));
}

describe("login throttling", () => {
  let database: ReliefDatabase;
  const attempt = (username: string, password: string, ip = "10.0.0.1") =>
    outcome(login({ ctx: { ...contextFor(database, null), ip }, input: { username, password } }));
  const audits = (action: string) =>
    database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, action))
      .all()
      .map((a) => ({ ip: a.ip, ...JSON.parse(a.summary) }));

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    database = await createSeededDatabase();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("checks only the free attempts among 40 parallel wrong passwords from one address, and audits the refused", async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt("diaodu", `guess-${i}`)));
    expect(tally(results)).toEqual({ ok: 0, checkedWrong: LOGIN_THROTTLE.freeFailures, refused: 37 });
    expect(audits("auth.login.failed")).toHaveLength(LOGIN_THROTTLE.freeFailures);
    const throttled = audits("auth.login.throttled");
    expect(throttled).toHaveLength(37);
    expect(throttled[0]).toMatchObject({ ip: "10.0.0.1", username: "diaodu", limit: "user_address" });
    expect(throttled.every((t) => t.retryAfterSeconds >= 1)).toBe(true);
  });

  it("refuses the right password among parallel guesses once the limit is reached, and opens no session", async () => {
    const guesses = Array.from({ length: 39 }, (_, i) => `guess-${i}`);
    const results = await Promise.all([...guesses, RIGHT].map((p) => attempt("diaodu", p)));
    expect(results.at(-1)).toBe(429);
    expect(tally(results).checkedWrong).toBe(LOGIN_THROTTLE.freeFailures);
    // Now delayed: every parallel attempt, the right one included, is refused before any check.
    const delayed = await Promise.all([RIGHT, "guess-a", RIGHT].map((p) => attempt("diaodu", p)));
    expect(delayed).toEqual([429, 429, 429]);
    expect(database.db.select().from(sessions).all()).toEqual([]);
  });

  it("grows the delay for one user name at one address: 1 s, 2 s, 4 s … up to 15 minutes", async () => {
    // The per-user cap would end this run after ten failures: lifted to watch the delays alone.
    loginThrottle(database.db, { ...LOGIN_THROTTLE, perUser: 1000 });
    for (let i = 0; i < LOGIN_THROTTLE.freeFailures; i++)
      expect(await attempt("diaodu", "wrong-one")).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const refused = login({
        ctx: { ...contextFor(database, null), ip: "10.0.0.1" },
        input: { username: "diaodu", password: "wrong-one" },
      });
      const error = await refused.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TooManyRequestsError);
      const wait = (error as TooManyRequestsError).retryAfterSeconds;
      waits.push(wait);
      advance(wait - 0.5);
      expect(await attempt("diaodu", "wrong-one")).toBe(429);
      advance(0.5);
      // After each delay exactly one attempt is checked, even when several arrive together.
      const after = await Promise.all([attempt("diaodu", "wrong-one"), attempt("diaodu", "wrong-two")]);
      expect(after.sort()).toEqual([401, 429]);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    await expect(
      login({
        ctx: { ...contextFor(database, null), ip: "10.0.0.1" },
        input: { username: "diaodu", password: RIGHT },
      }),
    ).rejects.toThrow("登录尝试过于频繁，请 15 分钟后再试");
  });

  it("forgets the failures of one user name at one address when it logs in there", async () => {
    for (let i = 0; i < LOGIN_THROTTLE.freeFailures; i++) await attempt("diaodu", "wrong-one");
    advance(1);
    expect(await attempt("diaodu", RIGHT)).toBe("ok");
    const again = await Promise.all([1, 2, 3].map(() => attempt("diaodu", "wrong-one")));
    expect(again).toEqual([401, 401, 401]);
  });

  it("lets the owner in from an address without failures when strangers have used up the user's cap", async () => {
    // Strangers fail from four addresses: 3 + 3 + 3 + 1 reach the per-user cap of 10.
    const strangers = { "10.9.0.1": 3, "10.9.0.2": 3, "10.9.0.3": 3, "10.9.0.4": 1 };
    for (const [ip, failures] of Object.entries(strangers)) {
      for (let i = 0; i < failures; i++) expect(await attempt("diaodu", "guess", ip)).toBe(401);
    }
    advance(1);
    // A stranger's address that has failed for this user is refused by the user's cap, right password or not.
    expect(await attempt("diaodu", RIGHT, "10.9.0.1")).toBe(429);
    expect(audits("auth.login.throttled").at(-1)).toMatchObject({ ip: "10.9.0.1", limit: "user" });
    // A fresh address gets its password checked: a stranger's guess fails, and that address is now refused.
    expect(await attempt("diaodu", "guess", "10.9.0.5")).toBe(401);
    expect(await attempt("diaodu", RIGHT, "10.9.0.5")).toBe(429);
    // The owner, from an address with no failures, logs in.
    expect(await attempt("diaodu", RIGHT, "10.1.1.1")).toBe("ok");
    advance(LOGIN_THROTTLE.perUserSeconds);
    expect(await attempt("diaodu", RIGHT, "10.9.0.2")).toBe("ok");
  });

  it("does not let a success wipe failures made meanwhile from another address", async () => {
    const results = await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => attempt("diaodu", `guess-${i}`, "10.9.0.1")),
      attempt("diaodu", RIGHT, "10.1.1.1"),
    ]);
    expect(results.at(-1)).toBe("ok");
    expect(tally(results.slice(0, 5))).toMatchObject({ checkedWrong: 3, refused: 2 });
    // The stranger's address is still delayed, and its next failure doubles the delay.
    expect(await attempt("diaodu", RIGHT, "10.9.0.1")).toBe(429);
    advance(1);
    expect(await attempt("diaodu", "guess", "10.9.0.1")).toBe(401);
    const next = await login({
      ctx: { ...contextFor(database, null), ip: "10.9.0.1" },
      input: { username: "diaodu", password: RIGHT },
    }).catch((e: unknown) => e);
    expect((next as TooManyRequestsError).retryAfterSeconds).toBe(2);
    // The user's count keeps the four failures; the owner's success took back only its own attempt.
    const userCount = database.db.select().from(loginLimits).where(eq(loginLimits.key, "user:diaodu")).get();
    expect(userCount?.points).toBe(4);
  });

  it("caps the password checks one address may fail, across user names, and refuses it until the window passes", async () => {
    loginThrottle(database.db, { ...LOGIN_THROTTLE, perAddress: 5 });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => attempt(`nobody${i}`, "guess", "10.6.6.6")),
    );
    expect(tally(results)).toMatchObject({ checkedWrong: 5, refused: 3 });
    expect(audits("auth.login.throttled").map((t) => t.limit)).toEqual(["address", "address", "address"]);
    // The right password from that address is refused too; other addresses are not.
    expect(await attempt("diaodu", RIGHT, "10.6.6.6")).toBe(429);
    expect(await attempt("diaodu", RIGHT, "10.7.7.7")).toBe("ok");
    advance(LOGIN_THROTTLE.perAddressSeconds);
    expect(await attempt("diaodu", RIGHT, "10.6.6.6")).toBe("ok");
  });

  it("does not count successful logins against the address", async () => {
    loginThrottle(database.db, { ...LOGIN_THROTTLE, perAddress: 2 });
    for (const username of ["admin", "minzheng", "shangwu", "diaodu", "lingdao"]) {
      expect(await attempt(username, RIGHT)).toBe("ok");
    }
  });
});

describe("login throttling across connections", () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "relief-throttle-"));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("holds across two connections to one file, and after reopening it", async () => {
    const file = path.join(dir, "relief.db");
    const first = openDatabase(file);
    migrateDatabase(first.db);
    const second = openDatabase(file);
    const attempt = (database: ReliefDatabase) =>
      outcome(
        login({
          ctx: { ...contextFor(database, null), ip: "10.0.0.1" },
          input: { username: "x", password: "y" },
        }),
      );
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(i % 2 ? first : second)));
    expect(tally(results)).toMatchObject({ checkedWrong: LOGIN_THROTTLE.freeFailures, refused: 17 });
    first.close();
    second.close();
    const reopened = openDatabase(file);
    expect(await attempt(reopened)).toBe(429);
    reopened.close();
  });
});
