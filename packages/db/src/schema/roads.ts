import { CROSSINGS, KM_BASES, ROAD_CLASSES, ROAD_NODE_KINDS, ROAD_STATUSES } from "@relief/domain";
import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { areas } from "./areas";
import { incidents } from "./incidents";
import { users } from "./users";
import { warehouses } from "./warehouses";

export {
  CROSSINGS,
  type Crossing,
  KM_BASES,
  type KmBasis,
  ROAD_CLASSES,
  ROAD_NODE_KINDS,
  ROAD_STATUSES,
  type RoadClass,
  type RoadNodeKind,
  type RoadStatus,
} from "@relief/domain";

/** A point of the road network: a township seat, a warehouse, a junction, a bridge or ferry end, a boundary. */
export const roadNodes = sqliteTable(
  "road_nodes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ROAD_NODE_KINDS }).notNull(),
    lat: real("lat").notNull(),
    lon: real("lon").notNull(),
    /** The township the node stands in; for a township seat, that township. */
    areaId: integer("area_id").references(() => areas.id),
    /** The warehouse a `warehouse` node stands for (one node per warehouse). */
    warehouseId: integer("warehouse_id").references(() => warehouses.id),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("road_nodes_warehouse_idx").on(t.warehouseId),
    index("road_nodes_area_idx").on(t.areaId),
    check("road_nodes_lat", sql`${t.lat} BETWEEN -90 AND 90`),
    check("road_nodes_lon", sql`${t.lon} BETWEEN -180 AND 180`),
  ],
);

/**
 * A road segment between two nodes, driven both ways unless `one_way`. Its current status and speed factor are
 * a cache of its latest status event, updated in the same transaction.
 */
export const roadEdges = sqliteTable(
  "road_edges",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    fromNodeId: integer("from_node_id")
      .notNull()
      .references(() => roadNodes.id),
    toNodeId: integer("to_node_id")
      .notNull()
      .references(() => roadNodes.id),
    roadClass: text("road_class", { enum: ROAD_CLASSES }).notNull(),
    km: real("km").notNull(),
    kmBasis: text("km_basis", { enum: KM_BASES }).notNull(),
    /** Overrides the class speed (km/h); null = the class default. */
    speedKmh: real("speed_kmh"),
    /** A fixed crossing time in minutes (ferries: crossing and waiting), instead of km ÷ speed. */
    minutes: real("minutes"),
    crossing: text("crossing", { enum: CROSSINGS }),
    oneWay: integer("one_way", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: ROAD_STATUSES }).notNull().default("open"),
    /** For a `slow` road: 0.5 = half speed. 1 when open. */
    speedFactor: real("speed_factor").notNull().default(1),
    statusSince: text("status_since"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("road_edges_from_idx").on(t.fromNodeId),
    index("road_edges_to_idx").on(t.toNodeId),
    check("road_edges_km", sql`${t.km} > 0`),
    check("road_edges_speed", sql`${t.speedKmh} IS NULL OR ${t.speedKmh} > 0`),
    check("road_edges_minutes", sql`${t.minutes} IS NULL OR ${t.minutes} > 0`),
    check("road_edges_factor", sql`${t.speedFactor} > 0 AND ${t.speedFactor} <= 1`),
    check("road_edges_ends", sql`${t.fromNodeId} <> ${t.toNodeId}`),
  ],
);

/** Every change of a road's status, kept: closed or slowed with its reason, and reopened. */
export const roadStatusEvents = sqliteTable(
  "road_status_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    edgeId: integer("edge_id")
      .notNull()
      .references(() => roadEdges.id),
    status: text("status", { enum: ROAD_STATUSES }).notNull(),
    speedFactor: real("speed_factor").notNull().default(1),
    reason: text("reason").notNull().default(""),
    /** When the change took effect on the road (may be earlier than it was recorded). */
    effectiveAt: text("effective_at").notNull(),
    expectedReopenAt: text("expected_reopen_at"),
    /** The incident that caused it, when known. */
    incidentId: integer("incident_id").references(() => incidents.id),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: text("recorded_at").notNull(),
  },
  (t) => [
    index("road_status_events_edge_idx").on(t.edgeId, t.effectiveAt),
    index("road_status_events_incident_idx").on(t.incidentId),
    check("road_status_events_factor", sql`${t.speedFactor} > 0 AND ${t.speedFactor} <= 1`),
  ],
);
