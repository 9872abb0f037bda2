import { agreementDeclarations, agreementVerifications, type Tx } from "@relief/db";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, UnauthorizedError, ValidationError } from "../errors";
import { assertDates, DATE_WINDOWS } from "../limits";
import { localDate } from "../time";
import { type LineContext, lineQuantity, loadLine } from "./line";
import { type AgreementView, getAgreement } from "./list";
import { DeclareInput, VerifyInput } from "./schemas";

function stockLine(tx: Tx, lineId: number, what: string, date: string): LineContext {
  const line = loadLine(tx, lineId);
  if (line.kind !== "stock") {
    throw new ValidationError(
      `只有协议储备的物资行才能${what}（协议 ${line.agreementNumber} 是产能或运力储备）`,
      [{ field: "lineId", message: "不是协议储备的物资行" }],
    );
  }
  if (line.terminatedOn !== null && line.terminatedOn <= date) {
    throw new ConflictError(`协议 ${line.agreementNumber} 已于 ${line.terminatedOn} 终止，不能再${what}`);
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
    const line = stockLine(tx, fields.lineId, "申报", fields.declaredOn);
    assertDates(localDate(at), [
      { value: fields.declaredOn, window: DATE_WINDOWS.record, label: "申报日期", field: "declaredOn" },
    ]);
    const quantity = lineQuantity(line, fields.quantity, fields.unit, {
      label: "申报数量",
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
    const line = stockLine(tx, fields.lineId, "核查", fields.inspectedOn);
    assertDates(localDate(at), [
      { value: fields.inspectedOn, window: DATE_WINDOWS.record, label: "核查日期", field: "inspectedOn" },
    ]);
    const quantity = lineQuantity(line, fields.quantity, fields.unit, {
      label: "核查数量",
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
