import type { ApiContext } from "@relief/api";
import { offloadFor, type ReadJobRunner, resolveSession } from "@relief/core";
import type { Db } from "@relief/db";
import type { CreateExpressContextOptions } from "@trpc/server/adapters/express";

export const SESSION_COOKIE = "relief_session";

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function createContextFactory(db: Db, readJobs: ReadJobRunner) {
  return ({ req, res }: CreateExpressContextOptions): ApiContext => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    return {
      db,
      actor: resolveSession(db, token, new Date()),
      ip: req.ip ?? null,
      userAgent: req.get("user-agent") ?? null,
      sessionToken: token,
      setSessionCookie(value, expiresAt) {
        res.cookie(SESSION_COOKIE, value, {
          httpOnly: true,
          sameSite: "lax",
          secure: req.secure,
          path: "/",
          expires: new Date(expiresAt),
        });
      },
      clearSessionCookie() {
        res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "lax", secure: req.secure, path: "/" });
      },
      offload: offloadFor(readJobs, {}),
    };
  };
}
