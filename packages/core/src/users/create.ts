import { users } from "@relief/db";
import { msg } from "@relief/domain";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { hashPassword } from "../auth/password";
import { refusePasswordEqualToUsername } from "../auth/password-policy";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError } from "../errors";
import { assertMayManageAccount, checkEnterpriseBinding } from "./binding";
import type { CreateUserInput } from "./schemas";
import { toUserView, type UserView } from "./view";

export async function createUser({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: CreateUserInput;
}): Promise<UserView> {
  assertMayManageAccount(ctx.actor, input.role);
  refusePasswordEqualToUsername(input.password, input.username, "password");
  const passwordHash = await hashPassword(input.password);
  return withTransaction(ctx, (tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) {
      const taken = msg("users.error.usernameTaken", { username: input.username });
      throw new ConflictError(taken, [{ field: "username", message: taken }]);
    }
    checkEnterpriseBinding(tx, input.role, input.enterpriseId ?? null);
    const at = nowIso(ctx);
    const row = tx
      .insert(users)
      .values({
        ...input,
        enterpriseId: input.enterpriseId ?? null,
        passwordHash,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
      .get();
    recordAudit(tx, ctx, { action: "users.create", targetType: "user", targetIds: [row.id], summary: input });
    return toUserView(row);
  });
}
