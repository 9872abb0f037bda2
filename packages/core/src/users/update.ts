import { type DbOrTx, users } from "@relief/db";
import { msg } from "@relief/domain";
import { and, count, eq, ne } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { hashPassword } from "../auth/password";
import { refusePasswordEqualToUsername } from "../auth/password-policy";
import { deleteUserSessions } from "../auth/session";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, NotFoundError } from "../errors";
import { assertMayManageAccount, checkEnterpriseBinding } from "./binding";
import type { ResetPasswordInput, UpdateUserInput } from "./schemas";
import { toUserView, type UserView } from "./view";

function getUser(db: DbOrTx, id: number) {
  const user = db.select().from(users).where(eq(users.id, id)).get();
  if (!user) throw new NotFoundError(msg("users.error.notFound", { id: String(id) }));
  return user;
}

/** Changes name, role or active flag. The last active administrator can be neither demoted nor disabled. */
export function updateUser({ ctx, input }: { ctx: CoreContext; input: UpdateUserInput }): UserView {
  return withTransaction(ctx, (tx) => {
    const before = getUser(tx, input.id);
    const { id, ...requested } = input;
    const role = requested.role ?? before.role;
    assertMayManageAccount(ctx.actor, before.role, role);
    const enterpriseId =
      requested.enterpriseId !== undefined
        ? requested.enterpriseId
        : role === "enterprise"
          ? before.enterpriseId
          : null;
    checkEnterpriseBinding(tx, role, enterpriseId);
    const changes = { ...requested, enterpriseId };
    const losesAdmin =
      before.role === "admin" &&
      before.active &&
      ((changes.role && changes.role !== "admin") || changes.active === false);
    if (losesAdmin) {
      const others =
        tx
          .select({ n: count() })
          .from(users)
          .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, id)))
          .get()?.n ?? 0;
      if (others === 0) throw new ConflictError(msg("users.error.lastAdmin"));
    }
    const after = tx
      .update(users)
      .set({ ...changes, updatedAt: nowIso(ctx) })
      .where(eq(users.id, id))
      .returning()
      .get();
    // A session acts as the account was when it began: a new role or binding signs the user out.
    if (changes.active === false || role !== before.role || enterpriseId !== before.enterpriseId)
      deleteUserSessions(tx, id);
    recordAudit(tx, ctx, { action: "users.update", targetType: "user", targetIds: [id], summary: changes });
    return toUserView(after);
  });
}

/** An administrator sets a new password; the user's sessions end. */
export async function resetPassword({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: ResetPasswordInput;
}): Promise<void> {
  const user = getUser(ctx.db, input.id);
  assertMayManageAccount(ctx.actor, user.role);
  refusePasswordEqualToUsername(input.password, user.username, "password");
  const passwordHash = await hashPassword(input.password);
  withTransaction(ctx, (tx) => {
    getUser(tx, input.id);
    tx.update(users)
      .set({ passwordHash, updatedAt: nowIso(ctx) })
      .where(eq(users.id, input.id))
      .run();
    deleteUserSessions(tx, input.id);
    recordAudit(tx, ctx, { action: "users.resetPassword", targetType: "user", targetIds: [input.id] });
  });
}
