import type { CustomSeriesOption } from "echarts/charts";
import { useMemo } from "react";
import { EChart } from "../../components/charts/EChart";
import { type Translate, useI18n } from "../../i18n";
import { echarts, type TimelineOption } from "./planCharts";
import { clockAt, minutesFrom, routeName } from "./planFormat";
import type { PlanView } from "./planTypes";

type Phase = "load" | "drive" | "return";

/** One bar: its row (the vehicle), start and end in minutes from the plan's time zero, and its tooltip. */
interface Bar {
  value: [number, number, number];
  tip: string;
}

const PHASE_COLOURS: Record<Phase, string> = { load: "#bfbfbf", drive: "#1677ff", return: "#91caff" };
const STOP_COLOUR = "#389e0d";
const DEADLINE_COLOUR = "#cf1322";
const ROW_HEIGHT = 36;
const html = echarts.format.encodeHTML;

type RenderItem = NonNullable<CustomSeriesOption["renderItem"]>;

/** A bar across its minutes on its vehicle's row, clipped to the plot. */
const renderBar: RenderItem = (params, api) => {
  const row = api.value(0);
  const start = api.coord([api.value(1), row]);
  const end = api.coord([api.value(2), row]);
  const size = api.size?.([0, 1]);
  const height = (Array.isArray(size) ? (size[1] ?? ROW_HEIGHT) : ROW_HEIGHT) * 0.5;
  const plot = params.coordSys as unknown as { x: number; y: number; width: number; height: number };
  const shape = echarts.graphic.clipRectByRect(
    { x: start[0] ?? 0, y: (start[1] ?? 0) - height / 2, width: (end[0] ?? 0) - (start[0] ?? 0), height },
    plot,
  );
  return shape ? { type: "rect", shape, style: api.style() } : null;
};

function timelineOption(
  plan: PlanView,
  areaName: (id: number) => string,
  deliveries: (lines: PlanView["routes"][number]["stops"][number]["deliveries"]) => string,
  t: Translate,
): { option: TimelineOption; rows: number } {
  const vehicles: string[] = [];
  const rowOf = new Map<string, number>();
  const bars: Record<Phase, Bar[]> = { load: [], drive: [], return: [] };
  const stops: Array<{ value: [number, number]; tip: string }> = [];
  const at = (minutes: number) => clockAt(plan.startsAt, minutes);
  const span = (from: number, to: number) => `${at(from)}–${at(to)}`;

  for (const route of plan.routes) {
    const key = route.vehicleId === null ? `label:${route.vehicleLabel}` : `id:${route.vehicleId}`;
    let row = rowOf.get(key);
    if (row === undefined) {
      row = vehicles.length;
      rowOf.set(key, row);
      vehicles.push(route.vehicleLabel);
    }
    // Tooltips are HTML: the names people typed are escaped.
    const name = html(routeName(route, t));
    const loadFrom = minutesFrom(plan.startsAt, route.loadFrom);
    const lastStop = route.stops.at(-1)?.arriveMinutes ?? route.departMinutes;
    const tip = (phase: Phase, from: number, to: number) =>
      `${name}<br/>${t(`plan.timeline.${phase}`)} ${span(from, to)}`;
    bars.load.push({
      value: [row, loadFrom, route.departMinutes],
      tip: tip("load", loadFrom, route.departMinutes),
    });
    bars.drive.push({
      value: [row, route.departMinutes, lastStop],
      tip: tip("drive", route.departMinutes, lastStop),
    });
    bars.return.push({
      value: [row, lastStop, route.returnMinutes],
      tip: tip("return", lastStop, route.returnMinutes),
    });
    for (const stop of route.stops) {
      stops.push({
        value: [stop.arriveMinutes, row],
        tip: `${name}<br/>${t("plan.timeline.deliver")} ${html(areaName(stop.areaId))} ${at(stop.arriveMinutes)}<br/>${html(deliveries(stop.deliveries))}`,
      });
    }
  }

  const first = Math.min(0, ...bars.load.map((b) => b.value[1]));
  const last = Math.max(plan.deadlineMinutes, ...bars.return.map((b) => b.value[2]));
  const phaseSeries = (phase: Phase): CustomSeriesOption => ({
    type: "custom",
    name: t(`plan.timeline.${phase}`),
    renderItem: renderBar,
    encode: { x: [1, 2], y: 0 },
    itemStyle: { color: PHASE_COLOURS[phase] },
    tooltip: { formatter: (p) => bars[phase][(p as { dataIndex: number }).dataIndex]?.tip ?? "" },
    data: bars[phase].map((b) => b.value),
  });

  return {
    rows: vehicles.length,
    option: {
      animation: false,
      grid: { left: 8, right: 24, top: 40, bottom: 28, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: "item" },
      xAxis: {
        type: "value",
        min: Math.floor(first / 60) * 60,
        max: Math.ceil(last / 60) * 60,
        interval: 60,
        position: "top",
        axisLabel: { formatter: (value: number) => at(value) },
        splitLine: { lineStyle: { color: "#f0f0f0" } },
      },
      yAxis: { type: "category", data: vehicles, inverse: true },
      series: [
        {
          ...phaseSeries("load"),
          markLine: {
            silent: true,
            symbol: "none",
            lineStyle: { color: DEADLINE_COLOUR, type: "solid", width: 2 },
            // Rows count downwards, so the line ends at the bottom: its label goes there, below the last row.
            label: {
              formatter: () => `${t("plan.deadline")} ${at(plan.deadlineMinutes)}`,
              color: DEADLINE_COLOUR,
            },
            data: [{ xAxis: plan.deadlineMinutes }],
          },
        },
        phaseSeries("drive"),
        phaseSeries("return"),
        {
          type: "scatter",
          name: t("plan.timeline.deliver"),
          symbol: "diamond",
          symbolSize: 12,
          itemStyle: { color: STOP_COLOUR },
          z: 3,
          tooltip: { formatter: (p) => stops[(p as { dataIndex: number }).dataIndex]?.tip ?? "" },
          data: stops.map((s) => s.value),
        },
      ],
    },
  };
}

/**
 * One row per vehicle: loading before it leaves, driving out to its last stop (each delivery a diamond), and
 * the drive back; later trips on the same row. The red line is the deadline.
 */
export function PlanTimeline({
  plan,
  areaName,
  deliveries,
}: {
  plan: PlanView;
  areaName: (id: number) => string;
  deliveries: (lines: PlanView["routes"][number]["stops"][number]["deliveries"]) => string;
}) {
  const { t } = useI18n();
  const { option, rows } = useMemo(
    () => timelineOption(plan, areaName, deliveries, t),
    [plan, areaName, deliveries, t],
  );
  return (
    <EChart
      option={option}
      height={Math.max(200, rows * ROW_HEIGHT + 80)}
      ariaLabel={t("plan.timeline.aria")}
      testId="plan-timeline"
    />
  );
}
