import { ledgerLines, stockDocuments } from "@relief/db";
import { msg } from "@relief/domain";
import { and, eq } from "drizzle-orm";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { assertDraftOpen, markDraftPosted } from "../layout/drafts";
import { localDate } from "../time";
import { type Movement, type PostedDocument, postDocument } from "./ledger";
import { inBaseUnits } from "./lines";
import { assertNotOrderReservation } from "./order-guard";
import { pickStock } from "./pick";
import { releaseRestAfter } from "./reserve";
import type { ReceiveTransferInput, TransferInput } from "./schemas";
import { getWarehouse, warehouseForPosting } from "./scope";

/** A transfer sent, and the release of the rest of its dispatch's reservation when the clerk asked for it. */
export interface SentTransfer extends PostedDocument {
  released: PostedDocument | null;
}

/**
 * 调拨 (send): the stock leaves the source at once and shows as in transit at the destination until
 * received. Only usable stock is sent, first-expired-first-out; a transfer for a dispatch (`dispatchRef`) sends
 * that dispatch's reservation first, like a dispatch issue, and may release the rest of it in the source.
 */
export function transferStock({ ctx, input }: { ctx: CoreContext; input: TransferInput }): SentTransfer {
  return withTransaction(ctx, (tx) => {
    assertNotOrderReservation(tx, input.dispatchRef);
    if (input.draftId !== undefined) assertDraftOpen(tx, input.draftId, input);
    const from = warehouseForPosting(tx, ctx, input.fromWarehouseId);
    const to = getWarehouse(tx, input.toWarehouseId);
    if (!to.active)
      throw new ConflictError(msg("stock.error.receivingWarehouseInactive", { warehouse: to.name }));
    const { items: lineItems, lines: requests } = inBaseUnits(tx, input.lines);
    const allocations = pickStock(tx, requests, lineItems, {
      warehouseId: from.id,
      warehouseName: from.name,
      today: localDate(nowIso(ctx)),
      reservedFor: input.dispatchRef,
    });
    const movements: Movement[] = allocations.flatMap((a) => [
      {
        warehouseId: from.id,
        itemId: a.itemId,
        lotId: a.lotId,
        ownership: a.ownership,
        onHand: -a.quantity,
        reserved: a.source === "reserved" ? -a.quantity : 0,
      },
      { warehouseId: to.id, itemId: a.itemId, lotId: a.lotId, ownership: a.ownership, inTransit: a.quantity },
    ]);
    const document = postDocument(
      tx,
      ctx,
      {
        type: "transfer_out",
        warehouseId: from.id,
        counterpartWarehouseId: to.id,
        dispatchRef: input.dispatchRef ?? null,
        reference: input.reference ?? null,
        note: input.note ?? null,
      },
      movements,
      { action: "stock.transfer", summary: input },
    );
    if (input.draftId !== undefined)
      markDraftPosted(tx, input.draftId, { documentId: document.id, at: nowIso(ctx) });
    const released = releaseRestAfter(tx, ctx, {
      warehouseId: from.id,
      dispatchRef: input.dispatchRef,
      releaseRest: input.releaseRest,
      document,
    });
    return { ...document, released };
  });
}

/**
 * 调拨签收: the destination receives a transfer, in full or in part. What did not arrive is recorded as the
 * transfer's discrepancy (it leaves transit without entering stock) and needs a note.
 */
export function receiveTransfer({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: ReceiveTransferInput;
}): PostedDocument {
  return withTransaction(ctx, (tx) => {
    const transfer = tx.select().from(stockDocuments).where(eq(stockDocuments.id, input.transferId)).get();
    if (transfer?.type !== "transfer_out" || !transfer.counterpartWarehouseId) {
      throw new NotFoundError(msg("stock.error.transferNotFound", { id: input.transferId }));
    }
    const done = tx
      .select({ number: stockDocuments.number, type: stockDocuments.type })
      .from(stockDocuments)
      .where(eq(stockDocuments.relatedDocumentId, transfer.id))
      .get();
    if (done) {
      throw new ConflictError(
        msg(done.type === "transfer_in" ? "stock.error.transferReceived" : "stock.error.transferReversed", {
          number: transfer.number,
          by: done.number,
        }),
      );
    }
    const destination = warehouseForPosting(tx, ctx, transfer.counterpartWarehouseId);
    // One line per balance key: a transfer may take the same lot for two of its lines.
    const sent = new Map<string, Movement & { quantity: number }>();
    for (const line of tx
      .select()
      .from(ledgerLines)
      .where(and(eq(ledgerLines.documentId, transfer.id), eq(ledgerLines.warehouseId, destination.id)))
      .all()) {
      const key = `${line.itemId}|${line.lotId}|${line.ownership}`;
      const entry = sent.get(key) ?? { ...line, quantity: 0 };
      entry.quantity += line.inTransitDelta;
      sent.set(key, entry);
    }
    const received = new Map<string, number>();
    (input.lines ?? []).forEach((l, index) => {
      const key = `${l.itemId}|${l.lotId}|${l.ownership}`;
      const line = sent.get(key);
      if (!line) {
        const missing = msg("stock.error.notInTransferNumber", { number: transfer.number });
        throw new ValidationError(msg("common.error.onLineColon", { line: index + 1, message: missing }), [
          { field: `lines.${index}.lotId`, message: msg("stock.error.notInTransfer") },
        ]);
      }
      if (l.receivedQuantity > line.quantity) {
        throw new ValidationError(
          msg("common.error.onLineColon", {
            line: index + 1,
            message: msg("stock.error.receivedOverSent", {
              received: String(l.receivedQuantity),
              sent: String(line.quantity),
            }),
          }),
          [
            {
              field: `lines.${index}.receivedQuantity`,
              message: msg("stock.error.overSent", { sent: String(line.quantity) }),
            },
          ],
        );
      }
      received.set(key, l.receivedQuantity);
    });
    let shortTotal = 0;
    const movements: Movement[] = [...sent].map(([key, line]) => {
      const got = received.get(key) ?? line.quantity;
      shortTotal += line.quantity - got;
      return {
        warehouseId: destination.id,
        itemId: line.itemId,
        lotId: line.lotId,
        ownership: line.ownership,
        inTransit: -line.quantity,
        onHand: got,
      };
    });
    if (shortTotal > 0 && !input.note) {
      throw new ValidationError(msg("stock.error.explainShortfall"), [
        { field: "note", message: msg("stock.error.explainDifference") },
      ]);
    }
    return postDocument(
      tx,
      ctx,
      {
        type: "transfer_in",
        warehouseId: destination.id,
        counterpartWarehouseId: transfer.warehouseId,
        relatedDocumentId: transfer.id,
        reference: transfer.number,
        note: input.note ?? null,
      },
      movements,
      { action: "stock.receiveTransfer", summary: { ...input, transfer: transfer.number, shortTotal } },
    );
  });
}
