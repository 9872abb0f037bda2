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
