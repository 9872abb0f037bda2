import { type DbOrTx, items, layoutPrices } from "@relief/db";
import { msg, zh } from "@relief/domain";
import { buildPurchaseList } from "@relief/sheets";
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { FileDownload } from "../areas/population-sheet";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ValidationError } from "../errors";
import { localDate } from "../time";
import { getAdvice } from "./advice";
import { type AdviceRefInput, SetPricesInput } from "./schemas";

export interface PriceView {
  itemId: number;
  itemCode: string;
  itemName: string;
  baseUnit: string;
  priceYuan: number;
  estimate: boolean;
  source: string;
  updatedAt: string;
}

/** The price list the advice buys with, in item order (a few dozen items: one list, no pages). */
export function listPrices(db: DbOrTx): PriceView[] {
  return db
    .select({
      itemId: layoutPrices.itemId,
      itemCode: items.code,
      itemName: items.name,
      baseUnit: items.baseUnit,
      priceYuan: layoutPrices.priceYuan,
      estimate: layoutPrices.estimate,
      source: layoutPrices.source,
      updatedAt: layoutPrices.updatedAt,
    })
    .from(layoutPrices)
    .innerJoin(items, eq(items.id, layoutPrices.itemId))
    .orderBy(asc(items.code))
    .all();
}

/** Sets the prices of the items given (others keep theirs); an item without a price is never bought. */
export function setPrices({ ctx, input }: { ctx: CoreContext; input: SetPricesInput }): PriceView[] {
  const { prices } = SetPricesInput.parse(input);
  const at = nowIso(ctx);
  return withTransaction(ctx, (tx) => {
    const ids = prices.map((p) => p.itemId);
    const known = new Map(
      (ids.length === 0 ? [] : tx.select().from(items).where(inArray(items.id, ids)).all()).map((i) => [
        i.id,
        i,
      ]),
    );
    const seen = new Set<number>();
    prices.forEach((p, n) => {
      const item = known.get(p.itemId);
      if (!item) {
        const text = msg("layout.error.itemNotFound", { id: String(p.itemId) });
        throw new ValidationError(text, [{ field: `prices.${n}.itemId`, message: text }]);
      }
      if (seen.has(p.itemId)) {
        const text = msg("layout.error.itemTwice", { item: item.name });
        throw new ValidationError(text, [{ field: `prices.${n}.itemId`, message: text }]);
      }
      seen.add(p.itemId);
    });
    for (const p of prices) {
      const values = { ...p, updatedBy: ctx.actor?.userId ?? null, updatedAt: at };
      tx.insert(layoutPrices)
        .values(values)
        .onConflictDoUpdate({ target: layoutPrices.itemId, set: values })
        .run();
    }
    recordAudit(tx, ctx, {
      action: "layout.setPrices",
      targetType: "item",
      targetIds: ids,
      summary: { prices },
    });
    return listPrices(tx);
  });
}

/** 采购清单 of an advice as .xlsx: what to buy, where to put it, at what price, and why (in Chinese). */
export function purchaseSheet(db: DbOrTx, input: AdviceRefInput, now = new Date()): FileDownload {
  const advice = getAdvice(db, input);
  const itemIds = advice.purchases.map((p) => p.itemId);
  const item = new Map(
    (itemIds.length === 0 ? [] : db.select().from(items).where(inArray(items.id, itemIds)).all()).map((i) => [
      i.id,
      i,
    ]),
  );
  const warehouseCode = new Map(
    db.all<{ id: number; code: string }>(sql`SELECT id, code FROM warehouses`).map((w) => [w.id, w.code]),
  );
  const date = localDate(now);
  return {
    fileName: `储备物资采购清单-${advice.adviceId}-${date}.xlsx`,
    content: buildPurchaseList(
      advice.purchases.map((p) => ({
        itemCode: item.get(p.itemId)?.code ?? "",
        itemName: p.item,
        baseUnit: item.get(p.itemId)?.baseUnit ?? "",
        warehouseCode: warehouseCode.get(p.warehouseId) ?? "",
        warehouseName: p.warehouse,
        quantity: p.quantity,
        unitPriceYuan: p.quantity > 0 ? Math.round((p.costYuan / p.quantity) * 100) / 100 : 0,
        costYuan: p.costYuan,
        reason: zh(p.reason),
      })),
      { date, adviceId: advice.adviceId, budgetYuan: advice.budgetYuan },
    ),
  };
}
