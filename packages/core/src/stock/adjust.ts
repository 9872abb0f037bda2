import { adjustmentReasons, type DbOrTx, lots, type Tx } from "@relief/db";
import { asc, eq } from "drizzle-orm";
import { type CoreContext, withTransaction } from "../context";
import { NotFoundError, ValidationError } from "../errors";
import { type Movement, type PostedDocument, postDocument } from "./ledger";
import { type ItemWithPacks, itemsOfLines, toBaseUnits } from "./lines";
import { findOrCreateLot } from "./lots";
import type { AdjustInput } from "./schemas";
import { warehouseForPosting } from "./scope";

export type AdjustmentReason = typeof adjustmentReasons.$inferSelect;

export function getAdjustmentReason(tx: Tx, reasonId: number): AdjustmentReason {
  const reason = tx.select().from(adjustmentReasons).where(eq(adjustmentReasons.id, reasonId)).get();
  if (!reason?.active) {
    throw new ValidationError("调整原因无效", [{ field: "reasonId", message: "请选择有效的调整原因" }]);
  }
  return reason;
}

/** Checks that a signed change agrees with its reason (a 盘亏 cannot add stock). */
export function checkDirection(reason: AdjustmentReason, quantity: number, index: number): void {
  const wrong =
    reason.direction === "increase" && quantity < 0
      ? "只能增加库存"
      : reason.direction === "decrease" && quantity > 0
        ? "只能减少库存"
        : null;
  if (wrong) {
    throw new ValidationError(`第 ${index + 1} 行：原因“${reason.name}”${wrong}`, [
      { field: `lines.${index}.quantity`, message: `原因“${reason.name}”${wrong}` },
    ]);
  }
}

/**
 * 库存调整 with a reason from the reason list. Found stock may be booked to a new lot (lot code and dates);
 * a decrease names the lot it comes from.
 */
export function adjustStock({ ctx, input }: { ctx: CoreContext; input: AdjustInput }): PostedDocument {
  return withTransaction(ctx, (tx) => {
    const warehouse = warehouseForPosting(tx, ctx, input.warehouseId);
    const reason = getAdjustmentReason(tx, input.reasonId);
    if (reason.noteRequired && !input.note) {
      throw new ValidationError(`原因“${reason.name}”需要填写说明`, [
        { field: "note", message: "请填写说明" },
      ]);
    }
    const lineItems = itemsOfLines(tx, input.lines, true);
    const movements: Movement[] = input.lines.map((line, index) => {
      const item = lineItems[index] as ItemWithPacks;
      const where = `第 ${index + 1} 行：`;
      const quantity = toBaseUnits(item, line.quantity, line.unit, index);
      checkDirection(reason, quantity, index);
      let lotId = line.lotId;
      if (lotId) {
        const lot = tx.select().from(lots).where(eq(lots.id, lotId)).get();
        if (!lot || lot.itemId !== item.id)
          throw new NotFoundError(`${where}批次 #${lotId} 不是“${item.name}”的批次`);
      } else if (line.lotCode && quantity > 0) {
        lotId = findOrCreateLot(tx, ctx, item, { ...line, lotCode: line.lotCode }, index).id;
      } else {
        throw new ValidationError(`${where}请选择批次${quantity > 0 ? "或填写新批次号" : ""}`, [
          { field: `lines.${index}.lotId`, message: "请选择批次" },
        ]);
      }
      return {
        warehouseId: warehouse.id,
        itemId: item.id,
        lotId,
        ownership: line.ownership,
        onHand: quantity,
        line: index,
      };
    });
    return postDocument(
      tx,
      ctx,
      {
        type: "adjustment",
        warehouseId: warehouse.id,
        adjustmentReasonId: reason.id,
        note: input.note ?? null,
      },
      movements,
      { action: "stock.adjust", summary: { ...input, reason: reason.name } },
    );
  });
}

export function listAdjustmentReasons(db: DbOrTx): AdjustmentReason[] {
  return db.select().from(adjustmentReasons).orderBy(asc(adjustmentReasons.id)).all();
}
