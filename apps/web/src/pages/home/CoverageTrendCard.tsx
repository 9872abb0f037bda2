import { CameraOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { App, Button, Card, Empty, Skeleton, Typography } from "antd";
import { useMemo } from "react";
import { useNavigate } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { type ChartOption, EChart } from "../../components/charts/EChart";
import { QueryError } from "../../components/QueryError";
import { type Translate, useI18n } from "../../i18n";
import { canEditCoverage, categoryLabel, type SnapshotPoint } from "../../lib/coverage";
import { errorInfo } from "../../lib/errors";
import { formatDecimal, formatDistrictDateTime } from "../../lib/format";
import { queryClient, trpc } from "../../trpc";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `bottleneckName`: a snapshot keeps its bottleneck's Chinese category name; this gives the reader's. */
function trendOption(
  points: readonly SnapshotPoint[],
  t: Translate,
  locale: string,
  bottleneckName: (name: string) => string,
): ChartOption {
  const number = (n: number) => formatDecimal(n, locale, 0);
  const covered = t("coverage.trend.covered");
  const government = t("coverage.trend.government");
  const target = t("coverage.trend.target");
  const labelled = (label: string, value: string) =>
    t("common.labelled", { label: escapeHtml(label), value });
  return {
    animation: false,
    grid: { left: 16, right: 24, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, data: [covered, government, target] },
    tooltip: {
      trigger: "axis",
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const point = points[first?.dataIndex ?? -1];
        if (!point) return "";
        return [
          `<strong>${escapeHtml(formatDistrictDateTime(point.takenAt))}</strong> · ${escapeHtml(t(`coverage.trend.trigger.${point.trigger}`))}`,
          labelled(covered, number(point.peopleCovered)),
          labelled(government, number(point.governmentPeopleCovered)),
          labelled(target, number(point.targetPeople)),
          labelled(
            t("coverage.trend.bottleneck"),
            escapeHtml(point.bottleneck ? bottleneckName(point.bottleneck) : "—"),
          ),
          labelled(t("coverage.trend.shelters"), number(point.shelterCapacity)),
        ].join("<br/>");
      },
    },
    xAxis: {
      type: "category",
      boundaryGap: false,
      data: points.map((p) => formatDistrictDateTime(p.takenAt).slice(5)),
    },
    yAxis: {
      type: "value",
      name: t("coverage.chart.axisPeople"),
      axisLabel: { formatter: (v: number) => number(v) },
    },
    series: [
      {
        name: covered,
        type: "line",
        color: "#1677ff",
        symbolSize: 8,
        data: points.map((p) => p.peopleCovered),
      },
      {
        name: government,
        type: "line",
        color: "#13a8a8",
        symbolSize: 6,
        data: points.map((p) => p.governmentPeopleCovered),
      },
      {
        name: target,
        type: "line",
        color: "#cf1322",
        // A lone point has no line: its target is then drawn as a mark.
        symbol: points.length > 1 ? "none" : "diamond",
        lineStyle: { type: "dashed" },
        data: points.map((p) => p.targetPeople),
      },
    ],
  };
}

/**
 * The trend of stored snapshots (one a day taken by the server, and those taken by hand); a click on a point
 * opens that snapshot's report. Civil affairs and administrators may take one now.
 */
export function CoverageTrendCard() {
  const { t, locale, tm } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const query = useQuery(trpc.coverage.snapshots.queryOptions({ days: 365 }, { staleTime: 0 }));
  const points = query.data ?? [];
  const categories = useQuery(trpc.items.categories.queryOptions());
  const option = useMemo(() => {
    const byName = new Map((categories.data ?? []).map((c) => [c.name, c] as const));
    const name = (stored: string) => {
      const category = byName.get(stored);
      return category ? categoryLabel(category, locale) : stored;
    };
    return trendOption(points, t, locale, name);
  }, [points, t, locale, categories.data]);
  const take = useMutation(
    trpc.coverage.takeSnapshot.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.coverage.snapshots.pathFilter());
        message.success(t("coverage.trend.taken"));
      },
      onError: (error) => message.error(errorInfo(error, t("errors.network"), tm).message),
    }),
  );
  const last = points[points.length - 1];

  return (
    <Card
      title={t("coverage.trend.title")}
      data-testid="coverage-trend"
      data-points={query.isSuccess ? points.length : undefined}
      extra={
        canEditCoverage(user.role) && (
          <Button
            icon={<CameraOutlined />}
            loading={take.isPending}
            onClick={() => take.mutate()}
            data-testid="snapshot-take"
          >
            {t("coverage.trend.take")}
          </Button>
        )
      }
    >
      {query.isPending ? (
        <Skeleton active />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : points.length === 0 ? (
        <Empty description={t("coverage.trend.none")} />
      ) : (
        <>
          <EChart
            option={option}
            height={280}
            ariaLabel={t("coverage.trend.aria")}
            testId="coverage-trend-chart"
            onClick={({ dataIndex }) => {
              const point = points[dataIndex];
              if (point) navigate(`/coverage/report?snapshot=${point.id}`);
            }}
          />
          {last && (
            <Typography.Text type="secondary" data-testid="coverage-trend-last">
              {t("coverage.trend.last", {
                time: formatDistrictDateTime(last.takenAt),
                count: points.length,
              })}
            </Typography.Text>
          )}
        </>
      )}
    </Card>
  );
}
