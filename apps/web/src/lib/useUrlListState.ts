import type { TablePaginationConfig } from "antd";
import type {
  SortOrder as AntSortOrder,
  SorterResult,
  TableCurrentDataSource,
} from "antd/es/table/interface";
import { useSearchParams } from "react-router";
import { useI18n } from "../i18n";

export const PAGE_SIZES = [20, 50, 100, 200] as const;
export type SortOrder = "asc" | "desc";

interface PagingOptions {
  defaultPageSize?: (typeof PAGE_SIZES)[number];
}

interface SortOptions<S extends string> extends PagingOptions {
  /** The columns the server sorts this list by (its `sort` enum). */
  sorts: readonly S[];
  defaultSort: S;
  defaultOrder?: SortOrder;
}

interface Paging {
  page: number;
  pageSize: number;
}

type ListState<S extends string, P> = Omit<ReturnType<typeof useListState<S>>, "paging"> & { paging: P };
/** What a filter control needs of its list: to read its parameter and to set it. */
export type ListFilters = Pick<ReturnType<typeof useListState>, "code" | "id" | "setFilters">;

/**
 * A server-paged list's state kept in the address — page, page size, sort column and direction, and the
 * page's own filters — so a reload, a link or the Back button shows the same rows. Changing a filter goes
 * back to page 1; the table's pager and column headers write page and sort. A list the server does not sort
 * passes no `sorts`: its address and `paging` then carry neither sort nor order.
 */
export function useUrlListState<S extends string>(
  options: SortOptions<S>,
): ListState<S, Paging & { sort: S; order: SortOrder }>;
export function useUrlListState(options?: PagingOptions): ListState<never, Paging>;
export function useUrlListState<S extends string>(
  options: PagingOptions & Partial<SortOptions<S>> = {},
): ListState<S, Paging> {
  return useListState(options);
}

function useListState<S extends string>({
  sorts = [],
  defaultSort,
  defaultOrder = "asc",
  defaultPageSize = 50,
}: PagingOptions & Partial<SortOptions<S>>) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const pageParam = Number(params.get("page"));
  const sizeParam = Number(params.get("pageSize"));
  const sortParam = params.get("sort");
  const orderParam = params.get("order");
  const page = Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1;
  const pageSize = PAGE_SIZES.find((s) => s === sizeParam) ?? defaultPageSize;
  const sort = sorts.find((s) => s === sortParam) ?? defaultSort;
  const order: SortOrder = orderParam === "asc" || orderParam === "desc" ? orderParam : defaultOrder;

  /** Writes `changes` (undefined, false or "" removes a parameter). */
  const write = (changes: Record<string, string | number | boolean | undefined>, push = false) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === false || value === "") next.delete(name);
      else next.set(name, value === true ? "1" : String(value));
    }
    setParams(next, { replace: !push });
  };

  const onChange = <T>(
    pagination: TablePaginationConfig,
    _filters: unknown,
    sorter: SorterResult<T> | SorterResult<T>[],
    extra: TableCurrentDataSource<T>,
  ) => {
    if (extra.action === "sort") {
      const chosen = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = sorts.find((s) => s === chosen?.columnKey);
      // A third click on a header clears the sort: back to the list's own order.
      const cleared = !chosen?.order || !key;
      write({
        page: undefined,
        sort: cleared || key === defaultSort ? undefined : key,
        order: cleared ? undefined : chosen.order === "descend" ? "desc" : "asc",
      });
      return;
    }
    const size = pagination.pageSize ?? pageSize;
    const nextPage = size === pageSize ? (pagination.current ?? 1) : 1;
    write(
      { page: nextPage > 1 ? nextPage : undefined, pageSize: size === defaultPageSize ? undefined : size },
      true,
    );
  };

  return {
    params,
    /** What the list's query takes besides its filters. */
    paging: sorts.length > 0 ? { page, pageSize, sort, order } : { page, pageSize },
    /** The code a parameter holds when it is one of `codes` (an address typed by hand may hold anything). */
    code: <C extends string>(name: string, codes: readonly C[]) => codes.find((c) => c === params.get(name)),
    /** The id a parameter holds; none when it is missing or not a number. */
    id: (name: string) => Number(params.get(name)) || undefined,
    /** Sets filters and goes back to page 1. */
    setFilters: (changes: Record<string, string | number | boolean | undefined>) =>
      write({ ...changes, page: undefined }),
    /** Clears every parameter but those named. */
    reset: (keep: readonly string[] = []) => {
      const next = new URLSearchParams();
      for (const name of keep) {
        const value = params.get(name);
        if (value !== null) next.set(name, value);
      }
      setParams(next, { replace: true });
    },
    /** The header's arrow for a column: only the column sorted by shows one. */
    sortOrder: (key: S): AntSortOrder => (key === sort ? (order === "desc" ? "descend" : "ascend") : null),
    /** Spread into an antd Table whose data is the server's page. */
    tableProps: <T>(total: number | undefined) => ({
      onChange: onChange<T>,
      pagination: {
        current: page,
        pageSize,
        total: total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (n: number) => t("common.total", { total: n }),
      } satisfies TablePaginationConfig,
    }),
  };
}
