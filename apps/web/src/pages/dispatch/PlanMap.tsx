import { Flex, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { EChart } from "../../components/charts/EChart";
import { type Translate, useI18n } from "../../i18n";
import { DISTRICT_GEO, echarts, type MapOption } from "./planCharts";
import { routeColour, routeName } from "./planFormat";
import type { PlanRoute } from "./planTypes";

/** What the map needs of the road network (`roads.list`). */
export interface MapNode {
  id: number;
  name: string;
  kind: string;
  lat: number;
  lon: number;
  areaId: number | null;
  warehouseId: number | null;
}

export interface MapEdge {
  id: number;
  name: string;
  fromNodeId: number;
  toNodeId: number;
  roadClass: string;
  status: string;
}

const ROAD_COLOURS: Record<string, string> = { open: "#8c8c8c", closed: "#cf1322", slow: "#d46b08" };
const WAREHOUSE_COLOUR = "#0958d9";
const TOWNSHIP_COLOUR = "#595959";
const AFFECTED_COLOUR = "#cf1322";

type Point = [number, number];

function segment(edge: MapEdge, nodes: Map<number, MapNode>): [Point, Point] | null {
  const from = nodes.get(edge.fromNodeId);
  const to = nodes.get(edge.toNodeId);
  return from && to
    ? [
        [from.lon, from.lat],
        [to.lon, to.lat],
      ]
    : null;
}

function mapOption(
  nodes: readonly MapNode[],
  edges: readonly MapEdge[],
  routes: readonly PlanRoute[],
  affected: ReadonlySet<number>,
  hidden: ReadonlySet<number>,
  t: Translate,
): MapOption {
  const byId = new Map(nodes.map((n) => [n.id, n] as const));
  const edgeById = new Map(edges.map((e) => [e.id, e] as const));
  const point = (n: MapNode) => ({ name: n.name, value: [n.lon, n.lat] });
  const roadStatus = (status: string) =>
    status === "closed" ? t("plan.map.closed") : status === "slow" ? t("plan.map.slow") : "";
  const roads = edges.flatMap((edge) => {
    const coords = segment(edge, byId);
    if (!coords) return [];
    return [
      {
        name: [edge.name, roadStatus(edge.status)].filter(Boolean).join(" · "),
        coords,
        lineStyle: {
          color: ROAD_COLOURS[edge.status] ?? ROAD_COLOURS.open,
          width: edge.status === "open" ? 1.5 : 3,
          type: edge.roadClass === "ferry" ? ("dashed" as const) : ("solid" as const),
          opacity: edge.status === "open" ? 0.6 : 1,
        },
      },
    ];
  });
  const routeSeries: NonNullable<MapOption["series"]> = routes.flatMap((route, index) =>
    hidden.has(index)
      ? []
      : [
          {
            type: "lines" as const,
            name: routeName(route, t),
            coordinateSystem: "geo",
            zlevel: 1,
            lineStyle: { color: routeColour(index), width: 4, opacity: 0.85 },
            tooltip: { formatter: () => echarts.format.encodeHTML(routeName(route, t)) },
            data: route.edgeIds.flatMap((id) => {
              const edge = edgeById.get(id);
              const coords = edge && segment(edge, byId);
              return coords ? [{ coords }] : [];
            }),
          },
        ],
  );
  const warehouses = nodes.filter((n) => n.kind === "warehouse");
  const townships = nodes.filter((n) => n.kind === "township");
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
        name: t("plan.map.roads"),
        coordinateSystem: "geo",
        data: roads,
      },
      ...routeSeries,
      {
        type: "scatter",
        name: t("plan.map.townships"),
        coordinateSystem: "geo",
        zlevel: 2,
        symbolSize: 7,
        itemStyle: { color: TOWNSHIP_COLOUR },
        data: townships.filter((n) => n.areaId === null || !affected.has(n.areaId)).map(point),
      },
      {
        type: "scatter",
        name: t("plan.map.affected"),
        coordinateSystem: "geo",
        zlevel: 2,
        symbolSize: 14,
        itemStyle: { color: AFFECTED_COLOUR, borderColor: "#fff", borderWidth: 2 },
        data: townships.filter((n) => n.areaId !== null && affected.has(n.areaId)).map(point),
      },
      {
        type: "scatter",
        name: t("plan.map.warehouses"),
        coordinateSystem: "geo",
        zlevel: 2,
        symbol: "rect",
        symbolSize: 11,
        itemStyle: { color: WAREHOUSE_COLOUR, borderColor: "#fff", borderWidth: 1 },
        data: warehouses.map(point),
      },
    ],
  };
}

/**
 * The plan on the district's outline: roads (closed red, slowed orange, ferries dashed), warehouses, township
 * seats with the affected ones in red, and each route in its own colour over the edges it drives. The legend
 * below the map names the routes and hides or shows each.
 */
export function PlanMap({
  nodes,
  edges,
  routes,
  affectedAreaIds,
}: {
  nodes: readonly MapNode[];
  edges: readonly MapEdge[];
  routes: readonly PlanRoute[];
  affectedAreaIds: ReadonlySet<number>;
}) {
  const { t } = useI18n();
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set());
  const option = useMemo(
    () => mapOption(nodes, edges, routes, affectedAreaIds, hidden, t),
    [nodes, edges, routes, affectedAreaIds, hidden, t],
  );
  const toggle = (index: number) =>
    setHidden((current) => {
      const next = new Set(current);
      if (!next.delete(index)) next.add(index);
      return next;
    });

  return (
    <Flex vertical gap={8}>
      <EChart option={option} height={560} ariaLabel={t("plan.map.aria")} testId="plan-map" />
      <Flex wrap gap={4} align="center" data-testid="plan-map-legend">
        <Typography.Text type="secondary">{t("plan.map.legend")}</Typography.Text>
        {routes.map((route, index) => (
          <Tag.CheckableTag
            key={`${route.vehicleLabel}-${route.trip}-${route.warehouseId}`}
            className="plan-route-tag"
            checked={!hidden.has(index)}
            onChange={() => toggle(index)}
            data-testid="plan-map-route"
          >
            <span className="plan-swatch" style={{ background: routeColour(index) }} />
            {routeName(route, t)}
          </Tag.CheckableTag>
        ))}
        <span className="plan-key">
          <span className="plan-line" style={{ borderColor: ROAD_COLOURS.closed }} />
          {t("plan.map.closed")}
        </span>
        <span className="plan-key">
          <span className="plan-line" style={{ borderColor: ROAD_COLOURS.slow }} />
          {t("plan.map.slow")}
        </span>
        <span className="plan-key">
          <span className="plan-line plan-line-dashed" />
          {t("plan.map.ferry")}
        </span>
        <span className="plan-key">
          <span className="plan-dot" style={{ background: AFFECTED_COLOUR }} />
          {t("plan.map.affected")}
        </span>
        <span className="plan-key">
          <span className="plan-dot plan-dot-square" style={{ background: WAREHOUSE_COLOUR }} />
          {t("plan.map.warehouses")}
        </span>
      </Flex>
    </Flex>
  );
}
