import { MAX_BALANCE, MAX_LINE_QUANTITY } from "@relief/db";
import { baseUnitsPer, type UnitInfo } from "@relief/domain";
import { type ErrorIssue, ValidationError } from "./errors";
import { addMonths, isIsoDate } from "./time";

export { MAX_BALANCE, MAX_LINE_QUANTITY };

/** Whole numbers with thousands separators, as the district's reports print them. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** A number too large to read with separators is shown as 1.2e12. */
function formatMagnitude(n: number): string {
  return Math.abs(n) < 1e13 ? formatCount(n) : n.toExponential(1).replace("e+", "e");
}

/** What a quantity is counted in: an item's base unit and its packs (trucks have none). */
export interface Countable extends UnitInfo {
  name: string;
}

/** Where an entered quantity sits, for messages and for the form fields they are shown beside. */
export interface QuantityPlace {
  /** Zero-based line of a multi-line input; messages say 第 n 行. */
  line?: number;
  /** What the quantity is called: 数量, 申报数量, 交付数量. */
  label?: string;
  field: string;
  unitField: string;
}

/**
 * The one conversion of an entered quantity (in packs, or in base units when `unit` is the base unit or left
 * out) to base units, through the domain package's `baseUnitsPer` as in the web app, with the server's
 * messages. The result, sign kept, must be a whole number within MAX_LINE_QUANTITY: the check comes after the
 * conversion, so 2 packs of a million cannot slip past a ceiling on the number typed.
 */
export function convertQuantity(
  item: Countable,
  quantity: number,
  unit: string | null | undefined,
  place: QuantityPlace,
): { quantity: number; issue?: undefined } | { issue: ErrorIssue } {
  const where = place.line === undefined ? "" : `第 ${place.line + 1} 行`;
  const label = place.label ?? "数量";
  if (!Number.isSafeInteger(quantity)) {
    return { issue: { field: place.field, message: `${where}${label}应为整数` } };
  }
  const perUnit = baseUnitsPer(item, unit);
  if (perUnit === null) {
    const known = [item.baseUnit, ...item.packs.map((p) => p.name)].join("、");
    return {
      issue: {
        field: place.unitField,
        message: `${where ? `${where}：` : ""}“${item.name}”没有单位“${unit}”（可用：${known}）`,
      },
    };
  }
  // A product beyond 2^53 is inexact, but still far above the ceiling, so the comparison stays right.
  const base = quantity * perUnit;
  if (Math.abs(base) > MAX_LINE_QUANTITY) {
    const stated = perUnit === 1 ? `${label}` : `${label}折合`;
    return {
      issue: {
        field: place.field,
        message: `${where}${stated} ${formatMagnitude(base)} ${item.baseUnit}，超过单行上限 ${formatCount(MAX_LINE_QUANTITY)} ${item.baseUnit}`,
      },
    };
  }
  return { quantity: base };
}

/** `convertQuantity` for actions that stop at the first problem. */
export function toBaseQuantity(
  item: Countable,
  quantity: number,
  unit: string | null | undefined,
  place: QuantityPlace,
): number {
  const converted = convertQuantity(item, quantity, unit, place);
  if (converted.issue) throw new ValidationError(converted.issue.message, [converted.issue]);
  return converted.quantity;
}

/**
 * The plausible window of each kind of calendar date people enter (`YYYY-MM-DD`, district time). `latest` is
 * fixed and checked at the API boundary; `notAfterToday` and `yearsAhead` depend on the day and are checked
 * by the actions with the context clock.
 */
export interface DateWindow {
  earliest: string;
  latest: string;
  notAfterToday?: boolean;
  yearsAhead?: number;
}

export const DATE_WINDOWS = {
  /** A lot's production date: not before 1990, not after today. */
  production: { earliest: "1990-01-01", latest: "2100-12-31", notAfterToday: true },
  /** A lot's expiry date: not before 1990, at most 50 years ahead. */
  expiry: { earliest: "1990-01-01", latest: "2100-12-31", yearsAhead: 50 },
  /** The day something happened (declared, inspected, signed, a credit event): 2000 until today. */
  record: { earliest: "2000-01-01", latest: "2100-12-31", notAfterToday: true },
  /** Agreement periods and terminations: 2000 to 2100. */
  period: { earliest: "2000-01-01", latest: "2100-12-31" },
  /** Bounds of a list or report filter: lenient, refusing only the absurd. */
  filter: { earliest: "1970-01-01", latest: "2100-12-31" },
} as const satisfies Record<string, DateWindow>;

/**
 * Why a date does not fit its window, naming the field (`生产日期不能晚于今天（2026-11-30）`), or null. Without
 * `today` only the fixed part of the window is checked.
 */
export function dateProblem(value: string, window: DateWindow, label: string, today?: string): string | null {
  if (!isIsoDate(value)) return `${label}应为 YYYY-MM-DD 格式的日期`;
  if (value < window.earliest) return `${label}不能早于 ${window.earliest}`;
  if (value > window.latest) return `${label}不能晚于 ${window.latest}`;
  if (today !== undefined) {
    if (window.notAfterToday && value > today) return `${label}不能晚于今天（${today}）`;
    if (window.yearsAhead !== undefined) {
      const last = addMonths(today, window.yearsAhead * 12);
      if (value > last) return `${label}不能晚于 ${last}（${window.yearsAhead} 年以后）`;
    }
  }
  return null;
}

/** Refuses, naming the field, every date that does not fit its window as of `today`. */
export function assertDates(
  today: string,
  dates: Array<{ value: string | null | undefined; window: DateWindow; label: string; field: string }>,
): void {
  const issues: ErrorIssue[] = [];
  for (const d of dates) {
    const problem = d.value ? dateProblem(d.value, d.window, d.label, today) : null;
    if (problem) issues.push({ field: d.field, message: problem });
  }
  if (issues.length > 0) throw new ValidationError(issues.map((i) => i.message).join("；"), issues);
}
