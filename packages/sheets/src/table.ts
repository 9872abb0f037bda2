import { type Message, msg, nameList } from "@relief/domain";
import { formatCount } from "./limits";
import { isBlank } from "./reader/blank.mjs";
import { readFirstSheet, type SheetIssue } from "./workbook";

export { isBlank };

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: Message };

export interface ColumnSpec<K extends string, T = unknown> {
  key: K;
  header: string;
  /** Other headers accepted for this column (English, older template versions). */
  aliases?: string[];
  required: boolean;
  /**
   * Called for every non-blank cell of the column; `max` is the upper bound the caller of `parseTable` sets
   * for the column, when the bound is a rule of the caller's (the core's quantity ceiling), not the sheet's.
   */
  parse: (raw: unknown, max?: number) => CellResult<T>;
  /** Shown in the template's instructions sheet. */
  help: string;
}

/** Bounds on quantity cells that are the caller's rules: the core passes its MAX_LINE_QUANTITY. */
export interface QuantityLimits {
  maxQuantity: number;
}

export type ParsedRow<K extends string> = { row: number; values: Partial<Record<K, unknown>> };

export interface ParsedTable<K extends string> {
  rows: ParsedRow<K>[];
  issues: SheetIssue[];
}

const normalizeHeader = (h: unknown) =>
  String(h ?? "")
    .replace(/\s+/g, "")
    .toLowerCase();

/**
 * Reads the first sheet against a column spec: headers in the first non-blank row (any order, case and spaces
 * ignored), blank rows skipped, every cell of every row checked. All problems are collected, none stops the
 * reading, so the user can fix the whole file in one pass. The file itself is parsed off the request thread,
 * within IMPORT_LIMITS; the checks here are linear in the rows. `maxima` bounds columns from above by the
 * caller's rules. `sheet` reads another sheet than the first, by position.
 */
export async function parseTable<K extends string>(
  bytes: Uint8Array,
  columns: ReadonlyArray<ColumnSpec<K>>,
  maxima: Partial<Record<K, number>> = {},
  sheet = 0,
): Promise<ParsedTable<K>> {
  const grid = await readFirstSheet(bytes, sheet);
  if (!("rows" in grid)) return { rows: [], issues: [grid] };
  const headers = new Map<string, number>();
  grid.header.cells.forEach((h, index) => {
    const name = normalizeHeader(h);
    if (name && !headers.has(name)) headers.set(name, index);
  });
  const positions = new Map<K, number>();
  const issues: SheetIssue[] = [];
  for (const column of columns) {
    const index = [column.header, ...(column.aliases ?? [])]
      .map((name) => headers.get(normalizeHeader(name)))
      .find((i) => i !== undefined);
    if (index !== undefined) positions.set(column.key, index);
    else if (column.required) {
      issues.push({
        row: grid.header.row,
        column: column.header,
        message: msg("sheets.error.missingColumn", { column: column.header }),
      });
    }
  }
  if (issues.length > 0) return { rows: [], issues };

  const rows: ParsedRow<K>[] = [];
  for (const { row, cells } of grid.rows) {
    const values: Partial<Record<K, unknown>> = {};
    for (const column of columns) {
      const index = positions.get(column.key);
      const raw = index === undefined ? null : cells[index];
      if (isBlank(raw)) {
        if (column.required)
          issues.push({
            row,
            column: column.header,
            message: msg("sheets.error.emptyCell", { column: column.header }),
          });
        continue;
      }
      const result = column.parse(raw, maxima[column.key]);
      if (result.ok) values[column.key] = result.value;
      else issues.push({ row, column: column.header, message: result.message });
    }
    rows.push({ row, values });
  }
  if (rows.length === 0 && issues.length === 0) issues.push({ message: msg("sheets.error.noRows") });
  return { rows, issues };
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included), in whole days. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * The spellings a labelled cell accepts: each label and each code, then the extra short forms people write.
 * Labels come first, so an error message names each value by its first Chinese spelling.
 */
export function labelsAccepted<T extends string>(
  labels: Record<T, string>,
  extra: Record<string, T> = {},
): Record<string, T> {
  const accepted: Record<string, T> = {};
  for (const [code, label] of Object.entries(labels) as Array<[T, string]>) {
    accepted[label] = code;
    accepted[code] = code;
  }
  return { ...accepted, ...extra };
}

/** Each column's header by its key, so callers name a sheet's columns as the template writes them. */
export function headersOf<K extends string>(columns: ReadonlyArray<ColumnSpec<K>>): Record<K, string> {
  return Object.fromEntries(columns.map((c) => [c.key, c.header])) as Record<K, string>;
}

export const cell = {
  text(maxLength: number): (raw: unknown) => CellResult<string> {
    return (raw) => {
      const value = String(raw).trim();
      return value.length <= maxLength
        ? { ok: true, value }
        : { ok: false, message: msg("sheets.error.cellTooLong", { max: String(maxLength) }) };
    };
  },
  /** A whole number within `min` and `max`; a bound passed by `parseTable` replaces `options.max`. */
  integer(options: {
    min?: number;
    max?: number;
    label: string;
  }): (raw: unknown, max?: number) => CellResult<number> {
    return (raw, bound = options.max) => {
      let value: number;
      if (typeof raw === "number") value = raw;
      else if (typeof raw === "string" && /^\s*[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?\s*$/.test(raw)) {
        value = Number(raw.replace(/[,\s]/g, ""));
      } else
        return {
          ok: false,
          message: msg("sheets.error.notInteger", { label: options.label, value: String(raw) }),
        };
      if (!Number.isInteger(value))
        return {
          ok: false,
          message: msg("sheets.error.notWholeNumber", { label: options.label, value: String(value) }),
        };
      if (options.min !== undefined && value < options.min) {
        return {
          ok: false,
          message: msg("sheets.error.belowMin", {
            label: options.label,
            min: String(options.min),
            value: String(value),
          }),
        };
      }
      if (bound !== undefined && value > bound) {
        return {
          ok: false,
          message: msg("sheets.error.aboveMax", {
            label: options.label,
            max: formatCount(bound),
            value: String(value),
          }),
        };
      }
      return { ok: true, value };
    };
  },
  decimal(options: { min: number; max: number; label: string }): (raw: unknown) => CellResult<number> {
    return (raw) => {
      const value = typeof raw === "number" ? raw : Number(String(raw).trim());
      if (!Number.isFinite(value))
        return {
          ok: false,
          message: msg("sheets.error.notNumber", { label: options.label, value: String(raw) }),
        };
      if (value < options.min || value > options.max) {
        return {
          ok: false,
          message: msg("sheets.error.outOfRange", {
            label: options.label,
            min: String(options.min),
            max: String(options.max),
            value: String(value),
          }),
        };
      }
      return { ok: true, value };
    };
  },
  /** A date cell (an Excel date, or text `2026-03-01`, `2026/3/1`, `2026年3月1日`) as `YYYY-MM-DD`. */
  date(label: string): (raw: unknown) => CellResult<string> {
    return (raw) => {
      let value: string | null = null;
      if (typeof raw === "number" && Number.isInteger(raw) && raw > 0 && raw < 2_958_466) {
        value = new Date(EXCEL_EPOCH_MS + raw * 86_400_000).toISOString().slice(0, 10);
      } else if (typeof raw === "string") {
        const m = raw.trim().match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/);
        if (m) value = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
      }
      return value
        ? { ok: true, value }
        : { ok: false, message: msg("sheets.error.notDate", { label, value: String(raw) }) };
    };
  },
  oneOf<T extends string>(labels: Record<string, T>, label: string): (raw: unknown) => CellResult<T> {
    // Name each accepted value once, by its first Chinese label.
    const shown = new Map<T, string>();
    for (const [text, value] of Object.entries(labels)) {
      if (!shown.has(value) && /\p{Script=Han}/u.test(text)) shown.set(value, text);
    }
    const expected = nameList([...shown.values()]);
    return (raw) => {
      const key = String(raw).trim();
      const value = labels[key] ?? labels[key.toLowerCase()];
      return value
        ? { ok: true, value }
        : { ok: false, message: msg("sheets.error.notOneOf", { label, expected, value: key }) };
    };
  },
};
