import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, Empty, Flex, Row, Skeleton, Statistic, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { trpc } from "../../trpc";
import { type Evaluation, HAZARDS, type Hazard, percent, type Scenario, scenarioName } from "./layoutTypes";

interface TownshipRow {
  areaId: number;
  township: string;
  byHazard: Partial<Record<Hazard, Scenario>>;
  /** The same township's scenarios on today's layout, when the table compares an advice with today. */
  beforeByHazard: Partial<Record<Hazard, Scenario>>;
}

/** The lowest share among a township's hazards: how its worst likely disaster is served. */
function lowestShare(byHazard: TownshipRow["byHazard"]): number | null {
  const shares = Object.values(byHazard).map((s) => s.share);
  return shares.length === 0 ? null : Math.min(...shares);
}

/**
 * Scenarios by township, in the register's township order, with `before` (today's layout) beside them when
 * given; the district-wide case is not a township's.
 */
function townshipRows(
  scenarios: readonly Scenario[],
  before: readonly Scenario[] | undefined,
  townships: ReadonlyMap<number, string>,
): TownshipRow[] {
  const rows = new Map<number, TownshipRow>();
  const row = (areaId: number) => {
    const known = rows.get(areaId);
    if (known) return known;
    const created: TownshipRow = { areaId, township: String(areaId), byHazard: {}, beforeByHazard: {} };
    rows.set(areaId, created);
    return created;
  };
  for (const [areaId, township] of townships) rows.set(areaId, { ...row(areaId), township });
  for (const s of scenarios) if (s.areaId !== null) row(s.areaId).byHazard[s.hazard as Hazard] = s;
  for (const s of before ?? []) if (s.areaId !== null) row(s.areaId).beforeByHazard[s.hazard as Hazard] = s;
  return [...rows.values()];
}

/** The worst scenario, the weighted mean and the district-wide 10 % case as three figures. */
export function EvaluationFigures({
  evaluation,
  townships,
}: {
  evaluation: Evaluation;
  townships: ReadonlyMap<number, string>;
}) {
  const { t, formatNumber } = useI18n();
  const worst = evaluation.scenarios.find((s) => s.id === evaluation.worst?.scenarioId);
  const district = evaluation.scenarios.find((s) => s.areaId === null);
  return (
    <Row gutter={16}>
      <Col xs={24} md={10}>
        <Card size="small" data-testid="layout-worst">
          <Statistic
            title={t("layout.eval.worst")}
            value={worst ? percent(worst.share) : "—"}
            suffix={worst ? "%" : undefined}
            styles={{ content: { color: worst && worst.share < 1 ? "#cf1322" : undefined } }}
          />
          {worst && (
            <Typography.Text data-testid="layout-worst-scenario">
              {t("layout.eval.worstScenario", {
                scenario: scenarioName(worst, townships, t),
                served: formatNumber(worst.servedInTime),
                people: formatNumber(worst.people),
              })}
            </Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} md={7}>
        <Card size="small" data-testid="layout-mean">
          <Statistic
            title={t("layout.eval.weightedMean")}
            value={percent(evaluation.weightedMean.share)}
            suffix="%"
          />
          <Typography.Text type="secondary">
            {t("layout.eval.weightedServed", { served: formatNumber(evaluation.weightedMean.servedInTime) })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={7}>
        <Card size="small" data-testid="layout-district">
          <Statistic
            title={t("layout.eval.district")}
            value={district ? percent(district.share) : "—"}
            suffix={district ? "%" : undefined}
          />
          {district && (
            <Typography.Text type="secondary">
              {t("layout.eval.districtServed", {
                served: formatNumber(district.servedInTime),
                people: formatNumber(district.people),
              })}
            </Typography.Text>
          )}
        </Card>
      </Col>
    </Row>
  );
}

/**
 * Each township's hazards: people equipped within 10 h of the scenario's people, red where short. Given
 * `before`, each cell that the advice changes reads "before → after / people", and a last column gives the
 * township's lowest share before and after; `onlyChanged` keeps the townships the advice changes.
 */
export function TownshipTable({
  scenarios,
  before,
  townships,
  onlyChanged = false,
}: {
  scenarios: readonly Scenario[];
  before?: readonly Scenario[];
  townships: ReadonlyMap<number, string>;
  onlyChanged?: boolean;
}) {
  const { t, formatNumber } = useI18n();
  const changed = (row: TownshipRow) =>
    HAZARDS.some((h) => row.beforeByHazard[h]?.servedInTime !== row.byHazard[h]?.servedInTime);
  const columns: ColumnsType<TownshipRow> = [
    { key: "township", title: t("layout.eval.township"), dataIndex: "township", fixed: "left" },
    ...HAZARDS.map((hazard) => ({
      key: hazard,
      title: t(`risks.hazard.${hazard}`),
      align: "right" as const,
      render: (_: unknown, row: TownshipRow) => {
        const s = row.byHazard[hazard];
        if (!s) return <Typography.Text type="secondary">—</Typography.Text>;
        const was = row.beforeByHazard[hazard];
        const served =
          was && was.servedInTime !== s.servedInTime
            ? `${formatNumber(was.servedInTime)} → ${formatNumber(s.servedInTime)}`
            : formatNumber(s.servedInTime);
        return (
          <Typography.Text
            type={s.servedInTime < s.people ? "danger" : undefined}
            strong={was !== undefined && was.servedInTime !== s.servedInTime}
            data-testid={`cell-${s.id}`}
          >
            {t("layout.eval.cell", { served, people: formatNumber(s.people) })}
          </Typography.Text>
        );
      },
    })),
    ...(before
      ? [
          {
            key: "lowest",
            title: t("layout.advice.lowestShare"),
            align: "right" as const,
            render: (_: unknown, row: TownshipRow) => {
              const was = lowestShare(row.beforeByHazard);
              const now = lowestShare(row.byHazard);
              if (now === null) return "—";
              return (
                <Typography.Text type={now < 1 ? "danger" : undefined} data-testid={`lowest-${row.areaId}`}>
                  {was === null || was === now ? `${percent(now)}%` : `${percent(was)}% → ${percent(now)}%`}
                </Typography.Text>
              );
            },
          },
        ]
      : []),
  ];
  const rows = townshipRows(scenarios, before, townships).filter(
    (row) => !onlyChanged || !before || changed(row),
  );
  return (
    <Table<TownshipRow>
      rowKey="areaId"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: t("layout.advice.noTownshipChange") }}
      data-testid="layout-townships"
    />
  );
}

/** 当前评估: how today's stock, fleet and roads serve each scenario of the register. */
export function EvaluationPanel({ townships }: { townships: ReadonlyMap<number, string> }) {
  const { t } = useI18n();
  const evaluation = useQuery(trpc.layout.evaluate.queryOptions({}));
  if (evaluation.isError) return <QueryError error={evaluation.error} onRetry={() => evaluation.refetch()} />;
  if (!evaluation.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (evaluation.data.scenarios.length === 0) return <Empty description={t("layout.eval.none")} />;
  return (
    <Flex vertical gap={16}>
      <EvaluationFigures evaluation={evaluation.data} townships={townships} />
      <Alert type="info" showIcon title={t("layout.eval.rule")} />
      <TownshipTable scenarios={evaluation.data.scenarios} townships={townships} />
    </Flex>
  );
}
