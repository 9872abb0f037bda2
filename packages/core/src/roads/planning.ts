import { type DbOrTx, roadEdges, roadNodes } from "@relief/db";
import { ROAD_SPEEDS_KMH } from "@relief/domain";
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

export interface PlanningNode {
  id: number;
  code: string;
  lat: number;
  lon: number;
  /** The warehouse a warehouse node stands for: where its trucks load. */
  warehouseId: number | null;
  /** The township a node stands in; for a township seat, where that township's relief is delivered. */
  areaId: number | null;
  /** A township seat (`kind = township`): the delivery point of its area. */
  seat: boolean;
}

export interface PlanningEdge {
  id: number;
  code: string;
  from: number;
  to: number;
  km: number;
  /** A fixed crossing time (ferries); otherwise km ÷ speedKmh. */
  minutes: number | null;
  /** The edge's own speed limit or its class's, km/h. */
  speedKmh: number;
  oneWay: boolean;
  closed: boolean;
  /** 1 when open; below 1 on a slowed road (travel time ÷ factor). */
  speedFactor: number;
}

/**
 * The road network as the dispatch planner takes it (packages/planner's `network`, with the database's ids):
 * active nodes, and active edges between active nodes with today's status — closed edges are kept, marked
 * `closed`, so that a dispatcher may pin one known to be passable; slowed edges carry their speed factor.
 * One read, no transaction needed.
 */
export function roadNetworkForPlanning(db: DbOrTx): { nodes: PlanningNode[]; edges: PlanningEdge[] } {
  const nodes = db
    .select({
      id: roadNodes.id,
      code: roadNodes.code,
      lat: roadNodes.lat,
      lon: roadNodes.lon,
      warehouseId: roadNodes.warehouseId,
      areaId: roadNodes.areaId,
      kind: roadNodes.kind,
    })
    .from(roadNodes)
    .where(eq(roadNodes.active, true))
    .orderBy(asc(roadNodes.id))
    .all()
    .map(({ kind, ...n }) => ({ ...n, seat: kind === "township" }));
  const fromNode = alias(roadNodes, "from_node");
  const toNode = alias(roadNodes, "to_node");
  const edges = db
    .select({
      id: roadEdges.id,
      code: roadEdges.code,
      from: roadEdges.fromNodeId,
      to: roadEdges.toNodeId,
      km: roadEdges.km,
      minutes: roadEdges.minutes,
      speedKmh: roadEdges.speedKmh,
      roadClass: roadEdges.roadClass,
      oneWay: roadEdges.oneWay,
      status: roadEdges.status,
      speedFactor: roadEdges.speedFactor,
    })
    .from(roadEdges)
    .innerJoin(fromNode, eq(fromNode.id, roadEdges.fromNodeId))
    .innerJoin(toNode, eq(toNode.id, roadEdges.toNodeId))
    .where(and(eq(roadEdges.active, true), eq(fromNode.active, true), eq(toNode.active, true)))
    .orderBy(asc(roadEdges.id))
    .all()
    .map(({ roadClass, status, speedKmh, ...e }) => ({
      ...e,
      speedKmh: speedKmh ?? ROAD_SPEEDS_KMH[roadClass],
      closed: status === "closed",
      speedFactor: status === "slow" ? e.speedFactor : 1,
    }));
  return { nodes, edges };
}
