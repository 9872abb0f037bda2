import { agreementDeclarations } from "@relief/db";
import { msg } from "@relief/domain";
import { eq } from "drizzle-orm";
import { type DeclarationView, getDeclaration } from "../agreements/history";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, NotFoundError, UnauthorizedError } from "../errors";
import { ReviewDeclarationInput } from "./schemas";

/**
 * The commerce bureau reviews a declaration an enterprise submitted, once: accepted, it counts wherever
 * declared stock counts (coverage with declared figures, the line's flags, the credit record's comparison with
 * inspections); returned, it never counts and the enterprise reads the reason on its portal.
 */
export function reviewDeclaration({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: ReviewDeclarationInput;
}): DeclarationView {
  const actor = ctx.actor;
  if (!actor) throw new UnauthorizedError();
  const fields = ReviewDeclarationInput.parse(input);
  const at = nowIso(ctx);
  return withTransaction(ctx, (tx) => {
    const current = tx
      .select({
        id: agreementDeclarations.id,
        status: agreementDeclarations.status,
      })
      .from(agreementDeclarations)
      .where(eq(agreementDeclarations.id, fields.id))
      .get();
    if (!current) throw new NotFoundError(msg("declarations.error.notFound", { id: String(fields.id) }));
    if (current.status !== "submitted") {
      throw new ConflictError(
        msg("declarations.error.alreadyReviewed", {
          id: String(current.id),
          status: msg(`declarations.status.${current.status}`),
        }),
      );
    }
    tx.update(agreementDeclarations)
      .set({
        status: fields.decision === "accept" ? "accepted" : "returned",
        reviewedBy: actor.userId,
        reviewedAt: at,
        returnReason: fields.decision === "return" ? (fields.reason ?? null) : null,
      })
      .where(eq(agreementDeclarations.id, current.id))
      .run();
    recordAudit(tx, ctx, {
      action: "declarations.review",
      targetType: "declaration",
      targetIds: [current.id],
      summary: fields,
    });
    return getDeclaration(tx, current.id);
  });
}
