import { RollbackOutlined, StopOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Flex, Space, Switch, Table, type TableColumnsType, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { CodeFilter } from "../../components/CodeFilter";
import { DownloadButton } from "../../components/DownloadButton";
import { NameCodeCell } from "../../components/NameCodeCell";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { isStockKeeper } from "../../lib/roles";
import { useUrlListState } from "../../lib/useUrlListState";
import { queryClient, trpc } from "../../trpc";
import { AidMoveModal } from "./AidMoveModal";
import { AidStatusTag } from "./AidTags";
import { AID_DIRECTIONS, type LoanRow } from "./aidTypes";
import { NeighbourFilter } from "./NeighbourFilter";

type Settling = { row: LoanRow; move: "return" | "writeOff" };

/** The loan line's request, loaded before its return or write-off form opens on that line alone. */
function SettleLoan({ settling, onClose }: { settling: Settling; onClose: () => void }) {
  const { row, move } = settling;
  const aid = useQuery(trpc.aid.get.queryOptions({ requestId: row.requestId }));
  if (!aid.data) return null;
  return (
    <AidMoveModal
      aid={aid.data}
      move={move}
      start={{ lines: [{ itemId: row.itemId, quantity: row.outstanding }] }}
      onClose={onClose}
    />
  );
}

/**
 * 借入借出: every line that moved under a request, borrowed (out: Banan returns it) or lent (in: the neighbour
 * returns it), with what is still to return; its spreadsheet with the same filters. Keepers return a borrowed
 * line or write it off with the lender's agreement from here.
 */
export function LoansPage() {
  const { t, formatNumber } = useI18n();
  const user = useCurrentUser();
  const list = useUrlListState();
  const direction = list.code("direction", AID_DIRECTIONS);
  const neighbourId = list.id("neighbourId");
  // What is still out is what the page is for: showing settled lines too is the choice to make.
  const outstanding = list.params.get("all") !== "1";
  const neighbours = useQuery(trpc.neighbours.list.queryOptions({ pageSize: 200 }));
  const filters = { direction, neighbourId, outstanding };
  const query = useQuery(
    trpc.aid.loans.queryOptions(
      { ...filters, ...list.paging },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );
  const [settling, setSettling] = useState<Settling | null>(null);
  const keeper = isStockKeeper(user.role);
  const qty = (value: number, unit: string, testId: string) => (
    <span className="qty" data-testid={testId} data-value={value}>
      {formatNumber(value)}
      <span className="qty-units">{unit}</span>
    </span>
  );

  const columns: TableColumnsType<LoanRow> = [
    {
      title: t("aid.column.number"),
      key: "number",
      render: (_v, r) => (
        <Flex vertical>
          <Link to={`/aid/${r.requestId}`}>{r.number}</Link>
          <Typography.Text type="secondary" className="cell-code">
            {formatDistrictDateTime(r.requestedAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("aid.field.direction"),
      key: "direction",
      render: (_v, r) => <Typography.Text>{t(`aid.loans.${r.direction}`)}</Typography.Text>,
    },
    { title: t("aid.field.neighbour"), dataIndex: "neighbourName", key: "neighbour" },
    {
      title: t("aid.field.item"),
      key: "item",
      render: (_v, r) => <NameCodeCell name={r.itemName} code={r.itemCode} />,
    },
    {
      title: t("aid.loans.delivered"),
      key: "delivered",
      align: "right",
      render: (_v, r) => qty(r.delivered, r.baseUnit, "loan-delivered"),
    },
    {
      title: t("aid.loans.returned"),
      key: "returned",
      align: "right",
      render: (_v, r) => qty(r.returned, r.baseUnit, "loan-returned"),
    },
    {
      title: t("aid.page.outstanding"),
      key: "outstanding",
      align: "right",
      render: (_v, r) => <strong>{qty(r.outstanding, r.baseUnit, "loan-outstanding")}</strong>,
    },
    { title: t("aid.column.status"), key: "status", render: (_v, r) => <AidStatusTag status={r.status} /> },
    {
      title: t("common.actions"),
      key: "actions",
      render: (_v, r) =>
        keeper &&
        r.direction === "out" &&
        r.outstanding > 0 && (
          <Space size={4}>
            <Button
              size="small"
              icon={<RollbackOutlined />}
              onClick={() => setSettling({ row: r, move: "return" })}
              data-testid="loan-return"
            >
              {t("aid.action.return")}
            </Button>
            <Button
              size="small"
              icon={<StopOutlined />}
              onClick={() => setSettling({ row: r, move: "writeOff" })}
              data-testid="loan-write-off"
            >
              {t("aid.action.writeOff")}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t("aid.loans.title")}
        subtitle={t("aid.loans.subtitle")}
        extra={
          <DownloadButton
            load={() =>
              queryClient.fetchQuery({
                ...trpc.aid.exportLoans.queryOptions(filters),
                staleTime: 0,
                gcTime: 0,
              })
            }
            testId="loans-export"
          >
            {t("aid.loans.export")}
          </DownloadButton>
        }
      />
      <Space wrap>
        <CodeFilter
          list={list}
          name="direction"
          codes={AID_DIRECTIONS}
          label={(d) => t(`aid.loans.${d}`)}
          placeholder={t("aid.filter.direction")}
          data-testid="loans-filter-direction"
        />
        <NeighbourFilter
          list={list}
          neighbours={neighbours.data?.rows}
          data-testid="loans-filter-neighbour"
        />
        <Space size={6}>
          <Switch
            checked={!outstanding}
            onChange={(all) => list.setFilters({ all })}
            data-testid="loans-show-all"
          />
          <Typography.Text>{t("aid.loans.showAll")}</Typography.Text>
        </Space>
      </Space>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<LoanRow>
          rowKey={(r) => `${r.requestId}-${r.itemId}`}
          size="middle"
          columns={columns}
          dataSource={query.data?.rows ?? []}
          loading={query.isFetching}
          data-testid="loans-table"
          onRow={(r) =>
            ({
              "data-testid": "loan-row",
              "data-number": r.number,
              "data-item": r.itemCode,
            }) as React.HTMLAttributes<HTMLElement>
          }
          {...list.tableProps<LoanRow>(query.data?.total)}
        />
      )}
      {settling && <SettleLoan settling={settling} onClose={() => setSettling(null)} />}
    </Flex>
  );
}
