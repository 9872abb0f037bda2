import { areas, type KmBasis, roadEdges, roadNodes, type Tx, warehouses } from "@relief/db";
import { msg } from "@relief/domain";
import { and, eq, ne, or } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, type ErrorIssue, NotFoundError, ValidationError } from "../errors";
import { estimateKm, roundKm } from "./length";
import { getRoadEdge, getRoadNode, type RoadEdgeView, type RoadNodeView } from "./list";
import {
  CreateRoadEdgeInput,
  CreateRoadNodeInput,
  UpdateRoadEdgeInput,
  UpdateRoadNodeInput,
} from "./schemas";

type NodeFields = ReturnType<typeof CreateRoadNodeInput.parse>;
type EdgeFields = ReturnType<typeof CreateRoadEdgeInput.parse>;

function refuse(issues: ErrorIssue[]): void {
  const [first] = issues;
  if (!first) return;
  throw new ValidationError(issues.length === 1 ? first.message : msg("roads.error.checkFields"), issues);
}

function checkNode(tx: Tx, fields: NodeFields, exceptId?: number): void {
  const clash = tx
    .select({ id: roadNodes.id })
    .from(roadNodes)
    .where(and(eq(roadNodes.code, fields.code), exceptId ? ne(roadNodes.id, exceptId) : undefined))
    .get();
  if (clash)
    throw new ConflictError(msg("roads.error.nodeCodeTaken", { code: fields.code }), [
      { field: "code", message: msg("roads.error.codeExists") },
    ]);
  const issues: ErrorIssue[] = [];
  if (fields.areaId !== null) {
    const area = tx.select({ level: areas.level }).from(areas).where(eq(areas.id, fields.areaId)).get();
    if (area?.level !== "township")
      issues.push({ field: "areaId", message: msg("areas.error.chooseTownship") });
  } else if (fields.kind === "township") {
    issues.push({ field: "areaId", message: msg("roads.error.townshipNodeNeedsArea") });
  }
  if (fields.kind === "warehouse" && fields.warehouseId === null)
    issues.push({ field: "warehouseId", message: msg("roads.error.warehouseNodeNeedsWarehouse") });
  if (fields.kind !== "warehouse" && fields.warehouseId !== null)
    issues.push({ field: "warehouseId", message: msg("roads.error.warehouseOnlyForWarehouseNode") });
  if (fields.kind === "warehouse" && fields.warehouseId !== null) {
    const site = tx
      .select({ id: warehouses.id })
      .from(warehouses)
      .where(eq(warehouses.id, fields.warehouseId))
      .get();
    const taken = tx
      .select({ code: roadNodes.code })
      .from(roadNodes)
      .where(
        and(eq(roadNodes.warehouseId, fields.warehouseId), exceptId ? ne(roadNodes.id, exceptId) : undefined),
      )
      .get();
    if (!site)
      issues.push({
        field: "warehouseId",
        message: msg("warehouses.error.notFound", { id: String(fields.warehouseId) }),
      });
    else if (taken)
      issues.push({
        field: "warehouseId",
        message: msg("roads.error.warehouseHasNode", { code: taken.code }),
      });
  }
  refuse(issues);
}

export function createRoadNode({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: CreateRoadNodeInput;
}): RoadNodeView {
  const fields = CreateRoadNodeInput.parse(input);
  return withTransaction(ctx, (tx) => {
    checkNode(tx, fields);
    const at = nowIso(ctx);
    const row = tx
      .insert(roadNodes)
      .values({ ...fields, createdAt: at, updatedAt: at })
      .returning({ id: roadNodes.id })
      .get();
    recordAudit(tx, ctx, {
      action: "roads.createNode",
      targetType: "road_node",
      targetIds: [row.id],
      summary: fields,
    });
    return getRoadNode(tx, row.id);
  });
}

/** Moving a node re-estimates the roads at it whose length was only an estimate from coordinates. */
function reestimateAt(tx: Tx, nodeId: number, at: string): void {
  const touching = tx
    .select({ id: roadEdges.id, fromNodeId: roadEdges.fromNodeId, toNodeId: roadEdges.toNodeId })
    .from(roadEdges)
    .where(
      and(
        eq(roadEdges.kmBasis, "estimated"),
        or(eq(roadEdges.fromNodeId, nodeId), eq(roadEdges.toNodeId, nodeId)),
      ),
    )
    .all();
  for (const edge of touching) {
    const km = estimateKm(nodeAt(tx, edge.fromNodeId), nodeAt(tx, edge.toNodeId));
    tx.update(roadEdges).set({ km, updatedAt: at }).where(eq(roadEdges.id, edge.id)).run();
  }
}

function nodeAt(tx: Tx, id: number): { lat: number; lon: number } {
  const node = tx
    .select({ lat: roadNodes.lat, lon: roadNodes.lon })
    .from(roadNodes)
    .where(eq(roadNodes.id, id))
    .get();
  if (!node) throw new NotFoundError(msg("roads.error.nodeNotFound", { id: String(id) }));
  return node;
}

export function updateRoadNode({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: UpdateRoadNodeInput;
}): RoadNodeView {
  const { id, ...fields } = UpdateRoadNodeInput.parse(input);
  return withTransaction(ctx, (tx) => {
    const before = tx.select().from(roadNodes).where(eq(roadNodes.id, id)).get();
    if (!before) throw new NotFoundError(msg("roads.error.nodeNotFound", { id: String(id) }));
    checkNode(tx, fields, id);
    const at = nowIso(ctx);
    tx.update(roadNodes)
      .set({ ...fields, updatedAt: at })
      .where(eq(roadNodes.id, id))
      .run();
    if (before.lat !== fields.lat || before.lon !== fields.lon) reestimateAt(tx, id, at);
    recordAudit(tx, ctx, {
      action: "roads.updateNode",
      targetType: "road_node",
      targetIds: [id],
      summary: fields,
    });
    return getRoadNode(tx, id);
  });
}

function checkEdge(tx: Tx, fields: EdgeFields, exceptId?: number): void {
  const clash = tx
    .select({ id: roadEdges.id })
    .from(roadEdges)
    .where(and(eq(roadEdges.code, fields.code), exceptId ? ne(roadEdges.id, exceptId) : undefined))
    .get();
  if (clash)
    throw new ConflictError(msg("roads.error.edgeCodeTaken", { code: fields.code }), [
      { field: "code", message: msg("roads.error.codeExists") },
    ]);
  const issues: ErrorIssue[] = [];
  for (const field of ["fromNodeId", "toNodeId"] as const) {
    const id = fields[field];
    if (!tx.select({ id: roadNodes.id }).from(roadNodes).where(eq(roadNodes.id, id)).get())
      issues.push({ field, message: msg("roads.error.nodeNotFound", { id: String(id) }) });
  }
  if (fields.fromNodeId === fields.toNodeId)
    issues.push({ field: "toNodeId", message: msg("roads.error.sameEnds") });
  if (fields.roadClass === "ferry" && fields.minutes === null)
    issues.push({ field: "minutes", message: msg("roads.error.ferryNeedsMinutes") });
  refuse(issues);
}

export function createRoadEdge({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: CreateRoadEdgeInput;
}): RoadEdgeView {
  const fields = CreateRoadEdgeInput.parse(input);
  return withTransaction(ctx, (tx) => {
    checkEdge(tx, fields);
    const at = nowIso(ctx);
    const { km, kmBasis } =
      fields.km === null
        ? {
            km: estimateKm(nodeAt(tx, fields.fromNodeId), nodeAt(tx, fields.toNodeId)),
            kmBasis: "estimated" as const,
          }
        : { km: roundKm(fields.km), kmBasis: "surveyed" as const };
    const row = tx
      .insert(roadEdges)
      .values({ ...fields, km, kmBasis, createdAt: at, updatedAt: at })
      .returning({ id: roadEdges.id })
      .get();
    recordAudit(tx, ctx, {
      action: "roads.createEdge",
      targetType: "road_edge",
      targetIds: [row.id],
      summary: fields,
    });
    return getRoadEdge(tx, row.id);
  });
}

/**
 * Edits a road. A length typed in that differs from the stored one is a surveyed length; without one the
 * length stays, except an estimate whose ends changed, which is estimated again.
 */
export function updateRoadEdge({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: UpdateRoadEdgeInput;
}): RoadEdgeView {
  const { id, ...fields } = UpdateRoadEdgeInput.parse(input);
  return withTransaction(ctx, (tx) => {
    const before = tx.select().from(roadEdges).where(eq(roadEdges.id, id)).get();
    if (!before) throw new NotFoundError(msg("roads.error.edgeNotFound", { id: String(id) }));
    checkEdge(tx, fields, id);
    const movedEnds = before.fromNodeId !== fields.fromNodeId || before.toNodeId !== fields.toNodeId;
    let km = before.km;
    let kmBasis: KmBasis = before.kmBasis;
    if (fields.km !== null && roundKm(fields.km) !== before.km) {
      km = roundKm(fields.km);
      kmBasis = "surveyed";
    } else if (fields.km === null && movedEnds && before.kmBasis === "estimated") {
      km = estimateKm(nodeAt(tx, fields.fromNodeId), nodeAt(tx, fields.toNodeId));
    }
    tx.update(roadEdges)
      .set({ ...fields, km, kmBasis, updatedAt: nowIso(ctx) })
      .where(eq(roadEdges.id, id))
      .run();
    recordAudit(tx, ctx, {
      action: "roads.updateEdge",
      targetType: "road_edge",
      targetIds: [id],
      summary: fields,
    });
    return getRoadEdge(tx, id);
  });
}
