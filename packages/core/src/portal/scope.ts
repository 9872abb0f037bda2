import { type DbOrTx, users } from "@relief/db";
import { eq } from "drizzle-orm";
import type { CoreContext } from "../context";
import { ForbiddenError, UnauthorizedError } from "../errors";

/**
 * The enterprise the acting enterprise user is bound to, read from its account on every call rather than
 * carried in the session, so a rebinding or a disabled account takes effect at once. Every portal read and
 * write is narrowed to this id; nothing the portal answers comes from another enterprise.
 */
export function portalEnterpriseId(db: DbOrTx, ctx: Pick<CoreContext, "actor">): number {
  const actor = ctx.actor;
  if (!actor) throw new UnauthorizedError();
  const row = db
    .select({ enterpriseId: users.enterpriseId })
    .from(users)
    .where(eq(users.id, actor.userId))
    .get();
  if (actor.role !== "enterprise" || row?.enterpriseId == null) throw new ForbiddenError();
  return row.enterpriseId;
}
