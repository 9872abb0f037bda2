import { PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Flex, Space, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { CodeFilter } from "../../components/CodeFilter";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { useUrlListState } from "../../lib/useUrlListState";
import { trpc } from "../../trpc";
import { AidRequestModal } from "./AidRequestModal";
import { AidDirectionTag, AidStatusTag } from "./AidTags";
import { AID_DIRECTIONS, AID_STATUSES, type AidRow, canEditAid } from "./aidTypes";
import { NeighbourFilter } from "./NeighbourFilter";

const SORTS = ["requestedAt", "number", "neededBy"] as const;

/**
 * 互助请求: requests out (Banan asks a neighbour) and in (a neighbour asks Banan), newest first, filtered by
 * direction, status and neighbour in the address. Dispatchers record a neighbour's request here; requests out
 * start from an incident's shortfalls.
 */
export function AidListPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const list = useUrlListState({ sorts: SORTS, defaultSort: "requestedAt", defaultOrder: "desc" });
  const direction = list.code("direction", AID_DIRECTIONS);
  const status = list.code("status", AID_STATUSES);
  const neighbourId = list.id("neighbourId");
  const neighbours = useQuery(trpc.neighbours.list.queryOptions({ pageSize: 200 }));
  const query = useQuery(
    trpc.aid.list.queryOptions(
      { direction, status, neighbourId, ...list.paging },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );
  const [recording, setRecording] = useState(false);

  const columns: TableColumnsType<AidRow> = [
    {
      title: t("aid.column.number"),
      key: "number",
      sorter: true,
      sortOrder: list.sortOrder("number"),
      render: (_v, r) => (
        <Link to={`/aid/${r.id}`} data-testid="aid-number">
          {r.number}
        </Link>
      ),
    },
    {
      title: t("aid.field.direction"),
      key: "direction",
      render: (_v, r) => <AidDirectionTag direction={r.direction} />,
    },
    { title: t("aid.field.neighbour"), dataIndex: "neighbourName", key: "neighbour" },
    {
      title: t("aid.column.incident"),
      key: "incident",
      render: (_v, r) =>
        r.incidentId ? <Link to={`/incidents/${r.incidentId}`}>{r.incidentNumber}</Link> : "—",
    },
    { title: t("aid.column.deliverTo"), key: "area", render: (_v, r) => r.deliveryAreaName ?? "—" },
    {
      title: t("aid.field.neededBy"),
      key: "neededBy",
      sorter: true,
      sortOrder: list.sortOrder("neededBy"),
      render: (_v, r) => formatDistrictDateTime(r.neededBy),
    },
    {
      title: t("aid.field.arriveAt"),
      key: "promisedAt",
      render: (_v, r) => <span data-testid="aid-promised-at">{formatDistrictDateTime(r.promisedAt)}</span>,
    },
    {
      title: t("aid.column.requestedAt"),
      key: "requestedAt",
      sorter: true,
      sortOrder: list.sortOrder("requestedAt"),
      render: (_v, r) => formatDistrictDateTime(r.requestedAt),
    },
    { title: t("aid.column.status"), key: "status", render: (_v, r) => <AidStatusTag status={r.status} /> },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t("aid.list.title")}
        subtitle={t("aid.list.subtitle")}
        extra={
          canEditAid(user.role) && (
            <Button icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="aid-record-in">
              {t("aid.list.recordIn")}
            </Button>
          )
        }
      />
      <Space wrap>
        <CodeFilter
          list={list}
          name="direction"
          codes={AID_DIRECTIONS}
          label={(d) => t(`aid.direction.${d}`)}
          placeholder={t("aid.filter.direction")}
          data-testid="aid-filter-direction"
        />
        <CodeFilter
          list={list}
          name="status"
          codes={AID_STATUSES}
          label={(s) => t(`aid.status.${s}`)}
          placeholder={t("aid.filter.status")}
          data-testid="aid-filter-status"
        />
        <NeighbourFilter list={list} neighbours={neighbours.data?.rows} data-testid="aid-filter-neighbour" />
      </Space>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<AidRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data?.rows ?? []}
          loading={query.isFetching}
          data-testid="aid-table"
          onRow={(r) =>
            ({ "data-testid": "aid-row", "data-number": r.number }) as React.HTMLAttributes<HTMLElement>
          }
          {...list.tableProps<AidRow>(query.data?.total)}
        />
      )}
      {recording && <AidRequestModal direction="in" onClose={() => setRecording(false)} />}
    </Flex>
  );
}
