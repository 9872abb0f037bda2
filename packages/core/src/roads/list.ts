import {
  areas,
  type Crossing,
  type DbOrTx,
  type KmBasis,
  type RoadClass,
  type RoadNodeKind,
  type RoadStatus,
  roadEdges,
  roadNodes,
  roadStatusEvents,
  warehouses,
} from "@relief/db";
import { msg, ROAD_SPEEDS_KMH } from "@relief/domain";
import { and, asc, count, eq, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { NotFoundError } from "../errors";
import { type Page, pageWindow, sortTerms } from "../paging";
import { containsText } from "../search";
import { ListRoadEdgesInput } from "./schemas";

export interface RoadNodeView {
  id: number;
  code: string;
  name: string;
  kind: RoadNodeKind;
  lat: number;
  lon: number;
  areaId: number | null;
  areaName: string | null;
  warehouseId: number | null;
  warehouseCode: string | null;
  active: boolean;
  /** Edges that start or end here, active or not. */
  edgeCount: number;
}

export interface RoadEdgeView {
  id: number;
  code: string;
  name: string;
  fromNodeId: number;
  fromCode: string;
  fromName: string;
  toNodeId: number;
  toCode: string;
  toName: string;
  roadClass: RoadClass;
  km: number;
  kmBasis: KmBasis;
  /** The edge's own speed limit, null when it drives at its class's speed. */
  speedKmh: number | null;
  /** What a truck drives on it when open: its own speed or its class's. */
  classSpeedKmh: number;
  minutes: number | null;
  crossing: Crossing | null;
  oneWay: boolean;
  status: RoadStatus;
  speedFactor: number;
  statusSince: string | null;
  /** The latest status event's reason, expected reopening and incident (closed or slow roads). */
  reason: string | null;
  expectedReopenAt: string | null;
  incidentId: number | null;
  active: boolean;
}

const fromNode = alias(roadNodes, "from_node");
const toNode = alias(roadNodes, "to_node");
const latest = alias(roadStatusEvents, "latest");

function edgeRows(db: DbOrTx, where: SQL | undefined) {
  // The latest event by effective time explains the cached status: its reason and expected reopening.
  const latestId = sql`(SELECT e.id FROM ${roadStatusEvents} e WHERE e.edge_id = ${roadEdges.id}
    ORDER BY e.effective_at DESC, e.id DESC LIMIT 1)`;
  return db
    .select({
      id: roadEdges.id,
      code: roadEdges.code,
      name: roadEdges.name,
      fromNodeId: roadEdges.fromNodeId,
      fromCode: fromNode.code,
      fromName: fromNode.name,
      toNodeId: roadEdges.toNodeId,
      toCode: toNode.code,
      toName: toNode.name,
      roadClass: roadEdges.roadClass,
      km: roadEdges.km,
      kmBasis: roadEdges.kmBasis,
      speedKmh: roadEdges.speedKmh,
      minutes: roadEdges.minutes,
      crossing: roadEdges.crossing,
      oneWay: roadEdges.oneWay,
      status: roadEdges.status,
      speedFactor: roadEdges.speedFactor,
      statusSince: roadEdges.statusSince,
      reason: latest.reason,
      expectedReopenAt: latest.expectedReopenAt,
      incidentId: latest.incidentId,
      active: roadEdges.active,
    })
    .from(roadEdges)
    .innerJoin(fromNode, eq(fromNode.id, roadEdges.fromNodeId))
    .innerJoin(toNode, eq(toNode.id, roadEdges.toNodeId))
    .leftJoin(latest, eq(latest.id, latestId))
    .where(where)
    .$dynamic();
}

type EdgeRow = ReturnType<ReturnType<typeof edgeRows>["all"]>[number];

function edgeView(r: EdgeRow): RoadEdgeView {
  const open = r.status === "open";
  return {
    ...r,
    classSpeedKmh: r.speedKmh ?? ROAD_SPEEDS_KMH[r.roadClass],
    reason: open ? null : (r.reason ?? null),
    expectedReopenAt: open ? null : (r.expectedReopenAt ?? null),
    incidentId: open ? null : (r.incidentId ?? null),
  };
}

export function listRoadNodes(db: DbOrTx, only?: { id: number }): RoadNodeView[] {
  return db
    .select({
      id: roadNodes.id,
      code: roadNodes.code,
      name: roadNodes.name,
      kind: roadNodes.kind,
      lat: roadNodes.lat,
      lon: roadNodes.lon,
      areaId: roadNodes.areaId,
      areaName: areas.name,
      warehouseId: roadNodes.warehouseId,
      warehouseCode: warehouses.code,
      active: roadNodes.active,
      edgeCount: sql<number>`(SELECT COUNT(*) FROM ${roadEdges} e
        WHERE e.from_node_id = ${roadNodes.id} OR e.to_node_id = ${roadNodes.id})`,
    })
    .from(roadNodes)
    .leftJoin(areas, eq(areas.id, roadNodes.areaId))
    .leftJoin(warehouses, eq(warehouses.id, roadNodes.warehouseId))
    .where(only ? eq(roadNodes.id, only.id) : undefined)
    .orderBy(asc(roadNodes.code))
    .all();
}

export function getRoadNode(db: DbOrTx, id: number): RoadNodeView {
  const [node] = listRoadNodes(db, { id });
  if (!node) throw new NotFoundError(msg("roads.error.nodeNotFound", { id: String(id) }));
  return node;
}

export function getRoadEdge(db: DbOrTx, id: number): RoadEdgeView {
  const row = edgeRows(db, eq(roadEdges.id, id)).get();
  if (!row) throw new NotFoundError(msg("roads.error.edgeNotFound", { id: String(id) }));
  return edgeView(row);
}

/**
 * The whole network with each road's current status: a district's network is a few hundred edges, small
 * enough for the map and the planner to take at once.
 */
export function listRoads(db: DbOrTx): { nodes: RoadNodeView[]; edges: RoadEdgeView[] } {
  return {
    nodes: listRoadNodes(db),
    edges: edgeRows(db, undefined).orderBy(asc(roadEdges.code)).all().map(edgeView),
  };
}

const EDGE_SORTS = {
  code: (d: SQL) => sql`${roadEdges.code} ${d}`,
  name: (d: SQL) => sql`${roadEdges.name} ${d}`,
  km: (d: SQL) => sql`${roadEdges.km} ${d}`,
  roadClass: (d: SQL) => sql`${roadEdges.roadClass} ${d}`,
  status: (d: SQL) => sql`${roadEdges.status} ${d}`,
};

/** One page of the road table, filtered by class, status and part of the name or code. */
export function listRoadEdges(db: DbOrTx, input: ListRoadEdgesInput): Page<RoadEdgeView> {
  const q = ListRoadEdgesInput.parse(input);
  const where = and(
    q.roadClass ? eq(roadEdges.roadClass, q.roadClass) : undefined,
    q.status ? eq(roadEdges.status, q.status) : undefined,
    q.active === undefined ? undefined : eq(roadEdges.active, q.active),
    q.name ? or(containsText(roadEdges.name, q.name), containsText(roadEdges.code, q.name)) : undefined,
  );
  const total = db.select({ n: count() }).from(roadEdges).where(where).get()?.n ?? 0;
  const { limit, offset } = pageWindow(q);
  const rows = edgeRows(db, where)
    .orderBy(sortTerms(EDGE_SORTS, q.sort, q.order, roadEdges.id))
    .limit(limit)
    .offset(offset)
    .all();
  return { total, rows: rows.map(edgeView) };
}
