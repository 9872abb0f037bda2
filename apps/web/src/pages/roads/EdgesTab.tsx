import { EditOutlined, HistoryOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Flex, Input, Space, Table, type TableColumnsType, type TableProps, Tag } from "antd";
import { useState } from "react";
import { CodeFilter } from "../../components/CodeFilter";
import { NameCodeCell } from "../../components/NameCodeCell";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { useUrlListState } from "../../lib/useUrlListState";
import { trpc } from "../../trpc";
import { EdgeFormModal } from "./EdgeFormModal";
import { KmCell } from "./KmCell";
import { RoadHistoryDrawer } from "./RoadHistoryDrawer";
import { RoadStatusModal } from "./RoadStatusModal";
import { RoadStatusTag } from "./RoadStatusTag";
import { ROAD_CLASSES, ROAD_STATUSES, type RoadEdge, type RoadNode, type RoadStatus } from "./roadTypes";

const SORTS = ["code", "name", "km", "roadClass", "status"] as const;

type Dialog =
  | { kind: "status"; edge: RoadEdge; status: RoadStatus }
  | { kind: "edit"; edge: RoadEdge | null }
  | { kind: "history"; edge: RoadEdge };

/**
 * The roads, a page at a time, filtered by class, status and name in the address; dispatchers close, slow and
 * reopen them, and edit them.
 */
export function EdgesTab({
  nodes,
  canEdit,
  creating,
  onCreated,
}: {
  nodes: RoadNode[];
  canEdit: boolean;
  creating: boolean;
  onCreated: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const list = useUrlListState({ sorts: SORTS, defaultSort: "code", defaultPageSize: 50 });
  const filters = {
    roadClass: list.code("class", ROAD_CLASSES),
    status: list.code("status", ROAD_STATUSES),
    name: list.params.get("name")?.trim() || undefined,
  };
  const query = useQuery(
    trpc.roads.edges.queryOptions(
      { ...filters, ...list.paging },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const table = list.tableProps(query.data?.total);
  const close = () => {
    setDialog(null);
    if (creating) onCreated();
  };

  const columns: TableColumnsType<RoadEdge> = [
    {
      title: t("roads.column.road"),
      key: "name",
      fixed: "left",
      sorter: true,
      sortOrder: list.sortOrder("name"),
      render: (_v, e) => (
        <NameCodeCell
          name={
            <Space size={4}>
              {e.name}
              {e.crossing && <Tag color="blue">{t(`roads.crossing.${e.crossing}`)}</Tag>}
              {e.oneWay && <Tag>{t("roads.column.oneWay")}</Tag>}
              {!e.active && <Tag>{t("roads.inactive")}</Tag>}
            </Space>
          }
          code={e.code}
          testId="road-name"
        />
      ),
    },
    {
      title: t("roads.column.ends"),
      key: "ends",
      render: (_v, e) => (
        <NameCodeCell name={`${e.fromName} — ${e.toName}`} code={`${e.fromCode} — ${e.toCode}`} />
      ),
    },
    {
      title: t("roads.field.roadClass"),
      key: "roadClass",
      sorter: true,
      sortOrder: list.sortOrder("roadClass"),
      render: (_v, e) => t(`roads.class.${e.roadClass}`),
    },
    {
      title: t("roads.column.km"),
      key: "km",
      align: "right",
      sorter: true,
      sortOrder: list.sortOrder("km"),
      render: (_v, e) => <KmCell km={e.km} basis={e.kmBasis} />,
    },
    {
      title: t("roads.column.speed"),
      key: "speed",
      align: "right",
      render: (_v, e) =>
        e.minutes !== null
          ? t("roads.minutes", { minutes: formatNumber(e.minutes) })
          : `${formatNumber(e.classSpeedKmh)} km/h`,
    },
    {
      title: t("roads.column.status"),
      key: "status",
      sorter: true,
      sortOrder: list.sortOrder("status"),
      render: (_v, e) => (
        <Flex vertical>
          <span>
            <RoadStatusTag
              status={e.status}
              speedFactor={e.speedFactor}
              reason={e.reason}
              expectedReopenAt={e.expectedReopenAt}
            />
          </span>
          {e.status !== "open" && e.statusSince && (
            <span className="cell-code">
              {t("roads.since", { at: formatDistrictDateTime(e.statusSince) })}
            </span>
          )}
        </Flex>
      ),
    },
    {
      title: t("common.actions"),
      key: "actions",
      render: (_v, e) => (
        <Space size={0} wrap>
          {canEdit && e.status !== "closed" && (
            <Button
              type="link"
              size="small"
              danger
              onClick={() => setDialog({ kind: "status", edge: e, status: "closed" })}
              data-testid={`road-close-${e.code}`}
            >
              {t("roads.action.closed")}
            </Button>
          )}
          {canEdit && e.status !== "slow" && (
            <Button
              type="link"
              size="small"
              onClick={() => setDialog({ kind: "status", edge: e, status: "slow" })}
              data-testid={`road-slow-${e.code}`}
            >
              {t("roads.action.slow")}
            </Button>
          )}
          {canEdit && e.status !== "open" && (
            <Button
              type="link"
              size="small"
              onClick={() => setDialog({ kind: "status", edge: e, status: "open" })}
              data-testid={`road-open-${e.code}`}
            >
              {t("roads.action.open")}
            </Button>
          )}
          {canEdit && (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => setDialog({ kind: "edit", edge: e })}
              data-testid={`road-edit-${e.code}`}
            >
              {t("common.edit")}
            </Button>
          )}
          <Button
            type="link"
            size="small"
            icon={<HistoryOutlined />}
            onClick={() => setDialog({ kind: "history", edge: e })}
            data-testid={`road-history-${e.code}`}
          >
            {t("roads.history.open")}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <CodeFilter
          list={list}
          name="class"
          codes={ROAD_CLASSES}
          label={(c) => t(`roads.class.${c}`)}
          placeholder={t("roads.filter.allClasses")}
          data-testid="roads-class-filter"
        />
        <CodeFilter
          list={list}
          name="status"
          codes={ROAD_STATUSES}
          label={(s) => t(`roads.status.${s}`)}
          placeholder={t("roads.filter.allStatuses")}
          data-testid="roads-status-filter"
        />
        <Input.Search
          allowClear
          className="filter-wide"
          placeholder={t("roads.search")}
          defaultValue={filters.name}
          onSearch={(value) => list.setFilters({ name: value.trim() })}
          data-testid="roads-search"
        />
      </Space>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<RoadEdge>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data?.rows ?? []}
          loading={query.isFetching}
          // The hook reads only the pager and the sorted column's key and direction, whatever the row type.
          onChange={table.onChange as TableProps<RoadEdge>["onChange"]}
          pagination={table.pagination}
          scroll={{ x: "max-content" }}
          data-testid="roads-table"
          rowClassName={(e) => (e.active ? "" : "row-inactive")}
          onRow={(e) =>
            ({ "data-testid": "road-row", "data-code": e.code }) as React.HTMLAttributes<HTMLElement>
          }
        />
      )}
      {dialog?.kind === "status" && (
        <RoadStatusModal edge={dialog.edge} status={dialog.status} onClose={() => setDialog(null)} />
      )}
      {(dialog?.kind === "edit" || creating) && (
        <EdgeFormModal edge={dialog?.kind === "edit" ? dialog.edge : null} nodes={nodes} onClose={close} />
      )}
      {dialog?.kind === "history" && <RoadHistoryDrawer edge={dialog.edge} onClose={() => setDialog(null)} />}
    </Flex>
  );
}
