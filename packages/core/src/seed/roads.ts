import {
  areas,
  type Crossing,
  enterprises,
  type KmBasis,
  type RoadClass,
  type RoadNodeKind,
  roadEdges,
  roadNodes,
  type Tx,
  warehouses,
} from "@relief/db";
import { eq } from "drizzle-orm";
import roads from "../../../../fixtures/banan/roads.json" with { type: "json" };
import type { CoreContext } from "../context";
import { nowIso } from "../context";
import { apportionKm, estimateKm, roundKm } from "../roads/length";

interface FixtureEdge {
  code: string;
  from: string;
  to: string;
  class: string;
  name: string;
  km?: number;
  kmBasis?: string;
  crossing?: string;
  minutes?: number;
  oneWay?: boolean;
}

/**
 * The Banan road network: a node for every township seat (at the township's coordinates), every warehouse
 * (at its own coordinates; an enterprise site registered without them at its enterprise's, else at its
 * township's seat) and every junction, bridge end, ferry landing and boundary of the fixture; then the
 * edges, their lengths reported, apportioned from a road's published total, or estimated from coordinates.
 */
export function seedBananRoads(tx: Tx, ctx: CoreContext): { nodes: number; edges: number } {
  const at = nowIso(ctx);
  const townships = tx
    .select({ id: areas.id, name: areas.name, lat: areas.lat, lon: areas.lon, sortOrder: areas.sortOrder })
    .from(areas)
    .where(eq(areas.level, "township"))
    .orderBy(areas.sortOrder)
    .all();
  const sites = tx
    .select({
      id: warehouses.id,
      code: warehouses.code,
      name: warehouses.name,
      areaId: warehouses.areaId,
      lat: warehouses.lat,
      lon: warehouses.lon,
      enterpriseLat: enterprises.lat,
      enterpriseLon: enterprises.lon,
    })
    .from(warehouses)
    .leftJoin(enterprises, eq(enterprises.id, warehouses.enterpriseId))
    .orderBy(warehouses.code)
    .all();

  type NodeRow = typeof roadNodes.$inferInsert;
  const nodes = new Map<string, NodeRow>();
  const add = (ref: string, node: Omit<NodeRow, "createdAt" | "updatedAt">) =>
    nodes.set(ref, { ...node, createdAt: at, updatedAt: at });
  for (const t of townships) {
    if (t.lat === null || t.lon === null) continue;
    add(`T:${t.name}`, {
      code: `T${String(t.sortOrder).padStart(2, "0")}`,
      name: t.name,
      kind: "township",
      lat: t.lat,
      lon: t.lon,
      areaId: t.id,
    });
  }
  for (const w of sites) {
    const seat = townships.find((t) => t.id === w.areaId);
    const lat = w.lat ?? w.enterpriseLat ?? seat?.lat;
    const lon = w.lon ?? w.enterpriseLon ?? seat?.lon;
    if (lat == null || lon == null) continue;
    add(`W:${w.code}`, {
      code: `W-${w.code}`,
      name: w.name,
      kind: "warehouse",
      lat,
      lon,
      areaId: w.areaId,
      warehouseId: w.id,
    });
  }
  for (const j of roads.junctions) {
    add(j.code, { code: j.code, name: j.name, kind: j.kind as RoadNodeKind, lat: j.lat, lon: j.lon });
  }

  const ids = new Map<string, { id: number; lat: number; lon: number }>();
  for (const [ref, node] of nodes) {
    const row = tx.insert(roadNodes).values(node).returning({ id: roadNodes.id }).get();
    ids.set(ref, { id: row.id, lat: node.lat, lon: node.lon });
  }
  const end = (ref: string) => {
    const node = ids.get(ref);
    if (!node) throw new Error(`roads.json names an unknown node: ${ref}`);
    return node;
  };

  const edges = (roads.edges as FixtureEdge[]).map((e) => {
    const from = end(e.from);
    const to = end(e.to);
    const km = e.km === undefined ? estimateKm(from, to) : roundKm(e.km);
    const kmBasis: KmBasis = e.km === undefined ? "estimated" : ((e.kmBasis as KmBasis) ?? "reported");
    return { e, from, to, km, kmBasis };
  });
  for (const total of roads.reportedTotals) {
    const segments = edges.filter((s) => s.e.name === total.name);
    const known = segments.filter((s) => s.kmBasis !== "estimated");
    const estimated = segments.filter((s) => s.kmBasis === "estimated");
    const shares = apportionKm(
      total.km,
      known.map((s) => s.km),
      estimated.map((s) => s.km),
    );
    estimated.forEach((s, i) => {
      s.km = shares[i] ?? s.km;
      s.kmBasis = "apportioned";
    });
  }
  if (edges.length > 0) {
    tx.insert(roadEdges)
      .values(
        edges.map(({ e, from, to, km, kmBasis }) => ({
          code: e.code,
          name: e.name,
          fromNodeId: from.id,
          toNodeId: to.id,
          roadClass: e.class as RoadClass,
          km,
          kmBasis,
          minutes: e.minutes ?? null,
          crossing: (e.crossing as Crossing | undefined) ?? null,
          oneWay: e.oneWay ?? false,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .run();
  }
  return { nodes: nodes.size, edges: edges.length };
}
