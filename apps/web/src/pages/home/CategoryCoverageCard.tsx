import { quotaMessage, seasonNote } from "@relief/domain";
import { Card, Flex, Table, type TableColumnsType, Tooltip, Typography } from "antd";
import { useMemo } from "react";
import { type ChartOption, EChart } from "../../components/charts/EChart";
import { CategoryName, FlaggedEnterprises, RatioText } from "../../components/coverage/CoverageTags";
import { type RenderMessage, type Translate, useI18n } from "../../i18n";
import {
  type CategoryCoverage,
  type CoverageSummary,
  categoryLabel,
  formatMeasure,
  requiredState,
} from "../../lib/coverage";
import { formatDecimal } from "../../lib/format";

const COLORS = {
  government: "#1677ff",
  governmentMuted: "#bcd3f5",
  agreement: "#13a8a8",
  agreementMuted: "#b8e2e2",
  target: "#cf1322",
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A round axis maximum just above the larger of the bars and the target line. */
function niceCeiling(value: number): number {
  if (value <= 0) return 10;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const steps = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
  const step = steps.find((s) => s * magnitude >= value) ?? 10;
  return step * magnitude;
}

/** The category's name on the chart axis, with （不计入）/（非适用季节） when it does not set the headline. */
function axisName(c: CategoryCoverage, t: Translate, locale: string): string {
  const state = requiredState(c);
  const name = categoryLabel(c, locale);
  if (state === "shown") return `${name}\n${t("coverage.chart.notCountedSuffix")}`;
  if (state === "offSeason") return `${name}\n${t("coverage.chart.offSeasonSuffix")}`;
  return name;
}

function categoryChartOption(
  summary: CoverageSummary,
  t: Translate,
  tm: RenderMessage,
  locale: string,
): ChartOption {
  const { categories, targetPeople } = summary;
  const number = (n: number) => formatDecimal(n, locale, 2);
  const largest = Math.max(targetPeople, ...categories.map((c) => c.peopleCovered));
  const tooltip = (index: number) => {
    const c = categories[index];
    if (!c) return "";
    const unit = escapeHtml(c.unitLabel);
    const rows = [
      [t("coverage.column.quota"), escapeHtml(tm(quotaMessage(c.quota)))],
      [t("coverage.column.required"), `${number(c.requiredQuantity)} ${unit}`],
      [t("coverage.column.government"), `${number(c.governmentQuantity)} ${unit}`],
      [
        summary.countDeclared ? t("coverage.column.agreementDeclared") : t("coverage.column.agreement"),
        `${number(c.agreementQuantity)} ${unit}`,
      ],
      [
        t("coverage.column.people"),
        t("common.aside", {
          text: `${number(c.peopleCovered)} ${t("common.people")}`,
          note: `${t("coverage.governmentShort")} ${number(c.governmentPeopleCovered)}`,
        }),
      ],
      [t("coverage.column.shortfall"), `${number(c.shortfallQuantity)} ${unit}`],
    ];
    return [
      `<strong>${escapeHtml(axisName(c, t, locale).replace("\n", " "))}</strong>`,
      ...rows.map(([label, value]) =>
        t("common.labelled", { label: escapeHtml(label ?? ""), value: value ?? "" }),
      ),
    ].join("<br/>");
  };
  return {
    animation: false,
    grid: { left: 16, right: 24, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0, data: [t("coverage.chart.government"), t("coverage.chart.agreement")] },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        return tooltip(first?.dataIndex ?? -1);
      },
    },
    xAxis: {
      type: "category",
      data: categories.map((c) => axisName(c, t, locale)),
      axisLabel: { interval: 0, lineHeight: 16 },
    },
    yAxis: {
      type: "value",
      name: t("coverage.chart.axisPeople"),
      max: niceCeiling(largest * 1.05),
      axisLabel: { formatter: (v: number) => formatDecimal(v, locale, 0) },
    },
    series: [
      {
        name: t("coverage.chart.government"),
        type: "bar",
        stack: "people",
        barMaxWidth: 48,
        color: COLORS.government,
        data: categories.map((c) => ({
          value: c.governmentPeopleCovered,
          itemStyle: { color: c.required ? COLORS.government : COLORS.governmentMuted },
        })),
        markLine: {
          symbol: "none",
          silent: true,
          lineStyle: { color: COLORS.target, type: "dashed", width: 2 },
          label: {
            position: "insideEndTop",
            formatter: t("coverage.chart.target", { target: formatDecimal(targetPeople, locale, 0) }),
            color: COLORS.target,
          },
          data: [{ yAxis: targetPeople }],
        },
      },
      {
        name: t("coverage.chart.agreement"),
        type: "bar",
        stack: "people",
        barMaxWidth: 48,
        color: COLORS.agreement,
        data: categories.map((c) => ({
          value: Math.max(0, c.peopleCovered - c.governmentPeopleCovered),
          itemStyle: { color: c.required ? COLORS.agreement : COLORS.agreementMuted },
        })),
      },
    ],
  };
}

/** A quantity in the category's unit, the unit in a quieter style. */
function Measure({ value, unit, testId }: { value: number; unit: string; testId?: string }) {
  const { locale } = useI18n();
  return (
    <span className="qty" data-testid={testId} data-value={value}>
      {formatMeasure(value, locale)}
      <span className="qty-units">{unit}</span>
    </span>
  );
}

/** Per category: people covered by government and agreement stock against the target, then the figures. */
export function CategoryCoverageCard({ summary }: { summary: CoverageSummary }) {
  const { t, tm, locale, formatNumber } = useI18n();
  const option = useMemo(() => categoryChartOption(summary, t, tm, locale), [summary, t, tm, locale]);
  const target = summary.targetPeople;

  const columns: TableColumnsType<CategoryCoverage> = [
    {
      title: t("coverage.column.category"),
      key: "category",
      // Tags wrap under the name rather than widen the column, so the figures keep room at 1366 px.
      width: 150,
      render: (_v, c) => {
        const season = seasonNote(c.quota.seasonMonths, summary.date);
        return (
          <CategoryName
            name={categoryLabel(c, locale)}
            estimate={c.quota.estimate}
            state={requiredState(c)}
            season={season && tm(season)}
          />
        );
      },
    },
    {
      title: t("coverage.column.quota"),
      key: "quota",
      render: (_v, c) => <span data-testid="category-quota">{tm(quotaMessage(c.quota))}</span>,
    },
    {
      title: t("coverage.column.required"),
      dataIndex: "requiredQuantity",
      key: "required",
      align: "right",
      render: (v: number, c) => <Measure value={v} unit={c.unitLabel} testId="category-required" />,
    },
    {
      title: t("coverage.column.government"),
      dataIndex: "governmentQuantity",
      key: "government",
      align: "right",
      render: (v: number, c) =>
        c.loanQuantity > 0 ? (
          <Flex vertical align="flex-end">
            <Measure value={v} unit={c.unitLabel} testId="category-government" />
            <Typography.Text
              type="secondary"
              className="nowrap"
              data-testid="category-loan"
              data-value={c.loanQuantity}
            >
              {t("aid.coverage.loan", { quantity: formatMeasure(c.loanQuantity, locale), unit: c.unitLabel })}
            </Typography.Text>
          </Flex>
        ) : (
          <Measure value={v} unit={c.unitLabel} testId="category-government" />
        ),
    },
    {
      title: summary.countDeclared ? t("coverage.column.agreementDeclared") : t("coverage.column.agreement"),
      dataIndex: "agreementQuantity",
      key: "agreement",
      align: "right",
      render: (v: number, c) => (
        <Flex gap={4} justify="flex-end" align="center">
          <FlaggedEnterprises names={c.flaggedEnterprises} />
          <Measure value={v} unit={c.unitLabel} testId="category-agreement" />
        </Flex>
      ),
    },
    {
      title: (
        <Tooltip title={t("coverage.column.declaredHint")}>
          <span>{t("coverage.column.declared")}</span>
        </Tooltip>
      ),
      dataIndex: "declaredQuantity",
      key: "declared",
      align: "right",
      render: (v: number, c) => (
        <span className={summary.countDeclared ? undefined : "qty-base"}>
          <Measure value={v} unit={c.unitLabel} testId="category-declared" />
        </span>
      ),
    },
    {
      title: t("coverage.column.people"),
      key: "people",
      align: "right",
      render: (_v, c) => (
        <Flex vertical align="flex-end">
          <span className="qty qty-strong" data-testid="category-people" data-value={c.peopleCovered}>
            {formatNumber(c.peopleCovered)}
          </span>
          <Typography.Text type="secondary" className="cell-code nowrap">
            {t("coverage.governmentShort")} {formatNumber(c.governmentPeopleCovered)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("coverage.column.ratio"),
      key: "ratio",
      align: "right",
      render: (_v, c) => <RatioText ratio={target > 0 ? c.peopleCovered / target : 0} />,
    },
    {
      title: t("coverage.column.shortfall"),
      key: "shortfall",
      // Room for “约 1,874.8 吨 · 7,499.2 m³” on one line under the shortfall.
      width: 160,
      align: "right",
      render: (_v, c) =>
        c.shortfallQuantity <= 0 ? (
          <span className="qty-zero">—</span>
        ) : (
          <span className="shortfall-stack" data-testid="category-shortfall" data-value={c.shortfallQuantity}>
            <Measure value={c.shortfallQuantity} unit={c.unitLabel} />
            <span className="shortfall-extra">
              {t("coverage.shortfallWeight", {
                tonnes: formatDecimal(c.shortfallKg / 1000, locale, 1),
                m3: formatDecimal(c.shortfallM3, locale, 1),
              })}
            </span>
          </span>
        ),
    },
    {
      title: (
        <Tooltip title={t("coverage.column.capacityHint")}>
          <span>{t("coverage.column.capacity")}</span>
        </Tooltip>
      ),
      key: "capacity",
      render: (_v, c) =>
        c.capacityPerDay > 0 ? (
          <Tooltip title={t("coverage.capacityPeople", { people: formatNumber(c.capacityPeoplePerDay) })}>
            <span className="capacity-note" data-testid="category-capacity">
              {t("coverage.capacityPerDay", {
                quantity: formatMeasure(c.capacityPerDay, locale),
                unit: c.unitLabel,
              })}
            </span>
          </Tooltip>
        ) : (
          <span className="qty-zero">—</span>
        ),
    },
  ];

  return (
    <Card
      title={t("coverage.categories.title")}
      extra={
        <Typography.Text type="secondary">
          {t("coverage.categories.hint", { target: formatNumber(target) })}
        </Typography.Text>
      }
      data-testid="coverage-categories"
    >
      <EChart
        option={option}
        height={340}
        ariaLabel={t("coverage.chart.aria")}
        testId="coverage-category-chart"
      />
      <Table<CategoryCoverage>
        rowKey="categoryId"
        size="small"
        columns={columns}
        dataSource={summary.categories}
        pagination={false}
        data-testid="coverage-category-table"
        rowClassName={(c) => (c.required ? "" : "row-inactive")}
        onRow={(c) =>
          ({
            "data-testid": "coverage-category-row",
            "data-code": c.code,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </Card>
  );
}
