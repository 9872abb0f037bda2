import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Flex, Space } from "antd";
import { CalloffTable } from "../../components/agreements/CalloffTable";
import { CodeFilter } from "../../components/CodeFilter";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { QueryError } from "../../components/QueryError";
import { RefreshButton } from "../../components/RefreshButton";
import { useI18n } from "../../i18n";
import { CALLOFF_STATUSES } from "../../lib/api-types";
import { useUrlListState } from "../../lib/useUrlListState";
import { trpc } from "../../trpc";

/** The one order call-offs come in: newest first. */
const SORTS = ["requestedAt"] as const;

/** Every call-off, newest first, a page at a time; narrowed by enterprise and status on the server. */
export function CalloffsTab() {
  const { t } = useI18n();
  const list = useUrlListState({ sorts: SORTS, defaultSort: "requestedAt", defaultPageSize: 50 });
  const enterpriseId = list.id("enterpriseId");
  const status = list.code("status", CALLOFF_STATUSES);
  const { page, pageSize } = list.paging;
  const query = useQuery(
    trpc.agreements.calloffs.queryOptions(
      { enterpriseId, status, page, pageSize },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );

  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Space wrap className="stock-filters">
        <EnterpriseSelect
          allowClear
          className="filter-wide"
          placeholder={t("agreements.filter.enterprise")}
          value={enterpriseId}
          onChange={(id) => list.setFilters({ enterpriseId: id })}
          data-testid="calloffs-filter-enterprise"
        />
        <CodeFilter
          list={list}
          name="status"
          codes={CALLOFF_STATUSES}
          label={(s) => t(`agreements.calloffStatus.${s}`)}
          placeholder={t("agreements.filter.status")}
          data-testid="calloffs-filter-status"
        />
        <RefreshButton query={query} />
      </Space>
      <CalloffTable
        rows={query.data?.rows ?? []}
        loading={query.isFetching}
        serverPaging={list.tableProps(query.data?.total)}
      />
    </Flex>
  );
}
