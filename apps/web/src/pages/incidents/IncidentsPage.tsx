import { PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, DatePicker, Flex, Input, Space, Table, type TableColumnsType, type TableProps } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { CodeFilter } from "../../components/CodeFilter";
import { NameCodeCell } from "../../components/NameCodeCell";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { canPlanDispatch } from "../../lib/roles";
import { useUrlListState } from "../../lib/useUrlListState";
import { trpc } from "../../trpc";
import { IncidentFormModal } from "./IncidentFormModal";
import { DrillTag, IncidentStatusTag, ReportKindTag } from "./IncidentTags";
import { INCIDENT_STATUSES, INCIDENT_TYPES, type IncidentSummary } from "./incidentTypes";

const SORTS = ["startedAt", "number"] as const;
const DRILL_FILTERS = ["real", "drill"] as const;

/** 灾情: every incident and drill, newest first, with its latest figures and the 10-hour deadline. */
export function IncidentsPage() {
  const { t, formatNumber } = useI18n();
  const user = useCurrentUser();
  const canCreate = canPlanDispatch(user.role);
  const list = useUrlListState({ sorts: SORTS, defaultSort: "startedAt", defaultOrder: "desc" });
  const param = (name: string) => list.params.get(name) ?? undefined;
  const status = list.code("status", INCIDENT_STATUSES);
  const type = list.code("type", INCIDENT_TYPES);
  const drillFilter = list.code("drill", DRILL_FILTERS);
  const search = param("search")?.trim() || undefined;
  const from = param("from");
  const to = param("to");
  const query = useQuery(
    trpc.incidents.list.queryOptions(
      {
        status,
        type,
        drill: drillFilter === undefined ? undefined : drillFilter === "drill",
        search,
        from,
        to,
        ...list.paging,
      },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );
  const [creating, setCreating] = useState(false);
  const table = list.tableProps(query.data?.total);

  const columns: TableColumnsType<IncidentSummary> = [
    {
      title: t("incidents.column.number"),
      key: "number",
      sorter: true,
      sortOrder: list.sortOrder("number"),
      render: (_v, i) => (
        <Space size={4}>
          <Link to={`/incidents/${i.id}`} data-testid="incident-number">
            {i.number}
          </Link>
          <DrillTag drill={i.drill} />
        </Space>
      ),
    },
    {
      title: t("incidents.field.title"),
      key: "title",
      render: (_v, i) => (
        <NameCodeCell name={i.title} code={t(`incidents.type.${i.type}`)} testId="incident-title" />
      ),
    },
    {
      title: t("incidents.field.startedAt"),
      key: "startedAt",
      sorter: true,
      sortOrder: list.sortOrder("startedAt"),
      render: (_v, i) => formatDistrictDateTime(i.startedAt),
    },
    {
      title: t("incidents.column.deadline"),
      key: "deadline",
      render: (_v, i) => formatDistrictDateTime(i.deadlineAt),
    },
    { title: t("incidents.column.areas"), dataIndex: "areas", key: "areas", align: "right" },
    {
      title: t("incidents.field.affected"),
      key: "affected",
      align: "right",
      render: (_v, i) => formatNumber(i.affected),
    },
    {
      title: t("incidents.field.relocated"),
      key: "relocated",
      align: "right",
      render: (_v, i) => <span data-testid="incident-relocated">{formatNumber(i.relocated)}</span>,
    },
    {
      title: t("incidents.column.latestReport"),
      key: "latestReport",
      render: (_v, i) =>
        i.latestReportKind && (
          <Space size={4}>
            <ReportKindTag kind={i.latestReportKind} />
            {formatDistrictDateTime(i.latestReportedAt)}
          </Space>
        ),
    },
    {
      title: t("incidents.column.status"),
      key: "status",
      render: (_v, i) => <IncidentStatusTag status={i.status} />,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t("incidents.page.title")}
        subtitle={t("incidents.page.subtitle")}
        extra={
          canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="incident-create"
            >
              {t("incidents.page.create")}
            </Button>
          )
        }
      />
      <Space wrap>
        <CodeFilter
          list={list}
          name="status"
          codes={INCIDENT_STATUSES}
          label={(s) => t(`incidents.status.${s}`)}
          placeholder={t("incidents.filter.allStatuses")}
          data-testid="incidents-filter-status"
        />
        <CodeFilter
          list={list}
          name="type"
          codes={INCIDENT_TYPES}
          label={(s) => t(`incidents.type.${s}`)}
          placeholder={t("incidents.filter.allTypes")}
          data-testid="incidents-filter-type"
        />
        <CodeFilter
          list={list}
          name="drill"
          codes={DRILL_FILTERS}
          label={(s) => t(`incidents.filter.${s}`)}
          placeholder={t("incidents.filter.drillOrNot")}
          data-testid="incidents-filter-drill"
        />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t("incidents.filter.from"), t("incidents.filter.to")]}
          value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
          onChange={(range) =>
            list.setFilters({ from: range?.[0]?.format("YYYY-MM-DD"), to: range?.[1]?.format("YYYY-MM-DD") })
          }
          data-testid="incidents-filter-range"
        />
        <Input.Search
          allowClear
          className="filter-wide"
          placeholder={t("incidents.filter.search")}
          defaultValue={search}
          onSearch={(value) => list.setFilters({ search: value.trim() })}
          data-testid="incidents-search"
        />
      </Space>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<IncidentSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data?.rows ?? []}
          loading={query.isFetching}
          onChange={table.onChange as TableProps<IncidentSummary>["onChange"]}
          pagination={table.pagination}
          scroll={{ x: "max-content" }}
          data-testid="incidents-table"
          rowClassName={(i) => (i.status === "closed" ? "row-inactive" : "")}
          onRow={(i) =>
            ({ "data-testid": "incident-row", "data-number": i.number }) as React.HTMLAttributes<HTMLElement>
          }
        />
      )}
      {creating && <IncidentFormModal onClose={() => setCreating(false)} />}
    </Flex>
  );
}
