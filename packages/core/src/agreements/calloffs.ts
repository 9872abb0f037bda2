import { agreementCalloffs, type Tx } from "@relief/db";
import { msg, zh } from "@relief/domain";
import { and, eq, isNull, like, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, NotFoundError, UnauthorizedError, ValidationError } from "../errors";
import { localDate } from "../time";
import { type CalloffView, getCalloff } from "./history";
import { lineQuantity, loadLine } from "./line";
import { CancelCalloffInput, ConfirmCalloffInput, CreateCalloffInput } from "./schemas";
import { agreementStatus, isInForce } from "./status";

/**
 * Calls off an agreement line: asks the enterprise to deliver stock, produce goods or send trucks. The
 * agreement must be in force when the call-off is made; stock and truck call-offs may not ask for more than
 * the line commits, counting call-offs still open. Required-by defaults to the request time plus the
 * line's response time (响应时限).
 */
export function createCalloff({ ctx, input }: { ctx: CoreContext; input: CreateCalloffInput }): CalloffView {
  const actor = ctx.actor;
  if (!actor) throw new UnauthorizedError();
  const fields = CreateCalloffInput.parse(input);
  const at = nowIso(ctx);
  const requestedAt = new Date(fields.requestedAt ?? at).toISOString();
  return withTransaction(ctx, (tx) => {
    const line = loadLine(tx, fields.lineId);
    const status = agreementStatus(line, localDate(requestedAt));
    if (!isInForce(status)) {
      const period = { number: line.agreementNumber, start: line.startDate, end: line.endDate };
      throw new ConflictError(
        line.terminatedOn
          ? msg("agreements.error.calloffOutOfForceTerminated", { ...period, terminated: line.terminatedOn })
          : msg("agreements.error.calloffOutOfForce", period),
      );
    }
    if (requestedAt > at) {
      throw new ValidationError(msg("agreements.error.requestedInFuture"), [
        { field: "requestedAt", message: msg("agreements.error.notAfterNow") },
      ]);
    }
    const quantity = lineQuantity(line, fields.quantity, fields.unit, {
      label: msg("agreements.field.calloffQuantity"),
      field: "quantity",
    });
    if (line.kind !== "production") {
      const open =
        tx
          .select({ q: sql<number>`COALESCE(SUM(${agreementCalloffs.quantity}), 0)` })
          .from(agreementCalloffs)
          .where(
            and(
              eq(agreementCalloffs.lineId, line.id),
              isNull(agreementCalloffs.deliveredAt),
              isNull(agreementCalloffs.cancelledAt),
            ),
          )
          .get()?.q ?? 0;
      if (quantity + open > line.quantity) {
        const unit = line.item?.baseUnit ?? msg("agreements.unit.truck");
        const max = Math.max(0, line.quantity - open);
        throw new ValidationError(
          msg("agreements.error.calloffOverCommitment", { committed: line.quantity, open, max, unit }),
          [{ field: "quantity", message: msg("agreements.error.atMost", { max, unit }) }],
        );
      }
    }
    const requiredBy = new Date(
      fields.requiredBy ?? Date.parse(requestedAt) + line.responseHours * 3_600_000,
    ).toISOString();
    if (requiredBy <= requestedAt) {
      throw new ValidationError(msg("agreements.error.requiredByBeforeRequest"), [
        { field: "requiredBy", message: msg("agreements.error.afterRequest") },
      ]);
    }
    const month = localDate(requestedAt).slice(0, 7).replace("-", "");
    const last = tx
      .select({ n: sql<number | null>`MAX(CAST(substr(${agreementCalloffs.number}, 11) AS INTEGER))` })
      .from(agreementCalloffs)
      .where(like(agreementCalloffs.number, `DY-${month}-%`))
      .get();
    const number = `DY-${month}-${String((last?.n ?? 0) + 1).padStart(4, "0")}`;
    const row = tx
      .insert(agreementCalloffs)
      .values({
        number,
        lineId: line.id,
        quantity,
        requestedAt,
        requiredBy,
        dispatchRef: fields.dispatchRef,
        note: fields.note,
        recordedBy: actor.userId,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: agreementCalloffs.id })
      .get();
    recordAudit(tx, ctx, {
      action: "agreements.calloff",
      targetType: "calloff",
      targetIds: [row.id],
      summary: { ...fields, number, quantity, requestedAt, requiredBy },
    });
    return getCalloff(tx, row.id, at);
  });
}

/** A call-off still waiting for its delivery: neither delivered nor cancelled. */
export function openCalloff(tx: Tx, id: number) {
  const current = tx.select().from(agreementCalloffs).where(eq(agreementCalloffs.id, id)).get();
  if (!current) throw new NotFoundError(msg("agreements.error.calloffNotFound", { id: String(id) }));
  if (current.cancelledAt !== null)
    throw new ConflictError(msg("agreements.error.calloffCancelled", { number: current.number }));
  if (current.deliveredAt !== null)
    throw new ConflictError(msg("agreements.error.calloffDelivered", { number: current.number }));
  return current;
}

/** Confirms what an enterprise delivered against a call-off (0 when nothing came); once. */
export function confirmCalloff({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: ConfirmCalloffInput;
}): CalloffView {
  const fields = ConfirmCalloffInput.parse(input);
  const at = nowIso(ctx);
  const deliveredAt = new Date(fields.deliveredAt).toISOString();
  return withTransaction(ctx, (tx) => {
    const current = openCalloff(tx, fields.id);
    const line = loadLine(tx, current.lineId);
    const delivered = lineQuantity(line, fields.deliveredQuantity, fields.unit, {
      label: msg("agreements.field.deliveredQuantity"),
      field: "deliveredQuantity",
    });
    if (delivered > current.quantity) {
      throw new ValidationError(
        msg("agreements.error.deliveredOverRequested", { delivered, requested: current.quantity }),
        [
          {
            field: "deliveredQuantity",
            message: msg("agreements.error.deliveredAtMost", { requested: current.quantity }),
          },
        ],
      );
    }
    if (deliveredAt < current.requestedAt) {
      throw new ValidationError(msg("agreements.error.deliveredBeforeRequest"), [
        { field: "deliveredAt", message: msg("agreements.error.beforeRequest") },
      ]);
    }
    if (deliveredAt > at) {
      throw new ValidationError(msg("agreements.error.deliveredInFuture"), [
        { field: "deliveredAt", message: msg("agreements.error.notAfterNow") },
      ]);
    }
    tx.update(agreementCalloffs)
      .set({
        deliveredQuantity: delivered,
        deliveredAt,
        confirmedBy: fields.confirmedBy,
        note: fields.note ?? current.note,
        updatedAt: at,
      })
      .where(eq(agreementCalloffs.id, current.id))
      .run();
    recordAudit(tx, ctx, {
      action: "agreements.confirmCalloff",
      targetType: "calloff",
      targetIds: [current.id],
      summary: { ...fields, deliveredQuantity: delivered },
    });
    return getCalloff(tx, current.id, at);
  });
}

/** Cancels an open call-off; it then counts neither for nor against the enterprise's credit. */
export function cancelCalloff({ ctx, input }: { ctx: CoreContext; input: CancelCalloffInput }): CalloffView {
  const fields = CancelCalloffInput.parse(input);
  const at = nowIso(ctx);
  return withTransaction(ctx, (tx) => {
    const current = openCalloff(tx, fields.id);
    tx.update(agreementCalloffs)
      .set({
        cancelledAt: at,
        // The note is a record kept in the district's language, like the rest of the call-off.
        note: [current.note, zh(msg("agreements.note.cancelled", { reason: fields.reason }))]
          .filter(Boolean)
          .join("；"),
        updatedAt: at,
      })
      .where(eq(agreementCalloffs.id, current.id))
      .run();
    recordAudit(tx, ctx, {
      action: "agreements.cancelCalloff",
      targetType: "calloff",
      targetIds: [current.id],
      summary: fields,
    });
    return getCalloff(tx, current.id, at);
  });
}
