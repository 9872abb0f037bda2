import {
  type Actor,
  type CoreContext,
  DomainError,
  ForbiddenError,
  type Offload,
  UnauthorizedError,
} from "@relief/core";
import type { Db, Role } from "@relief/db";
import { initTRPC } from "@trpc/server";
import { clientMessage, errorDetails, incidentId, toTRPCError } from "./errors";

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
      return {
        ...shape,
        message: clientMessage(error, details),
        data: { ...shape.data, details, ...(incident ? { incident } : {}) },
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

export const ALL_ROLES: readonly Role[] = ["admin", "civil_affairs", "commerce", "dispatcher", "leader"];
export const ADMIN: readonly Role[] = ["admin"];
/** Who maintains the area register and its population figures. */
export const AREA_EDITORS: readonly Role[] = ["admin", "civil_affairs"];
/** Who maintains the material catalog. */
export const CATALOG_EDITORS: readonly Role[] = ["admin", "civil_affairs"];
/**
 * Who registers and edits warehouses. The core narrows it per warehouse by owner: civil affairs the
 * warehouses of civil-affairs kinds, the commerce bureau its own and the enterprise sites.
 */
export const WAREHOUSE_EDITORS: readonly Role[] = ["admin", "civil_affairs", "commerce"];
/**
 * Who posts stock documents and sets lot conditions. The core narrows it per warehouse: civil-affairs staff
 * post in the warehouses assigned to them, the commerce bureau in the warehouses it owns; a lot's condition
 * belongs to whoever owns every warehouse holding the lot.
 */
export const STOCK_KEEPERS: readonly Role[] = ["admin", "civil_affairs", "commerce"];
/** Ledger verification applies district-wide. */
export const STOCK_MANAGERS: readonly Role[] = ["admin", "civil_affairs"];
/** Reservations for a dispatch: stock keepers in their warehouses, dispatchers everywhere. */
export const DISPATCH_ROLES: readonly Role[] = ["admin", "civil_affairs", "commerce", "dispatcher"];
/** The commerce bureau keeps the register of partner enterprises and their agreements. */
export const ENTERPRISE_EDITORS: readonly Role[] = ["admin", "commerce"];
/** Quotas, shelters and coverage snapshots: civil affairs, who answer for the reserve target. */
export const COVERAGE_EDITORS: readonly Role[] = ["admin", "civil_affairs"];
