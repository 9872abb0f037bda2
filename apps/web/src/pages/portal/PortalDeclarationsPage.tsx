import { DECLARATION_STATUSES } from "@relief/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Flex, Space } from "antd";
import { DeclarationTable } from "../../components/agreements/DeclarationTable";
import { CodeFilter } from "../../components/CodeFilter";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { RefreshButton } from "../../components/RefreshButton";
import { useI18n } from "../../i18n";
import { useUrlListState } from "../../lib/useUrlListState";
import { trpc } from "../../trpc";

/** 我的申报: the enterprise's own declarations, newest first, a page at a time; a returned one says why. */
export function PortalDeclarationsPage() {
  const { t } = useI18n();
  const list = useUrlListState({ defaultPageSize: 20 });
  const status = list.code("status", DECLARATION_STATUSES);
  const query = useQuery(
    trpc.portal.declarations.queryOptions(
      { status, ...list.paging },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t("portal.declarations.title")} subtitle={t("portal.declarations.subtitle")} />
      <Space wrap className="stock-filters">
        <CodeFilter
          list={list}
          name="status"
          codes={DECLARATION_STATUSES}
          label={(s) => t(`declarations.status.${s}`)}
          placeholder={t("agreements.filter.status")}
          data-testid="portal-declarations-status"
        />
        <RefreshButton query={query} />
      </Space>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <DeclarationTable
          rows={query.data?.rows ?? []}
          loading={query.isFetching}
          showEnterprise={false}
          serverPaging={list.tableProps(query.data?.total)}
        />
      )}
    </Flex>
  );
}
