import { useQuery } from "@tanstack/react-query";
import { Flex, Skeleton, Tag, Typography } from "antd";
import { useMemo } from "react";
import { EChart } from "../../components/charts/EChart";
import { type Translate, useI18n } from "../../i18n";
import { trpc } from "../../trpc";
import type { MapNode } from "../dispatch/PlanMap";
import { DISTRICT_GEO, echarts, type MapOption } from "../dispatch/planCharts";
import type { Advice } from "./layoutTypes";

const ARROW_COLOUR = "#d4380d";
const WAREHOUSE_COLOUR = "#0958d9";

export interface Arrow {
  from: MapNode;
  to: MapNode;
  loads: number;
}

/** One arrow per warehouse pair the advice moves stock between, where both warehouses are on the road map. */
function arrowsOf(advice: Advice, nodes: readonly MapNode[]): Arrow[] {
  const byWarehouse = new Map(
    nodes.flatMap((n) => (n.warehouseId === null ? [] : [[n.warehouseId, n] as const])),
  );
  return advice.truckloads.flatMap((l) => {
    const from = byWarehouse.get(l.fromWarehouseId);
    const to = byWarehouse.get(l.toWarehouseId);
    return from && to ? [{ from, to, loads: l.loads }] : [];
  });
}

function arrowLabel(arrow: Arrow, t: Translate): string {
  return t("layout.map.arrow", { from: arrow.from.name, to: arrow.to.name, loads: arrow.loads });
}

function mapOption(nodes: readonly MapNode[], arrows: readonly Arrow[], t: Translate): MapOption {
  const maxLoads = Math.max(1, ...arrows.map((a) => a.loads));
  return {
    animation: false,
    // Tooltips are HTML: the names people typed are escaped.
    tooltip: {
      trigger: "item",
      formatter: (p) => echarts.format.encodeHTML((p as { name?: string }).name ?? ""),
    },
    geo: DISTRICT_GEO,
    series: [
      {
        type: "lines",
        name: t("layout.map.title"),
        coordinateSystem: "geo",
        zlevel: 1,
        symbol: ["none", "arrow"],
        symbolSize: 12,
        data: arrows.map((a) => ({
          name: arrowLabel(a, t),
          coords: [
            [a.from.lon, a.from.lat],
            [a.to.lon, a.to.lat],
          ],
          // Thicker for more truckloads, so the big moves stand out.
          lineStyle: {
            color: ARROW_COLOUR,
            width: 2 + (4 * a.loads) / maxLoads,
            opacity: 0.9,
            curveness: 0.15,
          },
        })),
      },
      {
        type: "scatter",
        name: t("layout.map.warehouses"),
        coordinateSystem: "geo",
        zlevel: 2,
        symbol: "rect",
        symbolSize: 10,
        itemStyle: { color: WAREHOUSE_COLOUR, borderColor: "#fff", borderWidth: 1 },
        data: nodes
          .filter((n) => n.kind === "warehouse")
          .map((n) => ({ name: n.name, value: [n.lon, n.lat] })),
      },
    ],
  };
}

/** The advice's transfers as arrows from warehouse to warehouse on the district's outline, listed below. */
export function AdviceMap({ advice }: { advice: Advice }) {
  const { t } = useI18n();
  const roads = useQuery(trpc.roads.list.queryOptions());
  const nodes = roads.data?.nodes;
  const arrows = useMemo(() => (nodes ? arrowsOf(advice, nodes) : []), [advice, nodes]);
  const option = useMemo(() => mapOption(nodes ?? [], arrows, t), [nodes, arrows, t]);
  if (!nodes) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <Flex vertical gap={8}>
      <EChart option={option} height={480} ariaLabel={t("layout.map.aria")} testId="layout-map" />
      <Flex wrap gap={4} align="center" data-testid="layout-map-arrows">
        <Typography.Text type="secondary">{t("layout.map.title")}</Typography.Text>
        {arrows.map((a) => (
          <Tag key={`${a.from.id}-${a.to.id}`} color="volcano" data-testid="layout-map-arrow">
            {arrowLabel(a, t)}
          </Tag>
        ))}
      </Flex>
    </Flex>
  );
}
