/** What a quantity is counted in: an item's base unit and its packs (箱 = 12 瓶). */
export interface UnitInfo {
  baseUnit: string;
  packs: ReadonlyArray<{ name: string; baseQuantity: number }>;
}

/**
 * How many base units one of `unitName` holds: 1 for the base unit (or none given), the pack's size for a
 * pack, null when the item has no such unit. The one place a pack is converted, on the server and in the web.
 */
export function baseUnitsPer(unit: UnitInfo, unitName: string | null | undefined): number | null {
  if (!unitName || unitName === unit.baseUnit) return 1;
  return unit.packs.find((p) => p.name === unitName)?.baseQuantity ?? null;
}

/** A quantity entered in a pack or the base unit, in base units; null when the unit is unknown. */
export function inBaseUnits(
  quantity: number,
  unitName: string | null | undefined,
  unit: UnitInfo,
): number | null {
  const per = baseUnitsPer(unit, unitName);
  return per === null ? null : quantity * per;
}

/**
 * The largest pack that fits into the quantity, how many of it, and what is left in base units: how every
 * quantity is shown ("4 箱 + 3 瓶（51 瓶）"), on screen, in messages and on printed documents.
 */
export function splitIntoPacks(
  quantity: number,
  unit: UnitInfo,
): { pack: { name: string; count: number } | null; rest: number } {
  const amount = Math.abs(quantity);
  const pack = [...unit.packs]
    .sort((a, b) => b.baseQuantity - a.baseQuantity)
    .find((p) => amount >= p.baseQuantity);
  if (!pack) return { pack: null, rest: amount };
  const count = Math.floor(amount / pack.baseQuantity);
  return { pack: { name: pack.name, count }, rest: amount - count * pack.baseQuantity };
}
