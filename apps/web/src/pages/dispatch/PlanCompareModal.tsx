import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import { Flex, Modal, Select, Table, type TableColumnsType, Typography } from "antd";
import { useState } from "react";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { trpc } from "../../trpc";
import { formatSpan } from "./planFormat";
import type { PlanComparison, PlanVersion } from "./planTypes";

interface FigureRow {
  key: string;
  label: string;
  a: string;
  b: string;
  change: string;
  /** Whether B is worse than A on this figure (fewer people, later, more km or trucks). */
  worse: boolean;
}

type AreaRow = PlanComparison["areas"][number];

const clock = (iso: string | null) => (iso ? formatDistrictDateTime(iso).slice(5) : "—");

/**
 * Two versions of the incident's plan side by side: people served, latest arrival, km and trucks, each with
 * the server's B − A, and the areas whose outcome differs.
 */
export function PlanCompareModal({
  versions,
  current,
  versionLabel,
  areaName,
  onClose,
}: {
  versions: readonly PlanVersion[];
  current: number | null;
  versionLabel: (version: PlanVersion) => string;
  areaName: (id: number) => string;
  onClose: () => void;
}) {
  const { t, formatNumber } = useI18n();
  // B is the version on screen, A the one before it (versions come newest first).
  const at = Math.max(
    0,
    versions.findIndex((v) => v.planId === current),
  );
  const b0 = versions[at]?.planId ?? null;
  const a0 = (versions[at + 1] ?? versions.find((v) => v.planId !== b0))?.planId ?? null;
  const [a, setA] = useState(a0);
  const [b, setB] = useState(b0);
  const comparison = useQuery(
    trpc.dispatch.compare.queryOptions(a && b ? { a, b } : skipToken, { placeholderData: keepPreviousData }),
  );
  const choices = versions.map((v) => ({ value: v.planId, label: versionLabel(v) }));
  const signed = (n: number, digits = 0) => `${n > 0 ? "+" : ""}${formatNumber(n, digits)}`;

  const figures = (c: PlanComparison): FigureRow[] => {
    const sa = c.a.summary;
    const sb = c.b.summary;
    const d = c.difference;
    const late = d.latestArrivalMinutes;
    return [
      {
        key: "served",
        label: t("plan.summary.peopleServed"),
        a: sa ? formatNumber(sa.peopleServed) : "—",
        b: sb ? formatNumber(sb.peopleServed) : "—",
        change: signed(d.peopleServed),
        worse: d.peopleServed < 0,
      },
      {
        key: "latest",
        label: t("plan.summary.latestArrival"),
        a: clock(sa?.latestArrivalAt ?? null),
        b: clock(sb?.latestArrivalAt ?? null),
        change: late === null ? "—" : `${late > 0 ? "+" : late < 0 ? "−" : ""}${formatSpan(late, t)}`,
        worse: late !== null && late > 0,
      },
      {
        key: "km",
        label: t("plan.summary.km"),
        a: sa ? formatNumber(sa.totalKm, 1) : "—",
        b: sb ? formatNumber(sb.totalKm, 1) : "—",
        change: signed(d.totalKm, 1),
        worse: d.totalKm > 0,
      },
      {
        key: "trucks",
        label: t("plan.summary.trucks"),
        a: sa ? formatNumber(sa.vehiclesUsed) : "—",
        b: sb ? formatNumber(sb.vehiclesUsed) : "—",
        change: signed(d.vehiclesUsed),
        worse: d.vehiclesUsed > 0,
      },
    ];
  };

  const figureColumns: TableColumnsType<FigureRow> = [
    { title: t("plan.compare.metric"), dataIndex: "label", key: "label" },
    { title: t("plan.compare.a"), dataIndex: "a", key: "a", align: "right" },
    { title: t("plan.compare.b"), dataIndex: "b", key: "b", align: "right" },
    {
      title: t("plan.compare.change"),
      key: "change",
      align: "right",
      render: (_v, row) => <span className={row.worse ? "plan-late" : undefined}>{row.change}</span>,
    },
  ];
  const areaColumns: TableColumnsType<AreaRow> = [
    { title: t("plan.areas.area"), key: "area", render: (_v, row) => areaName(row.areaId) },
    {
      title: t("plan.compare.a"),
      key: "a",
      align: "right",
      render: (_v, row) =>
        `${formatNumber(row.peopleServedA)} / ${formatNumber(row.people)} · ${clock(row.completeAtA)}`,
    },
    {
      title: t("plan.compare.b"),
      key: "b",
      align: "right",
      render: (_v, row) => (
        <span className={row.peopleServedB < row.peopleServedA ? "plan-late" : undefined}>
          {`${formatNumber(row.peopleServedB)} / ${formatNumber(row.people)} · ${clock(row.completeAtB)}`}
        </span>
      ),
    },
  ];
  const changed = (comparison.data?.areas ?? []).filter(
    (row) => row.peopleServedA !== row.peopleServedB || row.completeAtA !== row.completeAtB,
  );

  return (
    <Modal open title={t("plan.compare.title")} onCancel={onClose} footer={null} width={720}>
      <Flex vertical gap={12}>
        <Flex gap={8} wrap>
          <Select<number>
            value={a ?? undefined}
            onChange={setA}
            options={choices}
            style={{ minWidth: 220 }}
            data-testid="plan-compare-a"
          />
          <Select<number>
            value={b ?? undefined}
            onChange={setB}
            options={choices}
            style={{ minWidth: 220 }}
            data-testid="plan-compare-b"
          />
        </Flex>
        {comparison.isError ? (
          <QueryError error={comparison.error} onRetry={() => comparison.refetch()} />
        ) : (
          <>
            <Table<FigureRow>
              size="small"
              rowKey="key"
              pagination={false}
              loading={comparison.isPending && !!a && !!b}
              columns={figureColumns}
              dataSource={comparison.data ? figures(comparison.data) : []}
              data-testid="plan-compare-table"
            />
            <Typography.Text strong>{t("plan.compare.areas")}</Typography.Text>
            {comparison.data && changed.length === 0 ? (
              <Typography.Text type="secondary">{t("plan.compare.noAreaChange")}</Typography.Text>
            ) : (
              <Table<AreaRow>
                size="small"
                rowKey="areaId"
                pagination={false}
                columns={areaColumns}
                dataSource={changed}
                data-testid="plan-compare-areas"
              />
            )}
          </>
        )}
      </Flex>
    </Modal>
  );
}
