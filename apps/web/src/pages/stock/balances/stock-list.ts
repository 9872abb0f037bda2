import { type BalancesQuery, OWNERSHIPS, type Ownership } from "../../../lib/api-types";
import type { useUrlListState } from "../../../lib/useUrlListState";

export const BUCKETS = ["onHand", "reserved", "onHold", "inTransit", "available"] as const;
export type Bucket = (typeof BUCKETS)[number];
/** Buckets that are usually empty: a dash instead of "0 瓶" keeps the columns readable. */
export const QUIET_WHEN_ZERO: readonly Bucket[] = ["reserved", "onHold", "inTransit"];

export const VIEWS = ["lots", "items", "register"] as const;
export type View = (typeof VIEWS)[number];

/** The stock page's filters, shared by its three views (the register reads item, category and the lot search). */
export type StockFilters = Pick<
  BalancesQuery,
  "warehouseId" | "categoryId" | "itemId" | "lotSearch" | "ownership" | "includeEmpty"
>;

/** The paging and sort one view of the stock page keeps in the address. */
export type StockList<S extends string> = ReturnType<typeof useUrlListState<S>>;

function numberParam(params: URLSearchParams, name: string): number | undefined {
  const value = Number(params.get(name));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

export function readStockFilters(params: URLSearchParams): StockFilters {
  const ownership = params.get("ownership");
  return {
    warehouseId: numberParam(params, "warehouseId"),
    categoryId: numberParam(params, "categoryId"),
    itemId: numberParam(params, "itemId"),
    lotSearch: params.get("lot")?.trim() || undefined,
    ownership: OWNERSHIPS.find((o): o is Ownership => o === ownership),
    includeEmpty: params.get("empty") === "1",
  };
}
