import { Flex, Space, Table, type TableColumnsType, type TableProps, Tag, Tooltip, Typography } from "antd";
import type { SortOrder as AntSortOrder } from "antd/es/table/interface";
import { Link } from "react-router";
import {
  AgreementKindTag,
  AgreementStatusTag,
  FlaggedMark,
  GradeTag,
} from "../../components/agreements/AgreementTags";
import { lineSummary } from "../../components/agreements/lines";
import { useI18n } from "../../i18n";
import type { AgreementSort, AgreementView, LineFlag } from "../../lib/api-types";

/** Lines shown in the summary cell before "等 N 项". */
const SUMMARY_LINES = 2;

function flagCounts(agreement: AgreementView): Map<LineFlag, number> {
  const counts = new Map<LineFlag, number>();
  for (const line of agreement.lines)
    for (const flag of line.flags) counts.set(flag, (counts.get(flag) ?? 0) + 1);
  return counts;
}

/** A page of the server's list: its pager and sort, written back to the address by the page. */
export interface ServerPaging {
  table: Pick<TableProps<AgreementView>, "pagination" | "onChange">;
  sortOrder: (key: AgreementSort) => AntSortOrder;
}

/**
 * Agreements: number (to the detail page), enterprise with its grade, kind, validity, status, what the lines
 * commit, and how many points of the stock figures need checking. With `paging` the rows are one page of the
 * server's list and the headers sort on the server; without, the rows are all there are (one enterprise's).
 */
export function AgreementTable({
  rows,
  loading = false,
  showEnterprise = true,
  emptyText,
  paging,
}: {
  rows: readonly AgreementView[];
  loading?: boolean;
  showEnterprise?: boolean;
  emptyText?: string;
  paging?: ServerPaging;
}) {
  const { t, formatNumber } = useI18n();
  const fmt = (n: number) => formatNumber(n);
  const sorted = (key: AgreementSort) =>
    paging
      ? {
          sorter: true,
          sortOrder: paging.sortOrder(key),
          sortDirections: ["ascend", "descend"] as AntSortOrder[],
        }
      : {};

  const columns: TableColumnsType<AgreementView> = [
    {
      title: t("agreements.column.number"),
      dataIndex: "number",
      key: "number",
      fixed: "left",
      ...sorted("number"),
      render: (number: string, a) => (
        <Link to={`/agreements/${a.id}`} className="nowrap" data-testid="agreement-number">
          {number}
        </Link>
      ),
    },
    ...(showEnterprise
      ? [
          {
            title: t("agreements.column.enterprise"),
            key: "enterprise",
            ...sorted("enterprise"),
            render: (_v: unknown, a: AgreementView) => (
              <Space size={6}>
                <Link to={`/enterprises/${a.enterpriseId}`} data-testid="agreement-enterprise">
                  {a.enterpriseName}
                </Link>
                <GradeTag grade={a.enterpriseGrade} />
                {a.enterpriseFlagged && <FlaggedMark />}
              </Space>
            ),
          },
        ]
      : []),
    {
      title: t("agreements.column.kind"),
      dataIndex: "kind",
      key: "kind",
      render: (_v, a) => <AgreementKindTag kind={a.kind} />,
    },
    {
      title: t("agreements.column.validity"),
      key: "endDate",
      ...sorted("endDate"),
      render: (_v, a) => (
        <span className="nowrap" data-testid="agreement-validity">
          {t("agreements.validity", { start: a.startDate, end: a.endDate })}
        </span>
      ),
    },
    {
      title: t("agreements.column.status"),
      dataIndex: "status",
      key: "status",
      render: (_v, a) => <AgreementStatusTag status={a.status} daysToEnd={a.daysToEnd} />,
    },
    {
      title: t("agreements.column.lines"),
      key: "lines",
      render: (_v, a) => {
        const all = a.lines.map((l) => lineSummary(l, a.kind, t, fmt));
        const shown = all.slice(0, SUMMARY_LINES);
        return (
          <Flex vertical data-testid="agreement-lines">
            {shown.map((text, index) => (
              <span key={index}>{text}</span>
            ))}
            {all.length > SUMMARY_LINES && (
              <Tooltip title={all.slice(SUMMARY_LINES).join(t("common.clauseSeparator"))}>
                <Typography.Text type="secondary" className="cell-code">
                  {t("agreements.summary.more", { count: all.length - SUMMARY_LINES })}
                </Typography.Text>
              </Tooltip>
            )}
          </Flex>
        );
      },
    },
    {
      title: t("agreements.column.flags"),
      key: "flags",
      align: "center",
      render: (_v, a) => {
        if (a.kind !== "stock") return <span className="qty-zero">—</span>;
        const counts = flagCounts(a);
        const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
        if (total === 0) return <span className="qty-zero">0</span>;
        return (
          <Tooltip
            title={[...counts]
              .map(([flag, n]) =>
                t("agreements.flags.item", { flag: t(`agreements.lineFlag.${flag}`), count: n }),
              )
              .join(t("common.clauseSeparator"))}
          >
            <Tag color="orange" data-testid="agreement-flags">
              {total}
            </Tag>
          </Tooltip>
        );
      },
    },
  ];

  return (
    <Table<AgreementView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows as AgreementView[]}
      loading={loading}
      {...(paging?.table ?? {
        pagination: rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false,
      })}
      scroll={{ x: "max-content" }}
      locale={emptyText ? { emptyText } : undefined}
      data-testid="agreements-table"
      rowClassName={(a) => (a.status === "expired" || a.status === "terminated" ? "row-inactive" : "")}
      onRow={(a) =>
        ({
          "data-testid": "agreement-row",
          "data-number": a.number,
          "data-status": a.status,
        }) as React.HTMLAttributes<HTMLElement>
      }
    />
  );
}
