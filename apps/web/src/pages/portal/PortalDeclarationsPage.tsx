import { ReloadOutlined } from "@ant-design/icons";
import { DECLARATION_STATUSES } from "@relief/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Flex, Select, Space } from "antd";
import { DeclarationTable } from "../../components/agreements/DeclarationTable";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import type { DeclarationView } from "../../lib/api-types";
import { useUrlListState } from "../../lib/useUrlListState";
import { trpc } from "../../trpc";

type Status = DeclarationView["status"];

/** 我的申报: the enterprise's own declarations, newest first, a page at a time; a returned one says why. */
export function PortalDeclarationsPage() {
  const { t } = useI18n();
  const list = useUrlListState({ defaultPageSize: 20 });
  const status = DECLARATION_STATUSES.find((s) => s === list.params.get("status"));
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
        <Select<Status>
          allowClear
          className="filter-narrow"
          placeholder={t("agreements.filter.status")}
          value={status}
          onChange={(value) => list.setFilters({ status: value })}
          options={DECLARATION_STATUSES.map((value) => ({
            value,
            label: t(`declarations.status.${value}`),
          }))}
          data-testid="portal-declarations-status"
        />
        <Button icon={<ReloadOutlined />} onClick={() => query.refetch()} loading={query.isFetching}>
          {t("common.refresh")}
        </Button>
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
