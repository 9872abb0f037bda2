import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Table, type TableColumnsType } from "antd";
import { useState } from "react";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import type { VillageRow } from "../../lib/api-types";
import { trpc } from "../../trpc";
import { type AreaActions, useAreaColumns } from "./areaColumns";

const PAGE_SIZE = 20;

/**
 * Villages and communities a page at a time from the server: those of one township (opened under its row), or
 * those whose name contains `search` anywhere in the district, with their township named.
 */
export function VillageTable({
  townshipId,
  search,
  ...actions
}: AreaActions & { townshipId?: number; search?: string }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const query = useQuery(
    trpc.areas.villages.queryOptions(
      { townshipId, search, page, pageSize: PAGE_SIZE },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );
  const base = useAreaColumns<VillageRow>(actions);
  const columns: TableColumnsType<VillageRow> =
    townshipId === undefined
      ? [
          ...base.slice(0, 1),
          { title: t("areas.column.township"), dataIndex: "townshipName", key: "township" },
          ...base.slice(1),
        ]
      : base;

  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  return (
    <Table<VillageRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={query.data?.rows ?? []}
      loading={query.isFetching}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: t("areas.villages.none") }}
      data-testid={townshipId === undefined ? "village-search-table" : `villages-of-${townshipId}`}
      onRow={(area) =>
        ({
          "data-testid": `area-row-${area.id}`,
          "data-level": area.level,
        }) as React.HTMLAttributes<HTMLElement>
      }
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total: query.data?.total ?? 0,
        showSizeChanger: false,
        hideOnSinglePage: true,
        showTotal: (total) => t("common.total", { total }),
        onChange: setPage,
      }}
    />
  );
}
