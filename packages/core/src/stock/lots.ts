import { type LotStatus, lots, type Tx } from "@relief/db";
import { and, eq } from "drizzle-orm";
import { type CoreContext, nowIso } from "../context";
import { ValidationError } from "../errors";
import { addMonths } from "../time";
import type { ItemWithPacks } from "./lines";

export type LotRow = typeof lots.$inferSelect;

/** Whether stock of the lot may be promised: status available and not past its expiry date. */
export function isUsable(lot: Pick<LotRow, "status" | "expiryDate">, today: string): boolean {
  return lot.status === "available" && (lot.expiryDate === null || lot.expiryDate >= today);
}

export function isExpired(lot: Pick<LotRow, "expiryDate">, today: string): boolean {
  return lot.expiryDate !== null && lot.expiryDate < today;
}

/**
 * The lot of a receipt line: an existing lot of the item with that code (whose dates must agree with what
 * the line says), or a new one. Expiry comes from the line, or from production date + the item's shelf life.
 */
export function findOrCreateLot(
  tx: Tx,
  ctx: CoreContext,
  item: ItemWithPacks,
  line: { lotCode: string; productionDate?: string | null; expiryDate?: string | null },
  index: number,
): LotRow {
  const where = `第 ${index + 1} 行：`;
  const expiry =
    line.expiryDate ??
    (line.productionDate && item.shelfLifeMonths
      ? addMonths(line.productionDate, item.shelfLifeMonths)
      : null);
  if (line.productionDate && expiry && expiry <= line.productionDate) {
    throw new ValidationError(`${where}有效期（${expiry}）应晚于生产日期（${line.productionDate}）`, [
      { field: `lines.${index}.expiryDate`, message: "有效期应晚于生产日期" },
    ]);
  }
  const existing = tx
    .select()
    .from(lots)
    .where(and(eq(lots.itemId, item.id), eq(lots.lotCode, line.lotCode)))
    .get();
  if (existing) {
    const clash =
      (line.productionDate && existing.productionDate && line.productionDate !== existing.productionDate) ||
      (line.expiryDate && existing.expiryDate && line.expiryDate !== existing.expiryDate);
    if (clash) {
      throw new ValidationError(
        `${where}“${item.name}”批次 ${line.lotCode} 已登记，生产日期 ${existing.productionDate ?? "—"}、有效期 ${existing.expiryDate ?? "—"}，与本次填写不一致`,
        [{ field: `lines.${index}.lotCode`, message: "批次日期与已登记的不一致" }],
      );
    }
    return existing;
  }
  if (item.shelfLifeMonths && !expiry) {
    throw new ValidationError(`${where}“${item.name}”有保质期，请填写生产日期或有效期`, [
      { field: `lines.${index}.expiryDate`, message: "请填写生产日期或有效期" },
    ]);
  }
  const at = nowIso(ctx);
  return tx
    .insert(lots)
    .values({
      itemId: item.id,
      lotCode: line.lotCode,
      productionDate: line.productionDate ?? null,
      expiryDate: expiry,
      status: "available",
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
}

export const LOT_STATUS_LABEL: Record<LotStatus, string> = {
  available: "正常",
  quarantined: "隔离待检",
  damaged: "损坏",
  recalled: "召回",
};
