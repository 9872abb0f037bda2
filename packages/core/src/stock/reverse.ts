import { ledgerLines, stockDocuments } from "@relief/db";
import { eq } from "drizzle-orm";
import { type CoreContext, withTransaction } from "../context";
import { ConflictError, NotFoundError } from "../errors";
import { type PostedDocument, postDocument } from "./ledger";
import type { ReverseInput } from "./schemas";
import { warehouseForPosting } from "./scope";

/**
 * 冲销: cancels a posted document by posting its exact negative. The only way to correct a mistake: lines
 * are never edited. Fails, writing nothing, if the stock it would take back has moved on (issued,
 * reserved, or received at the other end of a transfer).
 */
export function reverseDocument({ ctx, input }: { ctx: CoreContext; input: ReverseInput }): PostedDocument {
  return withTransaction(ctx, (tx) => {
    const original = tx.select().from(stockDocuments).where(eq(stockDocuments.id, input.documentId)).get();
    if (!original) throw new NotFoundError(`单据 #${input.documentId} 不存在`);
    if (original.type === "reversal") throw new ConflictError(`${original.number} 是冲销单，不能再冲销`);
    const follower = tx
      .select({ number: stockDocuments.number, type: stockDocuments.type })
      .from(stockDocuments)
      .where(eq(stockDocuments.relatedDocumentId, original.id))
      .get();
    if (follower?.type === "reversal")
      throw new ConflictError(`${original.number} 已被 ${follower.number} 冲销`);
    if (follower?.type === "transfer_in") {
      throw new ConflictError(`调拨单 ${original.number} 已由 ${follower.number} 签收，不能冲销`);
    }
    if (original.type === "transfer_in") {
      throw new ConflictError("调拨签收单不能冲销；如签收有误，请调回或做库存调整");
    }
    warehouseForPosting(tx, ctx, original.warehouseId);
    const lines = tx.select().from(ledgerLines).where(eq(ledgerLines.documentId, original.id)).all();
    return postDocument(
      tx,
      ctx,
      {
        type: "reversal",
        warehouseId: original.warehouseId,
        counterpartWarehouseId: original.counterpartWarehouseId,
        relatedDocumentId: original.id,
        dispatchRef: original.dispatchRef,
        reference: original.number,
        note: input.note,
      },
      lines.map((l) => ({
        warehouseId: l.warehouseId,
        itemId: l.itemId,
        lotId: l.lotId,
        ownership: l.ownership,
        onHand: -l.onHandDelta,
        reserved: -l.reservedDelta,
        onHold: -l.onHoldDelta,
        inTransit: -l.inTransitDelta,
      })),
      { action: "stock.reverse", summary: { ...input, original: original.number } },
    );
  });
}
