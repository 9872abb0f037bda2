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
