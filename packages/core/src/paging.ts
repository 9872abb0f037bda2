import { m, nameList } from "@relief/domain";
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { z } from "zod";

/**
 * The one contract of every list that grows with the years: the client asks for a page, the server sorts,
 * filters and counts, and answers the rows of that page with the total. The browser never holds more.
 */
export const MAX_PAGE_SIZE = 200;

/** Spread into a list's input schema: `z.object({ ...PageFields, warehouseId: … })`. */
export const PageFields = {
  page: z.number().int(m("common.error.pageInteger")).min(1, m("common.error.pageFromOne")).default(1),
  pageSize: z
    .number()
    .int(m("common.error.pageSizeInteger"))
    .min(1, m("common.error.pageSizeAtLeastOne"))
    .max(MAX_PAGE_SIZE, m("common.error.pageSizeAtMost", { max: String(MAX_PAGE_SIZE) }))
    .default(50),
};

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  /** Rows matching the filters, over all pages. */
  total: number;
  rows: T[];
}

/** LIMIT and OFFSET of a page. */
export function pageWindow({ page, pageSize }: PageRequest): { limit: number; offset: number } {
  return { limit: pageSize, offset: (page - 1) * pageSize };
}

export const SORT_ORDERS = ["asc", "desc"] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/**
 * Spread beside `PageFields`: the column a list is sorted by, one of the few it offers, and the direction.
 * Each list names its sortable columns; anything else is refused like any invalid input.
 */
export function SortFields<const C extends readonly [string, ...string[]]>(columns: C, fallback: C[number]) {
  return {
    sort: z
      .enum(columns, { error: m("common.error.sortColumn", { columns: nameList(columns) }) })
      .default(fallback),
    order: z.enum(SORT_ORDERS, { error: m("common.error.sortOrder") }).default("asc"),
  };
}

/**
 * ORDER BY for a sorted page: the chosen column's expression in the chosen direction, then `tieBreak` (a
 * unique key) so that pages never overlap nor skip a row when the column has equal values.
 */
export function orderBySql<C extends string>(
  columns: Record<C, (direction: SQL) => SQL>,
  sort: C,
  order: SortOrder,
  tieBreak: SQL,
): SQL {
  return sql`ORDER BY ${sortTerms(columns, sort, order, tieBreak)}`;
}

/** `orderBySql` without the keyword, for drizzle's `.orderBy(…)`. */
export function sortTerms<C extends string>(
  columns: Record<C, (direction: SQL) => SQL>,
  sort: C,
  order: SortOrder,
  tieBreak: SQLWrapper,
): SQL {
  const direction = sql.raw(order === "desc" ? "DESC" : "ASC");
  return sql`${columns[sort](direction)}, ${tieBreak}`;
}
