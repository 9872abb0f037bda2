import { MAX_BALANCE, MAX_LINE_QUANTITY } from "@relief/db";
import { baseUnitsPer, type Message, msg, nameList, type UnitInfo } from "@relief/domain";
import { type ErrorIssue, ValidationError } from "./errors";
import { addMonths, isIsoDate } from "./time";

export { MAX_BALANCE, MAX_LINE_QUANTITY };

/** Whole numbers with thousands separators, as the district's reports print them. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** What a quantity is counted in: an item's base unit and its packs (trucks have none). */
export interface Countable extends UnitInfo {
  name: string;
}

/** Where an entered quantity sits, for messages and for the form fields they are shown beside. */
export interface QuantityPlace {
  /** Zero-based line of a multi-line input; messages say 第 n 行. */
  line?: number;
  /** What the quantity is called: 数量 (the default), 申报数量, 交付数量. */
  label?: Message;
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
  const label = place.label ?? msg("common.field.quantity");
  const at = (message: Message, colon = false): Message =>
    place.line === undefined
      ? message
      : msg(colon ? "common.error.onLineColon" : "common.error.onLine", { line: place.line + 1, message });
  if (!Number.isSafeInteger(quantity)) {
    return { issue: { field: place.field, message: at(msg("common.error.notInteger", { field: label })) } };
  }
  const perUnit = baseUnitsPer(item, unit);
  if (perUnit === null) {
    const known = nameList([item.baseUnit, ...item.packs.map((p) => p.name)]);
    return {
      issue: {
        field: place.unitField,
        message: at(msg("common.error.unknownUnit", { item: item.name, unit: unit ?? "", known }), true),
      },
    };
  }
  // A product beyond 2^53 is inexact, but still far above the ceiling, so the comparison stays right.
  const base = quantity * perUnit;
  if (Math.abs(base) > MAX_LINE_QUANTITY) {
    const params = { field: label, quantity: base, unit: item.baseUnit, max: MAX_LINE_QUANTITY };
    return {
      issue: {
        field: place.field,
        message: at(
          perUnit === 1
            ? msg("common.error.quantityOverLineCeiling", params)
            : msg("common.error.convertedOverLineCeiling", params),
        ),
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
export function dateProblem(
  value: string,
  window: DateWindow,
  label: Message,
  today?: string,
): Message | null {
  if (!isIsoDate(value)) return msg("common.error.dateFormat", { field: label });
  if (value < window.earliest) return msg("common.error.dateBefore", { field: label, date: window.earliest });
  if (value > window.latest) return msg("common.error.dateAfter", { field: label, date: window.latest });
  if (today !== undefined) {
    if (window.notAfterToday && value > today)
      return msg("common.error.dateAfterToday", { field: label, today });
    if (window.yearsAhead !== undefined) {
      const last = addMonths(today, window.yearsAhead * 12);
      if (value > last)
        return msg("common.error.dateTooFarAhead", { field: label, date: last, years: window.yearsAhead });
    }
  }
  return null;
}

/** Refuses, naming the field, every date that does not fit its window as of `today`. */
export function assertDates(
  today: string,
  dates: Array<{ value: string | null | undefined; window: DateWindow; label: Message; field: string }>,
): void {
  const issues: ErrorIssue[] = [];
  for (const d of dates) {
    const problem = d.value ? dateProblem(d.value, d.window, d.label, today) : null;
    if (problem) issues.push({ field: d.field, message: problem });
  }
  if (issues.length > 0)
    throw new ValidationError(msg("common.error.list", { items: issues.map((i) => i.message) }), issues);
}
