import { ledgerLines, stockDocuments } from "@relief/db";
import { msg } from "@relief/domain";
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
    if (!original) throw new NotFoundError(msg("stock.error.documentNotFound", { id: input.documentId }));
    if (original.type === "reversal")
      throw new ConflictError(msg("stock.error.reversalOfReversal", { number: original.number }));
    const follower = tx
      .select({ number: stockDocuments.number, type: stockDocuments.type })
      .from(stockDocuments)
      .where(eq(stockDocuments.relatedDocumentId, original.id))
      .get();
    if (follower?.type === "reversal")
      throw new ConflictError(
        msg("stock.error.alreadyReversed", { number: original.number, by: follower.number }),
      );
    if (follower?.type === "transfer_in") {
      throw new ConflictError(
        msg("stock.error.transferAlreadyReceived", { number: original.number, by: follower.number }),
      );
    }
    if (original.type === "transfer_in") {
      throw new ConflictError(msg("stock.error.receiptOfTransfer"));
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
