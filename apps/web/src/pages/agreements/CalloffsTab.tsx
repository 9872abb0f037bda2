import { ReloadOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Flex, Select, Space } from "antd";
import { CalloffTable } from "../../components/agreements/CalloffTable";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { CALLOFF_STATUSES, type CalloffStatus } from "../../lib/api-types";
import { useUrlListState } from "../../lib/useUrlListState";
import { trpc } from "../../trpc";

/** The one order call-offs come in: newest first. */
const SORTS = ["requestedAt"] as const;

/** Every call-off, newest first, a page at a time; narrowed by enterprise and status on the server. */
export function CalloffsTab() {
  const { t } = useI18n();
  const list = useUrlListState({ sorts: SORTS, defaultSort: "requestedAt", defaultPageSize: 50 });
  const enterpriseId = Number(list.params.get("enterpriseId")) || undefined;
  const status = CALLOFF_STATUSES.find((s) => s === list.params.get("status"));
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
        <Select<CalloffStatus>
          allowClear
          className="filter-narrow"
          placeholder={t("agreements.filter.status")}
          value={status}
          onChange={(value) => list.setFilters({ status: value })}
          options={CALLOFF_STATUSES.map((value) => ({
            value,
            label: t(`agreements.calloffStatus.${value}`),
          }))}
          data-testid="calloffs-filter-status"
        />
        <Button icon={<ReloadOutlined />} onClick={() => query.refetch()} loading={query.isFetching}>
          {t("common.refresh")}
        </Button>
      </Space>
      <CalloffTable
        rows={query.data?.rows ?? []}
        loading={query.isFetching}
        serverPaging={list.tableProps(query.data?.total)}
      />
    </Flex>
  );
}
