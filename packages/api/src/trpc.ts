import {
  type Actor,
  type CoreContext,
  DomainError,
  ForbiddenError,
  type Offload,
  UnauthorizedError,
} from "@relief/core";
import type { Db, Role } from "@relief/db";
import { zh } from "@relief/domain";
import { initTRPC } from "@trpc/server";
import { clientText, errorDetails, incidentId, toTRPCError } from "./errors";

export interface ApiContext extends CoreContext {
  db: Db;
  actor: Actor | null;
  ip: string | null;
  userAgent: string | null;
  /** The raw session token from the cookie, for logout. */
  sessionToken: string | undefined;
  setSessionCookie(token: string, expiresAt: string): void;
  clearSessionCookie(): void;
  /** Runs a long whole-table read (verify, exports) off the request thread where the database allows it. */
  offload: Offload;
}

/** Which roles may call a procedure; `public` only for logging in. Declared on every procedure. */
export interface ApiMeta {
  roles: readonly Role[] | "public";
}

const t = initTRPC
  .context<ApiContext>()
  .meta<ApiMeta>()
  .create({
    isDev: process.env.NODE_ENV === "development",
    errorFormatter({ shape, error }) {
      const details = errorDetails(error.cause);
      const incident = error.code === "INTERNAL_SERVER_ERROR" ? incidentId(error) : undefined;
      const text = clientText(error, details);
      return {
        ...shape,
        message: zh(text),
        data: { ...shape.data, details, text, ...(incident ? { incident } : {}) },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  return result;
});

/**
 * Session and role checks run before input validation, so an anonymous or unauthorised caller learns
 * nothing about a procedure's input.
 */
const enforceRoles = t.middleware(({ ctx, meta, next }) => {
  if (!ctx.actor) throw toTRPCError(new UnauthorizedError());
  const roles = meta?.roles;
  if (roles !== "public" && !roles?.includes(ctx.actor.role)) throw toTRPCError(new ForbiddenError());
  return next({ ctx: { actor: ctx.actor } });
});

const base = t.procedure.use(mapDomainErrors);

/** A procedure open to the given roles; the only way, besides `publicProcedure`, to declare one. */
export function allow(roles: readonly Role[]) {
  return base.meta({ roles }).use(enforceRoles);
}

/** Open to anyone: for logging in only. */
export const publicProcedure = base.meta({ roles: "public" });

/** The role groups procedures are declared with live in the domain package, where the web app reads them too. */
export {
  ACCOUNT_MANAGERS,
  ADMIN,
  AREA_EDITORS,
  CATALOG_EDITORS,
  COVERAGE_EDITORS,
  DISPATCH_ROLES,
  ENTERPRISE_EDITORS,
  PORTAL_USERS,
  SIGNED_IN,
  STAFF,
  STOCK_KEEPERS,
  STOCK_MANAGERS,
  WAREHOUSE_EDITORS,
} from "@relief/domain";
