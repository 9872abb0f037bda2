import { aidRequestLines, aidRequests, type Tx } from "@relief/db";
import { msg } from "@relief/domain";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { type ErrorIssue, ValidationError } from "../errors";
import { issueStock } from "../stock/issue";
import type { PostedDocument } from "../stock/ledger";
import { receiveStock } from "../stock/receive";
import { type AidView, getAid } from "./list";
import { type AidRequestRow, aidRequestRow, assertAidActive } from "./requests";
import { AidIssueInput, AidReceiveInput } from "./schemas";

type RequestLine = typeof aidRequestLines.$inferSelect;

function requestLines(tx: Tx, requestId: number): Map<number, RequestLine> {
  return new Map(
    tx
      .select()
      .from(aidRequestLines)
      .where(eq(aidRequestLines.requestId, requestId))
      .all()
      .map((l) => [l.itemId, l]),
  );
}

/**
 * Each moved line must be an item of the request; what goes back (`back`) at most what is still out: the
 * refusal names the line, the request and what is left to return.
 */
function matchLines(
  request: AidRequestRow,
  lines: Map<number, RequestLine>,
  moved: Array<{ itemId: number; quantity: number }>,
  back: boolean,
): RequestLine[] {
  const issues: ErrorIssue[] = [];
  const matched: RequestLine[] = [];
  const taken = new Map<number, number>();
  moved.forEach((m, i) => {
    const line = lines.get(m.itemId);
    if (!line) {
      issues.push({
        field: `lines.${i}.itemId`,
        message: msg("aid.error.itemNotRequested", { line: i + 1, number: request.number }),
      });
      return;
    }
    matched.push(line);
    const total = (taken.get(m.itemId) ?? 0) + m.quantity;
    taken.set(m.itemId, total);
    const out = line.delivered - line.returned;
    if (back && total > out)
      issues.push({
        field: `lines.${i}.quantity`,
        message: msg("aid.error.moreThanOut", { line: i + 1, quantity: total, out }),
      });
  });
  if (issues.length > 0)
    throw new ValidationError(msg("common.error.list", { items: issues.map((x) => x.message) }), issues);
  return matched;
}

function addTo(tx: Tx, lineId: number, column: "delivered" | "returned", quantity: number): void {
  const target = column === "delivered" ? aidRequestLines.delivered : aidRequestLines.returned;
  tx.update(aidRequestLines)
    .set({ [column]: sql`${target} + ${quantity}` })
    .where(eq(aidRequestLines.id, lineId))
    .run();
}

/**
 * Closes a request once every line has arrived (out) or left (in) in full: what the latest reply promised,
 * else what was asked.
 */
function closeIfComplete(tx: Tx, ctx: CoreContext, request: AidRequestRow): void {
  const view = getAid(tx, request.id);
  if (!view.lines.every((l) => l.delivered >= (l.promised ?? l.quantity))) return;
  tx.update(aidRequests)
    .set({ status: "closed", closedAt: nowIso(ctx) })
    .where(eq(aidRequests.id, request.id))
    .run();
}

/**
 * Goods arriving in Banan for a request, posted as a receipt into a named warehouse (the goods are booked
 * where they are kept, even when the neighbour's trucks drive some straight on to an area: the ledger is
 * where loan stock is tracked until it goes back). Out: the neighbour's loan, receipt kind mutual_aid,
 * ownership loan, until a request is complete. In: Banan's own goods coming back from the neighbour, kind
 * return, government stock, at most what is still out. The receipt names the request's number.
 */
export function receiveAid({ ctx, input }: { ctx: CoreContext; input: AidReceiveInput }): {
  aid: AidView;
  document: PostedDocument;
} {
  const fields = AidReceiveInput.parse(input);
  return withTransaction(ctx, (tx) => {
    const request = aidRequestRow(tx, fields.requestId);
    const out = request.direction === "out";
    // What goes back is capped by what is still out, whatever became of the request since.
    if (out) assertAidActive(request, "move");
    const matched = matchLines(request, requestLines(tx, request.id), fields.lines, !out);
    const document = receiveStock({
      ctx: { ...ctx, db: tx },
      input: {
        warehouseId: fields.warehouseId,
        source: {
          kind: out ? "mutual_aid" : "return",
          ownership: out ? "loan" : "government",
          reference: request.number,
        },
        ...(fields.note ? { note: fields.note } : {}),
        lines: fields.lines.map((l) => ({
          itemId: l.itemId,
          lotCode: l.lotCode,
          quantity: l.quantity,
          ...(l.productionDate ? { productionDate: l.productionDate } : {}),
          ...(l.expiryDate ? { expiryDate: l.expiryDate } : {}),
        })),
      },
    });
    for (const [i, l] of fields.lines.entries())
      addTo(tx, (matched[i] as RequestLine).id, out ? "delivered" : "returned", l.quantity);
    if (out) closeIfComplete(tx, ctx, request);
    recordAudit(tx, ctx, {
      action: "aid.receive",
      targetType: "aid_request",
      targetIds: [request.id],
      summary: { number: request.number, document: document.number, ...fields },
    });
    return { aid: getAid(tx, request.id), document };
  });
}

/**
 * Goods leaving Banan for a neighbour, issued with reason mutual_aid and the request's number. In: what Banan
 * sends to help (usable stock, first expiring first), until the request is complete. Out: loaned goods given
 * back to their lender, loan stock only, at most what is still out — or, agreed with the lender, written off
 * (`writeOff`: reason write_off, any lot). Either way the loan line counts them as settled (`returned`).
 */
export function issueAid({ ctx, input }: { ctx: CoreContext; input: AidIssueInput }): {
  aid: AidView;
  document: PostedDocument;
} {
  const fields = AidIssueInput.parse(input);
  return withTransaction(ctx, (tx) => {
    const request = aidRequestRow(tx, fields.requestId);
    const back = request.direction === "out";
    if (!back) assertAidActive(request, "move");
    if (fields.writeOff && !back)
      throw new ValidationError(msg("aid.error.writeOffOnlyLoans", { number: request.number }), [
        { field: "writeOff", message: msg("aid.error.writeOffOnlyLoans", { number: request.number }) },
      ]);
    const matched = matchLines(request, requestLines(tx, request.id), fields.lines, back);
    const document = issueStock({
      ctx: { ...ctx, db: tx },
      input: {
        warehouseId: fields.warehouseId,
        reason: fields.writeOff ? "write_off" : "mutual_aid",
        reference: request.number,
        ...(fields.note ? { note: fields.note } : {}),
        lines: fields.lines.map((l) => ({
          itemId: l.itemId,
          quantity: l.quantity,
          ...(back ? { ownership: "loan" as const } : {}),
        })),
      },
    });
    for (const [i, l] of fields.lines.entries())
      addTo(tx, (matched[i] as RequestLine).id, back ? "returned" : "delivered", l.quantity);
    if (!back) closeIfComplete(tx, ctx, request);
    recordAudit(tx, ctx, {
      action: "aid.issue",
      targetType: "aid_request",
      targetIds: [request.id],
      summary: { number: request.number, document: document.number, ...fields },
    });
    return { aid: getAid(tx, request.id), document };
  });
}
