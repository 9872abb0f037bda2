import { type DbOrTx, loginLimits, preparedOnce, type rawClient } from "@relief/db";
import { type Message, msg } from "@relief/domain";
import { lt } from "drizzle-orm";
import { type RateLimiterRes, RateLimiterSQLite } from "rate-limiter-flexible";

export interface LoginLimits {
  /** Consecutive failures for one user name from one address before delays start. */
  freeFailures: number;
  /** The delay after the first failure beyond the free ones; it doubles with each further failure. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** How long a run of consecutive failures (user name + address) is remembered. */
  streakSeconds: number;
  /** Password checks one address may fail within `perAddressSeconds` before all its attempts are refused. */
  perAddress: number;
  perAddressSeconds: number;
  /**
   * Failed checks for one user name, from all addresses, within `perUserSeconds`. Beyond it only addresses
   * without failures for that user are still checked, so a stranger cannot lock the owner out from everywhere.
   */
  perUser: number;
  perUserSeconds: number;
}

export const LOGIN_THROTTLE: LoginLimits = {
  freeFailures: 3,
  firstDelaySeconds: 1,
  maxDelaySeconds: 15 * 60,
  streakSeconds: 24 * 3600,
  perAddress: 100,
  perAddressSeconds: 24 * 3600,
  perUser: 10,
  perUserSeconds: 15 * 60,
};

export type ThrottleLimit = "address" | "user_address" | "user";

export type LoginAttempt =
  | { ok: true; succeeded(): Promise<void>; failed(): Promise<void> }
  | { ok: false; limit: ThrottleLimit; retryAfterSeconds: number };

/**
 * Counts login attempts in the database with rate-limiter-flexible, so the limits hold across server
 * processes sharing the file and across restarts. Every count is one atomic upsert, and an attempt is
 * counted before its password is checked: parallel or batched guesses each see the ones before them.
 */
export class LoginThrottle {
  private readonly perAddress: RateLimiterSQLite;
  private readonly perUser: RateLimiterSQLite;
  /**
   * Attempts for one user name from one address since its last success or delay, those in flight included:
   * beyond the free ones it refuses, and it holds the delay once one is set.
   */
  private readonly pair: RateLimiterSQLite;
  /** Consecutive failures for one user name from one address: how long the next delay is. */
  private readonly streak: RateLimiterSQLite;

  constructor(
    client: ReturnType<typeof rawClient>,
    readonly limits: LoginLimits,
  ) {
    const limiter = (keyPrefix: string, points: number, duration: number) =>
      new RateLimiterSQLite({
        storeClient: client,
        storeType: "better-sqlite3",
        tableName: "login_limits",
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix,
        points,
        duration,
      });
    this.perAddress = limiter("address", limits.perAddress, limits.perAddressSeconds);
    this.perUser = limiter("user", limits.perUser, limits.perUserSeconds);
    this.pair = limiter("user_address", limits.freeFailures, limits.streakSeconds);
    // Only counted and read, never consumed against: its points play no part.
    this.streak = limiter("streak", 1, limits.streakSeconds);
  }

  /** Counts one attempt; the caller checks the password only when it is allowed, then reports the outcome. */
  async begin(username: string, ip: string | null): Promise<LoginAttempt> {
    const { limits } = this;
    const address = ip ?? "unknown";
    const pairKey = JSON.stringify([username, address]);
    // A refused attempt gives back what it took: only checked passwords count against the address and the
    // user name, and the pair's count stays "failures since the last reset, plus attempts in flight".
    const byAddress = await count(this.perAddress, address);
    if (byAddress.consumedPoints > limits.perAddress) return refusal("address", byAddress.msBeforeNext);

    const byPair = await count(this.pair, pairKey);
    // Read after counting, so a failure that lands in between only makes the answer stricter.
    const failures = (await this.streak.get(pairKey))?.consumedPoints ?? 0;
    // Once delays have started, one attempt at a time after each delay.
    const allowed = failures >= limits.freeFailures ? 1 : limits.freeFailures;
    if (byPair.consumedPoints > allowed) {
      await Promise.all([this.perAddress.reward(address), this.pair.reward(pairKey)]);
      // Held by a delay: what is left of it. Held by attempts in flight: the delay their failure would set.
      const next = this.delaySeconds(Math.max(failures + 1, limits.freeFailures)) * 1000;
      return refusal("user_address", Math.min(byPair.msBeforeNext, next));
    }

    const byUser = await count(this.perUser, username);
    const addressHasFailures = failures > 0 || byPair.consumedPoints > 1;
    if (byUser.consumedPoints > limits.perUser && addressHasFailures) {
      await Promise.all([
        this.perAddress.reward(address),
        this.pair.reward(pairKey),
        this.perUser.reward(username),
      ]);
      return refusal("user", byUser.msBeforeNext);
    }

    return {
      ok: true,
      // Forgets only this user name at this address: failures made elsewhere, even meanwhile, still count.
      succeeded: async () => {
        await Promise.all([
          this.perAddress.reward(address),
          this.perUser.reward(username),
          this.pair.delete(pairKey),
          this.streak.delete(pairKey),
        ]);
      },
      failed: async () => {
        const streak = await this.streak.penalty(pairKey);
        if (streak.consumedPoints >= limits.freeFailures) {
          await this.pair.block(pairKey, this.delaySeconds(streak.consumedPoints));
        }
      },
    };
  }

  /** The first delay after the last free failure, doubling with each further one, up to the maximum. */
  private delaySeconds(failures: number): number {
    const { firstDelaySeconds, maxDelaySeconds, freeFailures } = this.limits;
    return Math.min(maxDelaySeconds, firstDelaySeconds * 2 ** Math.max(0, failures - freeFailures));
  }
}

/** Adds one point and returns the new count whether or not it is over: the caller decides what over means. */
function count(limiter: RateLimiterSQLite, key: string): Promise<RateLimiterRes> {
  return limiter.penalty(key);
}

function refusal(limit: ThrottleLimit, msBeforeNext: number): LoginAttempt {
  return { ok: false, limit, retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) };
}

/**
 * The throttle of a database connection, made at its first login. Tests pass smaller limits before that;
 * asking for other limits later is a mistake and throws.
 */
export function loginThrottle(db: DbOrTx, limits?: LoginLimits): LoginThrottle {
  const throttle = preparedOnce(
    db,
    "auth.loginThrottle",
    (client) => new LoginThrottle(client, limits ?? LOGIN_THROTTLE),
  );
  if (limits && throttle.limits !== limits) throw new Error("login limits are set before the first login");
  return throttle;
}

/** Drops counters past their expiry; the limiter keeps its own clock (`Date.now()`), so this does too. */
export function pruneLoginLimits(db: DbOrTx): void {
  db.delete(loginLimits).where(lt(loginLimits.expire, Date.now())).run();
}

/** "30 秒", "15 分钟", "24 小时": the wait in the unit a person reads best. */
export function formatWait(seconds: number): Message {
  if (seconds < 60) return msg("users.wait.seconds", { count: seconds });
  if (seconds < 2 * 3600) return msg("users.wait.minutes", { count: Math.ceil(seconds / 60) });
  return msg("users.wait.hours", { count: Math.ceil(seconds / 3600) });
}
