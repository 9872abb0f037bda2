import { users } from "@relief/db";
import { msg } from "@relief/domain";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { UnauthorizedError, ValidationError } from "../errors";
import { hashPassword, verifyPassword } from "./password";
import { refusePasswordEqualToUsername } from "./password-policy";
import type { ChangePasswordInput } from "./schemas";
import { deleteUserSessions } from "./session";

/** Changes the acting user's own password and ends their other sessions (the caller re-logs in). */
export async function changePassword({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: ChangePasswordInput;
}): Promise<void> {
  if (!ctx.actor) throw new UnauthorizedError();
  const { userId, username } = ctx.actor;
  refusePasswordEqualToUsername(input.newPassword, username, "newPassword");
  const user = ctx.db.select().from(users).where(eq(users.id, userId)).get();
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    const wrong = msg("users.error.wrongCurrentPassword");
    throw new ValidationError(wrong, [{ field: "currentPassword", message: wrong }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  withTransaction(ctx, (tx) => {
    tx.update(users)
      .set({ passwordHash, updatedAt: nowIso(ctx) })
      .where(eq(users.id, userId))
      .run();
    deleteUserSessions(tx, userId);
    recordAudit(tx, ctx, { action: "auth.changePassword", targetType: "user", targetIds: [userId] });
  });
}
