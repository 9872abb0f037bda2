import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";

/**
 * The one contract of every list that grows with the years: the client asks for a page, the server sorts,
 * filters and counts, and answers the rows of that page with the total. The browser never holds more.
 */
export const MAX_PAGE_SIZE = 200;

/** Spread into a list's input schema: `z.object({ ...PageFields, warehouseId: … })`. */
export const PageFields = {
  page: z.number().int("页码应为整数").min(1, "页码从 1 开始").default(1),
  pageSize: z
    .number()
    .int("每页行数应为整数")
    .min(1, "每页至少 1 行")
    .max(MAX_PAGE_SIZE, `每页最多 ${MAX_PAGE_SIZE} 行`)
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
    sort: z.enum(columns, { error: `排序列应为 ${columns.join("、")} 之一` }).default(fallback),
    order: z.enum(SORT_ORDERS, { error: "排序方向应为 asc 或 desc" }).default("asc"),
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
  const direction = sql.raw(order === "desc" ? "DESC" : "ASC");
  return sql`ORDER BY ${columns[sort](direction)}, ${tieBreak}`;
}
