import { lots } from "@relief/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { NotFoundError, ValidationError } from "../errors";
import { type PostedDocument, postDocument } from "./ledger";
import { type ItemWithPacks, itemsOfLines, toBaseUnits } from "./lines";
import { LOT_STATUS_LABEL, type LotRow } from "./lots";
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
        throw new ValidationError(`第 ${index + 1} 行：批次 #${line.lotId} 不是“${item.name}”的批次`, [
          { field: `lines.${index}.lotId`, message: `不是“${item.name}”的批次` },
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
    if (!lot) throw new NotFoundError(`批次 #${input.lotId} 不存在`);
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
        from: LOT_STATUS_LABEL[lot.status],
        to: LOT_STATUS_LABEL[input.status],
        note: input.note,
      },
    });
    return updated;
  });
}
