import { Card, Flex, Segmented, Table, type TableColumnsType, Tooltip, Typography } from "antd";
import { useMemo, useState } from "react";
import { BasisTag } from "../../components/BasisTag";
import { type ChartOption, EChart } from "../../components/charts/EChart";
import { RatioText, ratioCellClass } from "../../components/coverage/CoverageTags";
import { type Translate, useI18n } from "../../i18n";
import type { AreaItem } from "../../lib/api-types";
import {
  type CoverageSummary,
  categoryLabel,
  formatPercent,
  reachRatio,
  type TownshipCoverage,
  type TownshipReach,
} from "../../lib/coverage";

type View = "table" | "heatmap";

interface TownshipRow extends TownshipCoverage {
  area: AreaItem | undefined;
  shelterRatio: number;
  /** Coverage within reach, once `dispatch.reach` has answered. */
  reach: TownshipReach | undefined;
  reachRatio: number | undefined;
}

const shelterRatio = (row: TownshipCoverage) =>
  row.shelters.targetPeople > 0 ? row.shelters.capacity / row.shelters.targetPeople : 0;

function heatmapOption(rows: TownshipRow[], t: Translate, locale: string): ChartOption {
  const columns = [
    t("coverage.townships.reserveRatio"),
    t("coverage.townships.reachRatio"),
    t("coverage.townships.shelterRatio"),
  ];
  // Top to bottom in the table's order: the y axis counts upwards, so it is reversed.
  const names = rows.map((r) => r.name);
  const data = rows.flatMap((r, y) => [
    [0, y, Math.round(r.ratioOfTarget * 1000) / 10],
    ...(r.reachRatio === undefined ? [] : [[1, y, Math.round(r.reachRatio * 1000) / 10]]),
    [2, y, Math.round(r.shelterRatio * 1000) / 10],
  ]);
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
    tooltip: {
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        const value = p?.value as [number, number, number] | undefined;
        if (!value) return "";
        const row = rows[value[1]];
        if (!row) return "";
        const figure = t("common.labelled", {
          label: columns[value[0]] ?? "",
          value: formatPercent(value[2] / 100, locale),
        });
        return `${row.name}<br/>${figure}`;
      },
    },
    xAxis: { type: "category", data: columns, position: "top", splitArea: { show: true } },
    yAxis: { type: "category", data: names, inverse: true, splitArea: { show: true } },
    visualMap: {
      type: "piecewise",
      orient: "horizontal",
      left: "center",
      bottom: 0,
      pieces: [
        { lt: 50, color: "#ff7875", label: t("coverage.legend.low") },
        { gte: 50, lt: 100, color: "#ffc069", label: t("coverage.legend.mid") },
        { gte: 100, color: "#95de64", label: t("coverage.legend.ok") },
      ],
    },
    series: [
      {
        type: "heatmap",
        data,
        label: { show: true, formatter: (p) => formatPercent(((p.value as number[])[2] ?? 0) / 100, locale) },
        emphasis: { itemStyle: { borderColor: "#333", borderWidth: 1 } },
      },
    ],
  };
}

/**
 * The 23 townships: residents (with where the figure comes from), the reserve target and the people the stock
 * stored there equips, the people the stock that reaches the township within 10 h equips, the bottleneck, and
 * shelter places against 20 % of residents — as a table or a heatmap.
 */
export function TownshipCoverageCard({
  townships,
  reach,
  summary,
  areas,
  districtPopulation,
  loading,
}: {
  townships: readonly TownshipCoverage[];
  reach: readonly TownshipReach[] | undefined;
  summary: CoverageSummary | undefined;
  areas: readonly AreaItem[];
  districtPopulation: number;
  loading: boolean;
}) {
  const { t, locale, formatNumber } = useI18n();
  const [view, setView] = useState<View>("table");
  const rows = useMemo(() => {
    const byId = new Map(areas.map((a) => [a.id, a] as const));
    const reachById = new Map((reach ?? []).map((r) => [r.areaId, r] as const));
    return townships
      .map((row) => {
        const within = reachById.get(row.areaId);
        return {
          ...row,
          area: byId.get(row.areaId),
          shelterRatio: shelterRatio(row),
          reach: within,
          reachRatio: within && reachRatio(within.peopleWithinReach, row.targetPeople),
        };
      })
      .sort((a, b) => b.population - a.population);
  }, [townships, reach, areas]);
  const option = useMemo(() => heatmapOption(rows, t, locale), [rows, t, locale]);
  const names = useMemo(
    () => new Map((summary?.categories ?? []).map((c) => [c.categoryId, categoryLabel(c, locale)] as const)),
    [summary, locale],
  );

  const columns: TableColumnsType<TownshipRow> = [
    {
      title: t("coverage.townships.name"),
      dataIndex: "name",
      key: "name",
      render: (name: string) => <span data-testid="township-name">{name}</span>,
    },
    {
      title: t("areas.column.population"),
      dataIndex: "population",
      key: "population",
      align: "right",
      sorter: (a, b) => a.population - b.population,
      render: (value: number, row) => (
        <Flex vertical align="flex-end">
          <span className="qty" data-testid="township-population">
            {formatNumber(value)}
          </span>
          <Flex gap={4} align="center">
            <Typography.Text type="secondary" className="cell-code nowrap">
              {t("coverage.townships.share", {
                share: formatNumber(districtPopulation > 0 ? (value / districtPopulation) * 100 : 0, 1),
              })}
            </Typography.Text>
            {row.area && row.area.populationBasis !== "census" && (
              <BasisTag basis={row.area.populationBasis} />
            )}
          </Flex>
        </Flex>
      ),
    },
    {
      title: t("coverage.townships.target"),
      dataIndex: "targetPeople",
      key: "target",
      align: "right",
      render: (value: number) => formatNumber(value),
    },
    {
      title: t("coverage.townships.covered"),
      dataIndex: "peopleCovered",
      key: "covered",
      align: "right",
      render: (value: number, row) => (
        <Flex vertical align="flex-end">
          <span className="qty" data-testid="township-covered" data-value={value}>
            {formatNumber(value)}
          </span>
          <Typography.Text type="secondary" className="cell-code nowrap">
            {t("coverage.governmentShort")} {formatNumber(row.governmentPeopleCovered)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("coverage.townships.reserveRatio"),
      dataIndex: "ratioOfTarget",
      key: "ratio",
      align: "right",
      sorter: (a, b) => a.ratioOfTarget - b.ratioOfTarget,
      onCell: (row) => ({ className: ratioCellClass(row.ratioOfTarget) }),
      render: (ratio: number) => <RatioText ratio={ratio} testId="township-ratio" />,
    },
    {
      title: (
        <Tooltip title={t("coverage.townships.withinReachHint")}>
          <span>{t("coverage.townships.withinReach")}</span>
        </Tooltip>
      ),
      key: "withinReach",
      align: "right",
      sorter: (a, b) => (a.reachRatio ?? 0) - (b.reachRatio ?? 0),
      onCell: (row) => ({
        className: row.reachRatio === undefined ? undefined : ratioCellClass(row.reachRatio),
      }),
      render: (_v, row) =>
        row.reach ? (
          <Flex vertical align="flex-end">
            <span
              className="qty"
              data-testid="township-reach"
              data-value={row.reach.peopleWithinReach}
              data-short={(row.reachRatio ?? 1) < 1}
            >
              {formatNumber(row.reach.peopleWithinReach)}
            </span>
            <Typography.Text type="secondary" className="cell-code nowrap">
              {t("coverage.townships.reachWarehouses", { count: row.reach.warehouses.length })}
            </Typography.Text>
          </Flex>
        ) : (
          <span className="qty-zero">—</span>
        ),
    },
    {
      title: t("coverage.townships.bottleneck"),
      key: "bottleneck",
      render: (_v, row) =>
        row.bottleneckCategory ? (
          (names.get(row.bottleneckCategory.categoryId) ?? row.bottleneckCategory.name)
        ) : (
          <span className="qty-zero">—</span>
        ),
    },
    {
      title: t("coverage.townships.shelterTarget"),
      key: "shelterTarget",
      align: "right",
      render: (_v, row) => formatNumber(row.shelters.targetPeople),
    },
    {
      title: t("coverage.townships.shelterCapacity"),
      key: "shelterCapacity",
      align: "right",
      render: (_v, row) => (
        <span className="qty" data-testid="township-shelter-capacity" data-value={row.shelters.capacity}>
          {formatNumber(row.shelters.capacity)}
        </span>
      ),
    },
    {
      title: t("coverage.townships.shelterRatio"),
      dataIndex: "shelterRatio",
      key: "shelterRatio",
      align: "right",
      sorter: (a, b) => a.shelterRatio - b.shelterRatio,
      onCell: (row) => ({ className: ratioCellClass(row.shelterRatio) }),
      render: (ratio: number) => <RatioText ratio={ratio} testId="township-shelter-ratio" />,
    },
  ];

  return (
    <Card
      title={t("coverage.townships.title")}
      data-testid="coverage-townships"
      extra={
        <Segmented<View>
          value={view}
          onChange={setView}
          options={[
            { value: "table", label: t("coverage.townships.viewTable") },
            { value: "heatmap", label: t("coverage.townships.viewHeatmap") },
          ]}
          data-testid="townships-view"
        />
      }
    >
      {view === "table" ? (
        <Table<TownshipRow>
          rowKey="areaId"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={loading}
          pagination={false}
          data-testid="coverage-township-table"
          onRow={(row) =>
            ({ "data-testid": "township-row", "data-name": row.name }) as React.HTMLAttributes<HTMLElement>
          }
        />
      ) : (
        <EChart
          option={option}
          height={Math.max(320, rows.length * 24 + 100)}
          ariaLabel={t("coverage.townships.heatmapAria")}
          testId="coverage-township-heatmap"
        />
      )}
    </Card>
  );
}
