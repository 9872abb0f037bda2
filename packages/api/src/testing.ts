import { inlineReadJobs, offloadFor } from "@relief/core";
import { actorFor, contextFor } from "@relief/core/testing";
import type { ReliefDatabase } from "@relief/db";
import { TRPCError } from "@trpc/server";
import { createCaller } from "./root";
import type { ApiContext } from "./trpc";

/** The API context a request from `username` (or an anonymous one) would get; cookie writes are recorded. */
export function apiContext(database: ReliefDatabase, username: string | null) {
  const actor = username ? actorFor(database, username) : null;
  const cookies: { set: Array<{ token: string; expiresAt: string }>; cleared: number } = {
    set: [],
    cleared: 0,
  };
  const ctx: ApiContext = {
    ...contextFor(database, actor),
    db: database.db,
    ip: "127.0.0.1",
    userAgent: "vitest",
    sessionToken: undefined,
    setSessionCookie: (token, expiresAt) => cookies.set.push({ token, expiresAt }),
    clearSessionCookie: () => {
      cookies.cleared += 1;
    },
    offload: offloadFor(inlineReadJobs(database.db), {}),
  };
  return { ctx, cookies };
}

/** A server-side caller acting as a Banan demo account (`admin`, `minzheng`, …) or anonymously. */
export function callerAs(database: ReliefDatabase, username: string | null) {
  return createCaller(apiContext(database, username).ctx);
}

/** The tRPC error a call ends with; fails the test when the call succeeds. */
export async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}
