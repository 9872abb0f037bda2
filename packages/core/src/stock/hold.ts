import { lots } from "@relief/db";
import { msg } from "@relief/domain";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { NotFoundError, ValidationError } from "../errors";
import { type PostedDocument, postDocument } from "./ledger";
import { type ItemWithPacks, itemsOfLines, toBaseUnits } from "./lines";
import type { LotRow } from "./lots";
import type { HoldInput, SetLotStatusInput } from "./schemas";
import { assertMayChangeLotStatus, warehouseForPosting } from "./scope";

function postHold({ ctx, input }: { ctx: CoreContext; input: HoldInput }, direction: 1 | -1): PostedDocument {
  return withTransaction(ctx, (tx) => {
    const warehouse = warehouseForPosting(tx, ctx, input.warehouseId);
    const lineItems = itemsOfLines(tx, input.lines, true);
    const movements = input.lines.map((line, index) => {
      const item = lineItems[index] as ItemWithPacks;
      const lot = tx.select().from(lots).where(eq(lots.id, line.lotId)).get();
      if (!lot || lot.itemId !== item.id) {
        const wrong = msg("stock.error.lotNotOf", { id: line.lotId, item: item.name });
        throw new ValidationError(msg("common.error.onLineColon", { line: index + 1, message: wrong }), [
          { field: `lines.${index}.lotId`, message: msg("stock.error.notLotOf", { item: item.name }) },
        ]);
      }
      return {
        warehouseId: warehouse.id,
        itemId: item.id,
        lotId: lot.id,
        ownership: line.ownership,
        onHold: direction * toBaseUnits(item, line.quantity, line.unit, index),
        line: index,
      };
    });
    return postDocument(
      tx,
      ctx,
      { type: direction > 0 ? "hold" : "unhold", warehouseId: warehouse.id, note: input.note },
      movements,
      { action: direction > 0 ? "stock.hold" : "stock.unhold", summary: input },
    );
  });
}

/** 冻结: puts part of a balance on hold (pending inspection, say); held stock is not available. */
export function holdStock(args: { ctx: CoreContext; input: HoldInput }): PostedDocument {
  return postHold(args, 1);
}

/** 解冻: returns held stock to available. */
export function unholdStock(args: { ctx: CoreContext; input: HoldInput }): PostedDocument {
  return postHold(args, -1);
}

/**
 * Sets a lot's condition (quarantined, damaged, recalled, or back to available). The status applies to the
 * lot everywhere: none of its stock is available while it is not `available`. Not a stock movement.
 */
export function setLotStatus({ ctx, input }: { ctx: CoreContext; input: SetLotStatusInput }): LotRow {
  return withTransaction(ctx, (tx) => {
    const lot = tx.select().from(lots).where(eq(lots.id, input.lotId)).get();
    if (!lot) throw new NotFoundError(msg("stock.error.lotNotFound", { id: input.lotId }));
    assertMayChangeLotStatus(tx, ctx, lot);
    const updated = tx
      .update(lots)
      .set({ status: input.status, statusNote: input.note ?? null, updatedAt: nowIso(ctx) })
      .where(eq(lots.id, lot.id))
      .returning()
      .get();
    recordAudit(tx, ctx, {
      action: "stock.setLotStatus",
      targetType: "lot",
      targetIds: [lot.id],
      summary: {
        lotCode: lot.lotCode,
        from: lot.status,
        to: input.status,
        note: input.note,
      },
    });
    return updated;
  });
}
