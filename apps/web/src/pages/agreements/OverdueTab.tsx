import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Flex, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { Link } from "react-router";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { QueryError } from "../../components/QueryError";
import { RefreshButton } from "../../components/RefreshButton";
import { useI18n } from "../../i18n";
import type { RouterOutputs } from "../../lib/api-types";
import { useUrlListState } from "../../lib/useUrlListState";
import { trpc } from "../../trpc";

type OverdueRow = RouterOutputs["declarations"]["overdue"]["rows"][number];

/**
 * 逾期未申报: stock lines of agreements in force whose declaration fell due by the agreement's cadence and was
 * not made, most overdue first (the server's rule, `declarations.overdue`).
 */
export function OverdueTab() {
  const { t } = useI18n();
  const list = useUrlListState({ defaultPageSize: 50 });
  const enterpriseId = Number(list.params.get("enterpriseId")) || undefined;
  const query = useQuery(
    trpc.declarations.overdue.queryOptions(
      { enterpriseId, ...list.paging },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );

  const columns: TableColumnsType<OverdueRow> = [
    {
      title: t("calloffs.column.enterprise"),
      key: "enterprise",
      render: (_v, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link>,
    },
    {
      title: t("records.line"),
      key: "line",
      render: (_v, r) => (
        <Flex vertical>
          <span>{r.itemName}</span>
          <Link to={`/agreements/${r.agreementId}`} className="cell-code">
            {t("portal.declare.lineOf", { number: r.agreementNumber, lineNo: r.lineNo })}
          </Link>
        </Flex>
      ),
    },
    {
      title: t("reviewQueue.cadence"),
      key: "months",
      render: (_v, r) => t("portal.home.cadence", { months: r.months }),
    },
    {
      title: t("reviewQueue.lastDeclaredOn"),
      key: "last",
      render: (_v, r) =>
        r.lastDeclaredOn ?? <Typography.Text type="secondary">{t("reviewQueue.never")}</Typography.Text>,
    },
    { title: t("reviewQueue.dueOn"), dataIndex: "dueOn", key: "dueOn" },
    {
      title: t("reviewQueue.daysOverdue"),
      key: "days",
      render: (_v, r) => (
        <Tag color="red" data-testid="overdue-days">
          {t("reviewQueue.days", { days: r.daysOverdue })}
        </Tag>
      ),
    },
  ];

  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t("reviewQueue.overdueHint")}</Typography.Text>
      <Space wrap className="stock-filters">
        <EnterpriseSelect
          allowClear
          className="filter-wide"
          placeholder={t("agreements.filter.enterprise")}
          value={enterpriseId}
          onChange={(id) => list.setFilters({ enterpriseId: id })}
          data-testid="overdue-filter-enterprise"
        />
        <RefreshButton query={query} />
      </Space>
      <Table<OverdueRow>
        rowKey="lineId"
        size="small"
        columns={columns}
        dataSource={query.data?.rows ?? []}
        loading={query.isFetching}
        {...list.tableProps(query.data?.total)}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("reviewQueue.noOverdue") }}
        data-testid="overdue-table"
        onRow={(r) =>
          ({
            "data-testid": "overdue-row",
            "data-agreement": r.agreementNumber,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </Flex>
  );
}
