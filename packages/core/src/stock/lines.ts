import { itemPacks, items, type Tx } from "@relief/db";
import { eq } from "drizzle-orm";
import { NotFoundError, ValidationError } from "../errors";

export type ItemRow = typeof items.$inferSelect;

export interface ItemWithPacks extends ItemRow {
  packs: Array<{ name: string; baseQuantity: number }>;
}

/** The item of every line, in line order; an unknown or inactive item fails naming its line. */
export function itemsOfLines(
  tx: Tx,
  lines: Array<{ itemId: number }>,
  allowInactive = false,
): ItemWithPacks[] {
  const cache = new Map<number, ItemWithPacks>();
  return lines.map((line, index) => {
    const cached = cache.get(line.itemId);
    if (cached) return cached;
    const item = tx.select().from(items).where(eq(items.id, line.itemId)).get();
    if (!item) throw new NotFoundError(`第 ${index + 1} 行：物资 #${line.itemId} 不存在`);
    if (!item.active && !allowInactive) {
      throw new ValidationError(`第 ${index + 1} 行：物资“${item.name}”已停用`, [
        { field: `lines.${index}.itemId`, message: "物资已停用" },
      ]);
    }
    const packs = tx
      .select({ name: itemPacks.name, baseQuantity: itemPacks.baseQuantity })
      .from(itemPacks)
      .where(eq(itemPacks.itemId, item.id))
      .all();
    const loaded = { ...item, packs };
    cache.set(item.id, loaded);
    return loaded;
  });
}

/**
 * Converts a quantity given in a pack (`4` × `箱`) to base units (48 瓶). Without a unit, or with the
 * base unit, the quantity already is in base units.
 */
export function toBaseUnits(
  item: ItemWithPacks,
  quantity: number,
  unit: string | undefined,
  index: number,
): number {
  if (!unit || unit === item.baseUnit) return quantity;
  const pack = item.packs.find((p) => p.name === unit);
  if (!pack) {
    const known = [item.baseUnit, ...item.packs.map((p) => p.name)].join("、");
    throw new ValidationError(`第 ${index + 1} 行：“${item.name}”没有单位“${unit}”（可用：${known}）`, [
      { field: `lines.${index}.unit`, message: `单位应为 ${known} 之一` },
    ]);
  }
  return quantity * pack.baseQuantity;
}

/** "4 箱（48 瓶）" — how the UI and documents show a base quantity next to its largest whole pack. */
export function formatQuantity(item: Pick<ItemWithPacks, "baseUnit" | "packs">, quantity: number): string {
  const pack = [...item.packs]
    .sort((a, b) => b.baseQuantity - a.baseQuantity)
    .find((p) => quantity >= p.baseQuantity);
  if (!pack) return `${quantity} ${item.baseUnit}`;
  const whole = Math.floor(quantity / pack.baseQuantity);
  const rest = quantity - whole * pack.baseQuantity;
  const packs = rest ? `${whole} ${pack.name} + ${rest} ${item.baseUnit}` : `${whole} ${pack.name}`;
  return `${packs}（${quantity} ${item.baseUnit}）`;
}
