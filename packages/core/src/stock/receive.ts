import { DEFAULT_OWNERSHIP } from "@relief/domain";
import { type CoreContext, withTransaction } from "../context";
import { type Movement, type PostedDocument, postDocument } from "./ledger";
import { type ItemWithPacks, itemsOfLines, toBaseUnits } from "./lines";
import { findOrCreateLot } from "./lots";
import type { ReceiveInput } from "./schemas";
import { warehouseForPosting } from "./scope";

/** 入库: posts a receipt; lots are found by item and code, or registered. */
export function receiveStock({ ctx, input }: { ctx: CoreContext; input: ReceiveInput }): PostedDocument {
  return withTransaction(ctx, (tx) => {
    const warehouse = warehouseForPosting(tx, ctx, input.warehouseId);
    const lineItems = itemsOfLines(tx, input.lines);
    const ownership = input.source.ownership ?? DEFAULT_OWNERSHIP[input.source.kind];
    const movements: Movement[] = input.lines.map((line, index) => {
      const item = lineItems[index] as ItemWithPacks;
      const lot = findOrCreateLot(tx, ctx, item, line, index);
      return {
        warehouseId: warehouse.id,
        itemId: item.id,
        lotId: lot.id,
        ownership: line.ownership ?? ownership,
        onHand: toBaseUnits(item, line.quantity, line.unit, index),
      };
    });
    return postDocument(
      tx,
      ctx,
      {
        type: "receipt",
        warehouseId: warehouse.id,
        receiptKind: input.source.kind,
        reference: input.source.reference ?? null,
        note: input.note ?? null,
      },
      movements,
      { action: "stock.receive", summary: { ...input, ownership } },
    );
  });
}
