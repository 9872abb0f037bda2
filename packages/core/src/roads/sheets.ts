import { areas, type DbOrTx, roadEdges, roadNodes, warehouses } from "@relief/db";
import { msg, zh } from "@relief/domain";
import { buildRoadsWorkbook, parseRoadSheets, ROAD_EDGE_HEADERS, ROAD_NODE_HEADERS } from "@relief/sheets";
import { eq } from "drizzle-orm";
import type { FileDownload } from "../areas/population-sheet";
import { recordAudit } from "../audit/record";
import { type CoreContext, withTransaction } from "../context";
import type { ErrorIssue } from "../errors";
import { readUpload, rejectIfAny, runRow } from "../import-rows";
import { localDate, localDateTime } from "../time";
import { listRoads } from "./list";
import { createRoadEdge, createRoadNode, updateRoadEdge, updateRoadNode } from "./save";

/** The sheet column each field of an edge's input comes from. */
const EDGE_FIELD_COLUMNS: Record<string, string> = {
  code: ROAD_EDGE_HEADERS.code,
  name: ROAD_EDGE_HEADERS.name,
  fromNodeId: ROAD_EDGE_HEADERS.from,
  toNodeId: ROAD_EDGE_HEADERS.to,
  roadClass: ROAD_EDGE_HEADERS.roadClass,
  km: ROAD_EDGE_HEADERS.km,
  speedKmh: ROAD_EDGE_HEADERS.speedKmh,
  minutes: ROAD_EDGE_HEADERS.minutes,
  crossing: ROAD_EDGE_HEADERS.crossing,
};

const NODE_FIELD_COLUMNS: Record<string, string> = {
  code: ROAD_NODE_HEADERS.code,
  name: ROAD_NODE_HEADERS.name,
  kind: ROAD_NODE_HEADERS.kind,
  lat: ROAD_NODE_HEADERS.lat,
  lon: ROAD_NODE_HEADERS.lon,
  areaId: ROAD_NODE_HEADERS.township,
  warehouseId: ROAD_NODE_HEADERS.warehouse,
};

export function exportRoads(db: DbOrTx, now: string): FileDownload {
  const { nodes, edges } = listRoads(db);
  return {
    fileName: zh(msg("roads.file.export", { date: localDate(now) })),
    content: buildRoadsWorkbook(
      edges.map((e) => ({
        ...e,
        from: e.fromCode,
        to: e.toCode,
        statusSince: e.status === "open" || !e.statusSince ? null : localDateTime(e.statusSince),
        expectedReopenAt: e.expectedReopenAt ? localDateTime(e.expectedReopenAt) : null,
      })),
      nodes.map((n) => ({ ...n, township: n.areaName, warehouse: n.warehouseCode })),
    ),
  };
}

export interface RoadImportOutcome {
  nodesCreated: number;
  nodesUpdated: number;
  edgesCreated: number;
  edgesUpdated: number;
}

/**
 * Imports the road network sheets: nodes first (so new roads may end at new nodes), then roads, each matched
 * by code — a known code updates, a new one creates — through the same checks as the forms. Any problem
 * rejects the whole file with the list (a node sheet's problems say so, their rows being that sheet's), and
 * nothing is written.
 */
export async function importRoads({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: { fileName: string; content: Uint8Array };
}): Promise<RoadImportOutcome> {
  const parsed = await readUpload(parseRoadSheets, input.content);
  return withTransaction(ctx, (tx) => {
    const issues: ErrorIssue[] = [...parsed.edgeIssues];
    const nodeIssues: ErrorIssue[] = [...parsed.nodeIssues];
    const inner = { ...ctx, db: tx };
    const outcome: RoadImportOutcome = { nodesCreated: 0, nodesUpdated: 0, edgesCreated: 0, edgesUpdated: 0 };
    const townships = new Map(
      tx
        .select({ id: areas.id, name: areas.name })
        .from(areas)
        .where(eq(areas.level, "township"))
        .all()
        .map((t) => [t.name, t.id]),
    );
    const sites = new Map(
      tx
        .select({ id: warehouses.id, code: warehouses.code })
        .from(warehouses)
        .all()
        .map((w) => [w.code, w.id]),
    );

    const seenNodes = new Map<string, number>();
    for (const row of parsed.nodes) {
      const earlier = seenNodes.get(row.code);
      if (earlier !== undefined) {
        nodeIssues.push({
          row: row.row,
          column: ROAD_NODE_HEADERS.code,
          message: msg("roads.error.duplicateRow", { row: String(earlier) }),
        });
        continue;
      }
      seenNodes.set(row.code, row.row);
      const areaId = row.township === null ? null : townships.get(row.township);
      const warehouseId = row.warehouse === null ? null : sites.get(row.warehouse);
      if (areaId === undefined)
        nodeIssues.push({
          row: row.row,
          column: ROAD_NODE_HEADERS.township,
          message: msg("roads.error.townshipUnknown", { township: row.township ?? "" }),
        });
      if (warehouseId === undefined)
        nodeIssues.push({
          row: row.row,
          column: ROAD_NODE_HEADERS.warehouse,
          message: msg("roads.error.warehouseCodeUnknown", { code: row.warehouse ?? "" }),
        });
      if (areaId === undefined || warehouseId === undefined) continue;
      const fields = { ...row, areaId, warehouseId };
      const existing = tx
        .select({ id: roadNodes.id })
        .from(roadNodes)
        .where(eq(roadNodes.code, row.code))
        .get();
      runRow(nodeIssues, row, NODE_FIELD_COLUMNS, () => {
        if (existing) {
          updateRoadNode({ ctx: inner, input: { id: existing.id, ...fields } });
          outcome.nodesUpdated += 1;
        } else {
          createRoadNode({ ctx: inner, input: fields });
          outcome.nodesCreated += 1;
        }
      });
    }
    for (const issue of nodeIssues)
      issues.push({ ...issue, message: msg("roads.error.nodeSheetRow", { problem: issue.message }) });

    const nodeIds = new Map(
      tx
        .select({ id: roadNodes.id, code: roadNodes.code })
        .from(roadNodes)
        .all()
        .map((n) => [n.code, n.id]),
    );
    const seenEdges = new Map<string, number>();
    for (const row of parsed.edges) {
      const earlier = seenEdges.get(row.code);
      if (earlier !== undefined) {
        issues.push({
          row: row.row,
          column: ROAD_EDGE_HEADERS.code,
          message: msg("roads.error.duplicateRow", { row: String(earlier) }),
        });
        continue;
      }
      seenEdges.set(row.code, row.row);
      const fromNodeId = nodeIds.get(row.from);
      const toNodeId = nodeIds.get(row.to);
      for (const [id, code, column] of [
        [fromNodeId, row.from, ROAD_EDGE_HEADERS.from],
        [toNodeId, row.to, ROAD_EDGE_HEADERS.to],
      ] as const)
        if (id === undefined)
          issues.push({ row: row.row, column, message: msg("roads.error.nodeCodeUnknown", { code }) });
      if (fromNodeId === undefined || toNodeId === undefined) continue;
      const fields = { ...row, fromNodeId, toNodeId };
      const existing = tx
        .select({ id: roadEdges.id })
        .from(roadEdges)
        .where(eq(roadEdges.code, row.code))
        .get();
      runRow(issues, row, EDGE_FIELD_COLUMNS, () => {
        if (existing) {
          updateRoadEdge({ ctx: inner, input: { id: existing.id, ...fields } });
          outcome.edgesUpdated += 1;
        } else {
          createRoadEdge({ ctx: inner, input: fields });
          outcome.edgesCreated += 1;
        }
      });
    }
    rejectIfAny(input.fileName, issues);
    recordAudit(tx, ctx, {
      action: "roads.importSheet",
      targetType: "road_edge",
      summary: {
        fileName: input.fileName,
        bytes: input.content.byteLength,
        edges: parsed.edges.length,
        nodes: parsed.nodes.length,
        ...outcome,
      },
    });
    return outcome;
  });
}
