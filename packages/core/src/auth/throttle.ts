import { type DbOrTx, loginFailures } from "@relief/db";
import { and, count, eq, gte, lt, min } from "drizzle-orm";

/** Failed logins are counted in the database, so the limit holds across restarts and processes. */
export const LOGIN_THROTTLE = {
  windowMinutes: 15,
  maxPerUsername: 5,
  maxPerIp: 30,
} as const;

export interface ThrottleState {
  blocked: boolean;
  retryAfterSeconds: number;
}

function windowStart(now: Date): string {
  return new Date(now.getTime() - LOGIN_THROTTLE.windowMinutes * 60_000).toISOString();
}

export function loginThrottleState(
  db: DbOrTx,
  username: string,
  ip: string | null,
  now: Date,
): ThrottleState {
  const since = windowStart(now);
  const check = (
    column: typeof loginFailures.username | typeof loginFailures.ip,
    value: string,
    max: number,
  ) => {
    const row = db
      .select({ n: count(), first: min(loginFailures.at) })
      .from(loginFailures)
      .where(and(eq(column, value), gte(loginFailures.at, since)))
      .get();
    if (!row || row.n < max || !row.first) return 0;
    const freeAt = new Date(row.first).getTime() + LOGIN_THROTTLE.windowMinutes * 60_000;
    return Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
  };
  const wait = Math.max(
    check(loginFailures.username, username, LOGIN_THROTTLE.maxPerUsername),
    ip ? check(loginFailures.ip, ip, LOGIN_THROTTLE.maxPerIp) : 0,
  );
  return { blocked: wait > 0, retryAfterSeconds: wait };
}

export function recordLoginFailure(db: DbOrTx, username: string, ip: string | null, now: Date): void {
  db.delete(loginFailures)
    .where(lt(loginFailures.at, windowStart(now)))
    .run();
  db.insert(loginFailures).values({ username, ip, at: now.toISOString() }).run();
}

export function clearLoginFailures(db: DbOrTx, username: string): void {
  db.delete(loginFailures).where(eq(loginFailures.username, username)).run();
}
