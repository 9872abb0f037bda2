import type { UnitInfo } from "../../lib/quantity";

/**
 * A line's count as the counter types it: whole packs of the item's largest pack plus loose base units
 * (12 箱 + 5 床), or base units alone for an item without packs. Both empty means not counted.
 */
export interface CountEntry {
  packs: number | null;
  loose: number | null;
}

/** The pack a count is entered in: the largest, as the shelves hold the goods. */
export function countPack(unit: UnitInfo): UnitInfo["packs"][number] | null {
  return unit.packs.reduce<UnitInfo["packs"][number] | null>(
    (largest, pack) => (largest && largest.baseQuantity >= pack.baseQuantity ? largest : pack),
    null,
  );
}

/** A saved count (base units) split back into whole packs and loose units for the inputs. */
export function entryOf(counted: number | null, unit: UnitInfo): CountEntry {
  const pack = countPack(unit);
  if (counted === null) return { packs: null, loose: null };
  if (!pack) return { packs: null, loose: counted };
  return { packs: Math.floor(counted / pack.baseQuantity), loose: counted % pack.baseQuantity };
}

/** The entry's total in base units, as the server will store it; null while nothing is entered. */
export function totalOf(entry: CountEntry, unit: UnitInfo): number | null {
  if (entry.packs === null && entry.loose === null) return null;
  return (entry.packs ?? 0) * (countPack(unit)?.baseQuantity ?? 0) + (entry.loose ?? 0);
}

/** What `stock.recordCount` receives for the line: the packs as typed, for the server to convert. */
export function recordLine(lineId: number, entry: CountEntry, unit: UnitInfo) {
  const pack = countPack(unit);
  if (!pack || entry.packs === null) return { lineId, counted: entry.loose };
  return { lineId, counted: entry.loose ?? 0, packs: { unit: pack.name, count: entry.packs } };
}
