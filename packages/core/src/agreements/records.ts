import { agreementDeclarations, agreementVerifications, type Tx } from "@relief/db";
import { msg } from "@relief/domain";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, UnauthorizedError, ValidationError } from "../errors";
import { assertDates, DATE_WINDOWS } from "../limits";
import { localDate } from "../time";
import { type LineContext, lineQuantity, loadLine } from "./line";
import { type AgreementView, getAgreement } from "./list";
import { DeclareInput, VerifyInput } from "./schemas";

const RECORD_REFUSALS = {
  declare: { notStock: "agreements.error.declareNotStock", terminated: "agreements.error.declareTerminated" },
  verify: { notStock: "agreements.error.verifyNotStock", terminated: "agreements.error.verifyTerminated" },
} as const;

function stockLine(tx: Tx, lineId: number, what: "declare" | "verify", date: string): LineContext {
  const line = loadLine(tx, lineId);
  const refusals = RECORD_REFUSALS[what];
  if (line.kind !== "stock") {
    throw new ValidationError(msg(refusals.notStock, { number: line.agreementNumber }), [
      { field: "lineId", message: msg("agreements.error.notStockLine") },
    ]);
  }
  if (line.terminatedOn !== null && line.terminatedOn <= date) {
    throw new ConflictError(
      msg(refusals.terminated, { number: line.agreementNumber, date: line.terminatedOn }),
    );
  }
  return line;
}

/**
 * Records an enterprise's declared on-hand quantity for an agreement stock line, as of a date (entered by
 * the commerce bureau, or from the declaration sheet the enterprise fills in).
 */
export function declareStock({
  ctx,
  input,
  source = "entered",
}: {
  ctx: CoreContext;
  input: DeclareInput;
  source?: "entered" | "imported";
}): AgreementView {
  const actor = ctx.actor;
  if (!actor) throw new UnauthorizedError();
  const fields = DeclareInput.parse(input);
  const at = nowIso(ctx);
  return withTransaction(ctx, (tx) => {
    const line = stockLine(tx, fields.lineId, "declare", fields.declaredOn);
    assertDates(localDate(at), [
      {
        value: fields.declaredOn,
        window: DATE_WINDOWS.record,
        label: msg("agreements.field.declaredOn"),
        field: "declaredOn",
      },
    ]);
    const quantity = lineQuantity(line, fields.quantity, fields.unit, {
      label: msg("agreements.field.declaredQuantity"),
      field: "quantity",
    });
    tx.insert(agreementDeclarations)
      .values({
        lineId: line.id,
        declaredOn: fields.declaredOn,
        quantity,
        source,
        note: fields.note,
        recordedBy: actor.userId,
        recordedAt: at,
        // The bureau typing a figure in is its own review: accepted as recorded.
        status: "accepted",
        reviewedBy: actor.userId,
        reviewedAt: at,
      })
      .run();
    recordAudit(tx, ctx, {
      action: "agreements.declare",
      targetType: "agreement",
      targetIds: [line.agreementId],
      summary: { ...fields, quantity, source },
    });
    return getAgreement(tx, line.agreementId, at);
  });
}

/** Records the commerce bureau's inspection (核查) of an agreement stock line. */
export function verifyStock({ ctx, input }: { ctx: CoreContext; input: VerifyInput }): AgreementView {
  const actor = ctx.actor;
  if (!actor) throw new UnauthorizedError();
  const fields = VerifyInput.parse(input);
  const at = nowIso(ctx);
  return withTransaction(ctx, (tx) => {
    const line = stockLine(tx, fields.lineId, "verify", fields.inspectedOn);
    assertDates(localDate(at), [
      {
        value: fields.inspectedOn,
        window: DATE_WINDOWS.record,
        label: msg("agreements.field.inspectedOn"),
        field: "inspectedOn",
      },
    ]);
    const quantity = lineQuantity(line, fields.quantity, fields.unit, {
      label: msg("agreements.field.inspectedQuantity"),
      field: "quantity",
    });
    tx.insert(agreementVerifications)
      .values({
        lineId: line.id,
        inspectedOn: fields.inspectedOn,
        quantity,
        inspector: fields.inspector,
        findings: fields.findings,
        recordedBy: actor.userId,
        recordedAt: at,
      })
      .run();
    recordAudit(tx, ctx, {
      action: "agreements.verify",
      targetType: "agreement",
      targetIds: [line.agreementId],
      summary: { ...fields, quantity },
    });
    return getAgreement(tx, line.agreementId, at);
  });
}
