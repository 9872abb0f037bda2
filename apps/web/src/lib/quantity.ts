import { splitIntoPacks, type UnitInfo } from "@relief/domain";

/** Pack conversion is the domain package's, the same function the server converts with. */
export { inBaseUnits as toBaseQuantity, type UnitInfo } from "@relief/domain";

export type NumberFormatter = (value: number) => string;

/** What a quantity's text needs from the locale: its numbers and its brackets (`useI18n()` provides both). */
export interface QuantityWords {
  formatNumber: NumberFormatter;
  aside(text: string, note: string): string;
}

/**
 * "4 箱（48 瓶）", "4 箱 + 3 瓶（51 瓶）", or "5 瓶" when no pack fits: how every quantity is shown, in the
 * largest whole pack with the base units beside it. Negative quantities: "-4 箱 - 3 瓶（-51 瓶）".
 */
export function formatQuantity(quantity: number, unit: UnitInfo, words: QuantityWords): string {
  const parts = quantityParts(quantity, unit, words.formatNumber);
  return parts.base ? words.aside(parts.main, parts.base) : parts.main;
}

/** The two halves of `formatQuantity`, for showing the base units in a quieter style. */
export function quantityParts(
  quantity: number,
  unit: UnitInfo,
  format: NumberFormatter,
): { main: string; base: string | null } {
  const sign = quantity < 0 ? "-" : "";
  const { pack, rest } = splitIntoPacks(quantity, unit);
  const base = `${sign}${format(Math.abs(quantity))} ${unit.baseUnit}`;
  if (!pack) return { main: base, base: null };
  const packs = `${sign}${format(pack.count)} ${pack.name}`;
  // −5 个 with 箱 = 4 个 is "-1 箱 - 1 个": both parts carry the sign.
  const joiner = quantity < 0 ? " - " : " + ";
  return { main: rest ? `${packs}${joiner}${format(rest)} ${unit.baseUnit}` : packs, base };
}

/** The units a quantity may be entered in: the base unit, then each pack with its size. */
export function unitOptions(
  unit: UnitInfo,
  words: Pick<QuantityWords, "aside">,
): Array<{ value: string; label: string }> {
  return [
    { value: unit.baseUnit, label: unit.baseUnit },
    ...unit.packs.map((p) => ({
      value: p.name,
      label: words.aside(p.name, `${p.baseQuantity}${unit.baseUnit}`),
    })),
  ];
}
