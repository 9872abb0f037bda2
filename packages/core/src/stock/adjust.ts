import { adjustmentReasons, type DbOrTx, lots, type Tx } from "@relief/db";
import { adjustmentReasonName, type Message, msg } from "@relief/domain";
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
    throw new ValidationError(msg("stock.error.adjustmentReason"), [
      { field: "reasonId", message: msg("stock.error.chooseAdjustmentReason") },
    ]);
  }
  return reason;
}

/** Checks that a signed change agrees with its reason (a 盘亏 cannot add stock). */
export function checkDirection(reason: AdjustmentReason, quantity: number, index: number): void {
  const wrong: Message | null =
    reason.direction === "increase" && quantity < 0
      ? msg("stock.error.reasonIncreasesOnly", { reason: adjustmentReasonName(reason) })
      : reason.direction === "decrease" && quantity > 0
        ? msg("stock.error.reasonDecreasesOnly", { reason: adjustmentReasonName(reason) })
        : null;
  if (wrong) {
    throw new ValidationError(msg("common.error.onLineColon", { line: index + 1, message: wrong }), [
      { field: `lines.${index}.quantity`, message: wrong },
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
      throw new ValidationError(
        msg("stock.error.reasonNeedsNote", { reason: adjustmentReasonName(reason) }),
        [{ field: "note", message: msg("common.error.required", { field: msg("stock.field.note") }) }],
      );
    }
    const lineItems = itemsOfLines(tx, input.lines, true);
    const movements: Movement[] = input.lines.map((line, index) => {
      const item = lineItems[index] as ItemWithPacks;
      const where = (message: Message) => msg("common.error.onLineColon", { line: index + 1, message });
      const quantity = toBaseUnits(item, line.quantity, line.unit, index);
      checkDirection(reason, quantity, index);
      let lotId = line.lotId;
      if (lotId) {
        const lot = tx.select().from(lots).where(eq(lots.id, lotId)).get();
        if (!lot || lot.itemId !== item.id)
          throw new NotFoundError(where(msg("stock.error.lotNotOf", { id: lotId, item: item.name })));
      } else if (line.lotCode && quantity > 0) {
        lotId = findOrCreateLot(tx, ctx, item, { ...line, lotCode: line.lotCode }, index).id;
      } else {
        const choose = msg(quantity > 0 ? "stock.error.chooseOrNewLot" : "stock.error.chooseLot");
        throw new ValidationError(where(choose), [
          { field: `lines.${index}.lotId`, message: msg("stock.error.chooseLot") },
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
      { action: "stock.adjust", summary: { ...input, reason: reason.code } },
    );
  });
}

export function listAdjustmentReasons(db: DbOrTx): AdjustmentReason[] {
  return db.select().from(adjustmentReasons).orderBy(asc(adjustmentReasons.id)).all();
}
