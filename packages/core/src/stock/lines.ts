import type { Tx } from "@relief/db";
import { type Message, msg, splitIntoPacks } from "@relief/domain";
import { NotFoundError, ValidationError } from "../errors";
import { type ItemWithPacks, itemsWithPacks } from "../items/packs";
import { formatCount, toBaseQuantity } from "../limits";

export type { ItemWithPacks } from "../items/packs";

/** The item of every line, in line order; an unknown or inactive item fails naming its line. */
export function itemsOfLines(
  tx: Tx,
  lines: Array<{ itemId: number }>,
  allowInactive = false,
): ItemWithPacks[] {
  const loaded = itemsWithPacks(
    tx,
    lines.map((l) => l.itemId),
  );
  return lines.map((line, index) => {
    const item = loaded.get(line.itemId);
    const onLine = (message: Message) => msg("common.error.onLineColon", { line: index + 1, message });
    if (!item) throw new NotFoundError(onLine(msg("stock.error.itemNotFound", { id: line.itemId })));
    if (!item.active && !allowInactive) {
      throw new ValidationError(onLine(msg("stock.error.namedItemInactive", { item: item.name })), [
        { field: `lines.${index}.itemId`, message: msg("stock.error.itemInactive") },
      ]);
    }
    return item;
  });
}

/**
 * A line's quantity in base units (4 箱 → 48 瓶), within the line ceiling; a signed quantity (an adjustment)
 * keeps its sign. Without a unit, or with the base unit, the quantity already is in base units.
 */
export function toBaseUnits(
  item: ItemWithPacks,
  quantity: number,
  unit: string | undefined,
  index: number,
): number {
  return toBaseQuantity(item, quantity, unit, {
    line: index,
    field: `lines.${index}.quantity`,
    unitField: `lines.${index}.unit`,
  });
}

/**
 * The items of a document's lines and the lines with their quantities converted to base units: the common
 * first step of every action that picks stock (issue, transfer, reservation).
 */
export function inBaseUnits<L extends { itemId: number; quantity: number; unit?: string }>(
  tx: Tx,
  lines: L[],
  allowInactive = false,
): { items: ItemWithPacks[]; lines: L[] } {
  const lineItems = itemsOfLines(tx, lines, allowInactive);
  return {
    items: lineItems,
    lines: lines.map((line, index) => ({
      ...line,
      quantity: toBaseUnits(lineItems[index] as ItemWithPacks, line.quantity, line.unit, index),
    })),
  };
}

/** "4 箱（48 瓶）" — how the UI and messages show a base quantity next to its largest whole pack. */
export function formatQuantity(item: Pick<ItemWithPacks, "baseUnit" | "packs">, quantity: number): string {
  // A negative quantity is shown in base units alone.
  const { pack, rest } = quantity > 0 ? splitIntoPacks(quantity, item) : { pack: null, rest: 0 };
  if (!pack) return `${formatCount(quantity)} ${item.baseUnit}`;
  const packs = rest
    ? `${formatCount(pack.count)} ${pack.name} + ${rest} ${item.baseUnit}`
    : `${formatCount(pack.count)} ${pack.name}`;
  return `${packs}（${formatCount(quantity)} ${item.baseUnit}）`;
}
