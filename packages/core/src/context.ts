import type { DbOrTx, Role, Tx } from "@relief/db";

/** Who is acting. `null` for the system itself (seeding, the command line before any user exists). */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
}

export interface CoreContext {
  db: DbOrTx;
  actor: Actor | null;
  /** Client address, recorded in the audit log. */
  ip?: string | null;
  /** Current time; tests pin it. */
  now?: () => Date;
}

export function nowIso(ctx: Pick<CoreContext, "now">): string {
  return (ctx.now?.() ?? new Date()).toISOString();
}

/**
 * Runs `fn` in a write transaction (BEGIN IMMEDIATE, so concurrent writers queue instead of failing on
 * upgrade), or in a savepoint when the context already carries one. Everything `fn` writes, audit row
 * included, commits or rolls back together.
 */
export function withTransaction<T>(ctx: CoreContext, fn: (tx: Tx) => T): T {
  return ctx.db.transaction((tx) => fn(tx), { behavior: "immediate" });
}
