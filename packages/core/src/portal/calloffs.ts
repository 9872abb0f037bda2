import { agreementCalloffs, agreementLines, agreements, creditEvents, type Tx } from "@relief/db";
import { msg, zh } from "@relief/domain";
import { eq } from "drizzle-orm";
import { openCalloff } from "../agreements/calloffs";
import { type CalloffView, getCalloff } from "../agreements/history";
import { lineQuantity, loadLine } from "../agreements/line";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { NotFoundError, UnauthorizedError, ValidationError } from "../errors";
import { localDate } from "../time";
import { AcknowledgeCalloffInput, CannotDeliverInput } from "./schemas";
import { portalEnterpriseId } from "./scope";

/**
 * An open call-off addressed to the acting enterprise. Another enterprise's call-off is "not found", like one
 * that does not exist, so its number and holder stay unseen.
 */
function ownOpenCalloff(tx: Tx, ctx: CoreContext, id: number) {
  const enterpriseId = portalEnterpriseId(tx, ctx);
  const owner = tx
    .select({ enterpriseId: agreements.enterpriseId })
    .from(agreementCalloffs)
    .innerJoin(agreementLines, eq(agreementLines.id, agreementCalloffs.lineId))
    .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
    .where(eq(agreementCalloffs.id, id))
    .get();
  if (owner?.enterpriseId !== enterpriseId) {
    throw new NotFoundError(msg("agreements.error.calloffNotFound", { id: String(id) }));
  }
  return { enterpriseId, calloff: openCalloff(tx, id) };
}

/**
 * 确认调用: the enterprise confirms it will deliver and when its goods (or trucks) should leave. Given again, the
 * estimate is replaced; it also withdraws an earlier report that it could not deliver.
 */
export function acknowledgeCalloff({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: AcknowledgeCalloffInput;
}): CalloffView {
  const actor = ctx.actor;
  if (!actor) throw new UnauthorizedError();
  const fields = AcknowledgeCalloffInput.parse(input);
  const at = nowIso(ctx);
  const estimatedDeparture = new Date(fields.estimatedDeparture).toISOString();
  return withTransaction(ctx, (tx) => {
    const { calloff } = ownOpenCalloff(tx, ctx, fields.id);
    if (estimatedDeparture < calloff.requestedAt) {
      throw new ValidationError(msg("portal.error.departureBeforeRequest", { number: calloff.number }), [
        { field: "estimatedDeparture", message: msg("agreements.error.beforeRequest") },
      ]);
    }
    tx.update(agreementCalloffs)
      .set({
        acknowledgedAt: at,
        estimatedDeparture,
        cannotDeliverAt: null,
        cannotDeliverReason: null,
        canDeliverQuantity: null,
        answeredBy: actor.userId,
        updatedAt: at,
      })
      .where(eq(agreementCalloffs.id, calloff.id))
      .run();
    recordAudit(tx, ctx, {
      action: "portal.acknowledgeCalloff",
      targetType: "calloff",
      targetIds: [calloff.id],
      summary: { ...fields, estimatedDeparture },
    });
    return getCalloff(tx, calloff.id, at);
  });
}

/**
 * 无法交付: the enterprise reports that it cannot deliver the call-off in full, why, and how much it can. Dispatch
 * and the bureau see it on the call-off at once. It is noted on the enterprise's credit record as a failed
 * delivery (未能交付, the existing event and its points), once per call-off; the call-off itself still counts
 * for the on-time and fill rates when it is confirmed or falls due, as every call-off does.
 */
export function reportCannotDeliver({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: CannotDeliverInput;
}): CalloffView {
  const actor = ctx.actor;
  if (!actor) throw new UnauthorizedError();
  const fields = CannotDeliverInput.parse(input);
  const at = nowIso(ctx);
  return withTransaction(ctx, (tx) => {
    const { enterpriseId, calloff } = ownOpenCalloff(tx, ctx, fields.id);
    const line = loadLine(tx, calloff.lineId);
    const canDeliver = lineQuantity(line, fields.canDeliver, fields.unit, {
      label: msg("portal.field.canDeliver"),
      field: "canDeliver",
    });
    if (canDeliver >= calloff.quantity) {
      throw new ValidationError(
        msg("portal.error.canDeliverAll", { number: calloff.number, quantity: calloff.quantity }),
        [
          {
            field: "canDeliver",
            message: msg("portal.error.canDeliverBelow", { quantity: calloff.quantity }),
          },
        ],
      );
    }
    const firstReport = calloff.cannotDeliverAt === null;
    tx.update(agreementCalloffs)
      .set({
        acknowledgedAt: null,
        estimatedDeparture: null,
        cannotDeliverAt: at,
        cannotDeliverReason: fields.reason,
        canDeliverQuantity: canDeliver,
        answeredBy: actor.userId,
        updatedAt: at,
      })
      .where(eq(agreementCalloffs.id, calloff.id))
      .run();
    if (firstReport) {
      tx.insert(creditEvents)
        .values({
          enterpriseId,
          occurredOn: localDate(at),
          kind: "failed_delivery",
          // A record kept in the district's language, like the bureau's own notes.
          note: zh(msg("portal.note.cannotDeliver", { number: calloff.number, reason: fields.reason })),
          recordedBy: actor.userId,
          recordedAt: at,
        })
        .run();
    }
    recordAudit(tx, ctx, {
      action: "portal.cannotDeliver",
      targetType: "calloff",
      targetIds: [calloff.id],
      summary: { ...fields, canDeliver },
    });
    return getCalloff(tx, calloff.id, at);
  });
}
