import { recordAudit } from "../audit/record";
import { type CoreContext, withTransaction } from "../context";
import { deleteSession } from "./session";

export function logout({ ctx, token }: { ctx: CoreContext; token: string | undefined }): void {
  withTransaction(ctx, (tx) => {
    if (token) deleteSession(tx, token);
    recordAudit(tx, ctx, {
      action: "auth.logout",
      targetType: "user",
      targetIds: ctx.actor ? [ctx.actor.userId] : [],
    });
  });
}
