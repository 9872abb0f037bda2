import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Flex, Input, Space, Table, type TableColumnsType, Typography } from "antd";
import { Link } from "react-router";
import { NameCodeCell } from "../../components/NameCodeCell";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { useUrlListState } from "../../lib/useUrlListState";
import { trpc } from "../../trpc";
import type { NeighbourRow } from "../aid/aidTypes";

const SORTS = ["code", "name"] as const;

/** 邻区互助: the neighbouring districts, where their trucks enter Banan, and their latest lendable list. */
export function NeighboursPage() {
  const { t } = useI18n();
  const list = useUrlListState({ sorts: SORTS, defaultSort: "code" });
  const search = list.params.get("search")?.trim() || undefined;
  const query = useQuery(
    trpc.neighbours.list.queryOptions(
      { search, ...list.paging },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );

  const columns: TableColumnsType<NeighbourRow> = [
    {
      title: t("neighbours.column.name"),
      key: "name",
      sorter: true,
      sortOrder: list.sortOrder("name"),
      render: (_v, n) => (
        <Link to={`/neighbours/${n.id}`} data-testid="neighbour-link">
          <NameCodeCell name={n.name} code={n.code} />
        </Link>
      ),
    },
    {
      title: t("neighbours.column.entry"),
      key: "entry",
      render: (_v, n) =>
        n.entryNodeName ? (
          <NameCodeCell name={n.entryNodeName} code={n.entryNodeCode ?? ""} />
        ) : (
          <Typography.Text type="warning">{t("neighbours.noEntry")}</Typography.Text>
        ),
    },
    {
      title: t("neighbours.contacts"),
      key: "contacts",
      render: (_v, n) =>
        n.contacts.length === 0 ? (
          "—"
        ) : (
          <Flex vertical data-testid="neighbour-contacts-cell">
            {n.contacts.slice(0, 2).map((c) => (
              <span key={`${c.name}-${c.phone}`}>{[c.name, c.post, c.phone].filter(Boolean).join(" ")}</span>
            ))}
            {n.contacts.length > 2 && (
              <Typography.Text type="secondary">
                {t("neighbours.moreContacts", { count: n.contacts.length - 2 })}
              </Typography.Text>
            )}
          </Flex>
        ),
    },
    {
      title: t("neighbours.column.lendableDate"),
      key: "lendableDate",
      render: (_v, n) =>
        n.lendableDate ?? <Typography.Text type="secondary">{t("neighbours.noList")}</Typography.Text>,
    },
    {
      title: t("neighbours.column.active"),
      key: "active",
      render: (_v, n) => (n.active ? t("neighbours.active") : t("neighbours.inactive")),
    },
    { title: t("neighbours.column.note"), dataIndex: "note", key: "note", ellipsis: true },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t("neighbours.page.title")} subtitle={t("neighbours.page.subtitle")} />
      <Space wrap>
        <Input.Search
          allowClear
          className="filter-wide"
          placeholder={t("neighbours.filter.search")}
          defaultValue={search}
          onSearch={(value) => list.setFilters({ search: value.trim() })}
          data-testid="neighbours-search"
        />
      </Space>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<NeighbourRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data?.rows ?? []}
          loading={query.isFetching}
          data-testid="neighbours-table"
          onRow={(n) =>
            ({ "data-testid": "neighbour-row", "data-name": n.name }) as React.HTMLAttributes<HTMLElement>
          }
          {...list.tableProps<NeighbourRow>(query.data?.total)}
        />
      )}
    </Flex>
  );
}
