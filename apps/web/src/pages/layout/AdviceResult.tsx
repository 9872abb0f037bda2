import { Card, Col, Flex, Row, Statistic, Switch, Table, Typography } from "antd";
import { useState } from "react";
import { DownloadButton } from "../../components/DownloadButton";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { trpcClient } from "../../trpc";
import { ConfirmationSummary, ConfirmButton } from "./AdviceConfirm";
import { AdviceMap } from "./AdviceMap";
import { TownshipTable } from "./EvaluationPanel";
import { type Advice, percent, type Scenario, scenarioName } from "./layoutTypes";

interface ScenarioChange {
  id: string;
  name: string;
  people: number;
  before: number;
  after: number;
  /** People the full planner equips on the advised layout, once the advice is checked. */
  planned: number | null;
}

function changes(
  advice: Advice,
  townships: ReadonlyMap<number, string>,
  t: Parameters<typeof scenarioName>[2],
) {
  const after = new Map(advice.after.scenarios.map((s) => [s.id, s] as const));
  const planned = new Map((advice.confirmation?.scenarios ?? []).map((c) => [c.id, c.planned] as const));
  return advice.before.scenarios.map(
    (s: Scenario): ScenarioChange => ({
      id: s.id,
      name: scenarioName(s, townships, t),
      people: s.people,
      before: s.servedInTime,
      after: after.get(s.id)?.servedInTime ?? s.servedInTime,
      planned: planned.get(s.id) ?? null,
    }),
  );
}

/** Before and after, side by side: the worst scenario, the weighted mean and (with purchases) the 10 % coverage. */
function Figures({ advice }: { advice: Advice }) {
  const { t } = useI18n();
  const pair = (title: string, before: number, after: number, testId: string) => (
    <Col xs={24} md={8}>
      <Card size="small" data-testid={testId}>
        <Statistic title={title} value={`${percent(before)}% → ${percent(after)}%`} />
      </Card>
    </Col>
  );
  return (
    <Row gutter={16}>
      {pair(
        t("layout.advice.worst"),
        advice.before.worst?.share ?? 0,
        advice.after.worst?.share ?? 0,
        "advice-worst",
      )}
      {pair(
        t("layout.advice.mean"),
        advice.before.weightedMean.share,
        advice.after.weightedMean.share,
        "advice-mean",
      )}
      {advice.coverage &&
        pair(t("layout.advice.coverage"), advice.coverage.before, advice.coverage.after, "advice-coverage")}
    </Row>
  );
}

/** One advice: figures, the map, the transfers and purchases with their reasons, each scenario before and after. */
export function AdviceResult({
  advice,
  townships,
  actions,
}: {
  advice: Advice;
  townships: ReadonlyMap<number, string>;
  actions: React.ReactNode;
}) {
  const { t, tm, formatNumber } = useI18n();
  const [onlyChanged, setOnlyChanged] = useState(true);
  // With the planner's check, a scenario it serves below the bound is worth showing too.
  const rows = changes(advice, townships, t).filter(
    (r) => !onlyChanged || r.after !== r.before || (r.planned !== null && r.planned !== r.after),
  );
  const totalCost = advice.purchases.reduce((sum, p) => sum + p.costYuan, 0);
  return (
    <Flex vertical gap={16} data-testid="advice-result">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={4} className="page-title">
            {t("layout.advice.title", { id: advice.adviceId })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t("layout.advice.createdAt", {
              at: formatDistrictDateTime(advice.createdAt),
              loads: advice.maxTruckloads,
            })}
            {advice.budgetYuan !== null &&
              ` · ${t("layout.advice.budget", { budget: formatNumber(advice.budgetYuan) })}`}
          </Typography.Text>
        </div>
        {actions}
      </Flex>
      <Figures advice={advice} />
      <Card size="small" title={t("layout.advice.transfers")}>
        {advice.transfers.length === 0 ? (
          <Typography.Text type="secondary">{t("layout.advice.noTransfers")}</Typography.Text>
        ) : (
          <Flex vertical gap={16}>
            <AdviceMap advice={advice} />
            <Table
              rowKey={(r) => `${r.fromWarehouseId}-${r.toWarehouseId}-${r.itemId}`}
              size="small"
              pagination={false}
              dataSource={advice.transfers}
              data-testid="advice-transfers"
              columns={[
                { key: "from", title: t("layout.advice.from"), dataIndex: "fromWarehouse" },
                { key: "to", title: t("layout.advice.to"), dataIndex: "toWarehouse" },
                { key: "item", title: t("layout.field.item"), dataIndex: "item" },
                {
                  key: "quantity",
                  title: t("layout.advice.quantity"),
                  align: "right",
                  render: (_, r) => formatNumber(r.quantity),
                },
                { key: "reason", title: t("layout.advice.reason"), render: (_, r) => tm(r.reason) },
              ]}
            />
          </Flex>
        )}
      </Card>
      {advice.purchases.length > 0 && (
        <Card
          size="small"
          title={`${t("layout.advice.purchases")} · ${t("layout.advice.purchaseTotal", { total: formatNumber(totalCost) })}`}
          extra={
            <DownloadButton
              testId="advice-purchase-sheet"
              load={() => trpcClient.layout.purchaseSheet.query({ adviceId: advice.adviceId })}
            >
              {t("layout.advice.download")}
            </DownloadButton>
          }
        >
          <Table
            rowKey={(r) => `${r.itemId}-${r.warehouseId}`}
            size="small"
            pagination={false}
            dataSource={advice.purchases}
            data-testid="advice-purchases"
            columns={[
              { key: "item", title: t("layout.field.item"), dataIndex: "item" },
              { key: "warehouse", title: t("layout.advice.warehouse"), dataIndex: "warehouse" },
              {
                key: "quantity",
                title: t("layout.advice.quantity"),
                align: "right",
                render: (_, r) => formatNumber(r.quantity),
              },
              {
                key: "cost",
                title: t("layout.advice.cost"),
                align: "right",
                render: (_, r) => formatNumber(r.costYuan),
              },
              { key: "reason", title: t("layout.advice.reason"), render: (_, r) => tm(r.reason) },
            ]}
          />
        </Card>
      )}
      <Card
        size="small"
        title={t("layout.advice.scenarios")}
        extra={
          <Flex gap={8} align="center">
            <ConfirmButton advice={advice} />
            <Switch
              size="small"
              checked={onlyChanged}
              onChange={setOnlyChanged}
              data-testid="advice-only-changed"
            />
            {t("layout.advice.onlyChanged")}
          </Flex>
        }
      >
        {advice.confirmation && <ConfirmationSummary confirmation={advice.confirmation} />}
        <Table<ScenarioChange>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={rows}
          data-testid="advice-scenarios"
          columns={[
            { key: "name", title: t("layout.scenario"), dataIndex: "name" },
            {
              key: "people",
              title: t("layout.advice.people"),
              align: "right",
              render: (_, r) => formatNumber(r.people),
            },
            {
              key: "before",
              title: t("layout.advice.servedBefore"),
              align: "right",
              render: (_, r) => (
                <Typography.Text type={r.before < r.people ? "danger" : undefined}>
                  {formatNumber(r.before)}
                </Typography.Text>
              ),
            },
            {
              key: "after",
              title: t("layout.advice.servedAfter"),
              align: "right",
              render: (_, r) => (
                <Typography.Text type={r.after < r.people ? "danger" : undefined}>
                  {formatNumber(r.after)}
                </Typography.Text>
              ),
            },
            {
              key: "change",
              title: t("layout.advice.change"),
              align: "right",
              render: (_, r) =>
                r.after === r.before
                  ? "—"
                  : `${r.after > r.before ? "+" : ""}${formatNumber(r.after - r.before)}`,
            },
            ...(advice.confirmation
              ? [
                  {
                    key: "planned",
                    title: t("layout.confirm.column"),
                    align: "right" as const,
                    render: (_: unknown, r: ScenarioChange) =>
                      r.planned === null ? "—" : formatNumber(r.planned),
                  },
                  {
                    key: "gap",
                    title: t("layout.confirm.gap"),
                    align: "right" as const,
                    render: (_: unknown, r: ScenarioChange) =>
                      r.planned === null || r.planned === r.after ? (
                        "—"
                      ) : (
                        <Typography.Text type="warning">{formatNumber(r.after - r.planned)}</Typography.Text>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t("layout.advice.townships")}>
        <TownshipTable
          scenarios={advice.after.scenarios}
          before={advice.before.scenarios}
          townships={townships}
          onlyChanged={onlyChanged}
        />
      </Card>
    </Flex>
  );
}
