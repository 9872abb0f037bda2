import { incidents, type RoadStatus, roadEdges, roadStatusEvents, users } from "@relief/db";
import { msg } from "@relief/domain";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { flagPlansDriving } from "../dispatch/flag";
import { ConflictError, type ErrorIssue, NotFoundError, UnauthorizedError, ValidationError } from "../errors";
import { type Page, pageWindow } from "../paging";
import { localDateTime } from "../time";
import { getRoadEdge, type RoadEdgeView } from "./list";
import { RoadHistoryInput, SetRoadStatusInput } from "./schemas";

const STATUS_LABEL = {
  open: msg("roads.status.open"),
  closed: msg("roads.status.closed"),
  slow: msg("roads.status.slow"),
} as const satisfies Record<RoadStatus, unknown>;

const instant = (iso: string) => new Date(iso).toISOString();

/**
 * Marks a road open, closed or slowed: one status event kept for the history, and the edge's cached status
 * updated in the same transaction, so the planner and the map never see one without the other. Closing or
 * slowing needs a reason; slowing needs a speed factor between 0 and 1 (0.5 = half speed). Closing or slowing a
 * road that an approved plan's undeparted trips drive flags that plan for re-planning, in the same transaction.
 */
export function setRoadStatus({ ctx, input }: { ctx: CoreContext; input: SetRoadStatusInput }): RoadEdgeView {
  const q = SetRoadStatusInput.parse(input);
  return withTransaction(ctx, (tx) => {
    if (!ctx.actor) throw new UnauthorizedError();
    const edge = tx.select().from(roadEdges).where(eq(roadEdges.id, q.edgeId)).get();
    if (!edge) throw new NotFoundError(msg("roads.error.edgeNotFound", { id: String(q.edgeId) }));
    const now = nowIso(ctx);
    const effectiveAt = q.effectiveAt ? instant(q.effectiveAt) : now;
    const expectedReopenAt = q.expectedReopenAt ? instant(q.expectedReopenAt) : null;
    const status = STATUS_LABEL[q.status];
    const issues: ErrorIssue[] = [];
    if (q.status === "slow" && q.speedFactor === undefined)
      issues.push({ field: "speedFactor", message: msg("roads.error.slowNeedsFactor") });
    if (q.status !== "slow" && q.speedFactor !== undefined)
      issues.push({ field: "speedFactor", message: msg("roads.error.factorOnlyWhenSlow") });
    if (q.status !== "open" && q.reason === "")
      issues.push({ field: "reason", message: msg("roads.error.reasonRequired", { status }) });
    if (q.status === "open" && expectedReopenAt !== null)
      issues.push({ field: "expectedReopenAt", message: msg("roads.error.reopenOnlyWhenShut") });
    if (effectiveAt > now)
      issues.push({ field: "effectiveAt", message: msg("roads.error.effectiveInFuture") });
    if (edge.statusSince && effectiveAt < edge.statusSince)
      issues.push({
        field: "effectiveAt",
        message: msg("roads.error.effectiveBeforeLast", { since: localDateTime(edge.statusSince) }),
      });
    if (expectedReopenAt !== null && expectedReopenAt <= effectiveAt)
      issues.push({ field: "expectedReopenAt", message: msg("roads.error.reopenBeforeEffective") });
    if (q.incidentId) {
      const incident = tx
        .select({ id: incidents.id })
        .from(incidents)
        .where(eq(incidents.id, q.incidentId))
        .get();
      if (!incident)
        issues.push({
          field: "incidentId",
          message: msg("roads.error.incidentNotFound", { id: String(q.incidentId) }),
        });
    }
    if (issues.length > 0) {
      const [first] = issues;
      throw new ValidationError(
        issues.length === 1 && first
          ? first.message
          : msg("roads.error.statusRefused", { code: edge.code, name: edge.name }),
        issues,
      );
    }
    if (q.status === "open" && edge.status === "open")
      throw new ConflictError(msg("roads.error.alreadyOpen", { code: edge.code, name: edge.name }), [
        { field: "status", message: msg("roads.error.alreadyOpenShort") },
      ]);
    const speedFactor = q.status === "slow" ? (q.speedFactor ?? 1) : 1;
    const event = tx
      .insert(roadStatusEvents)
      .values({
        edgeId: edge.id,
        status: q.status,
        speedFactor,
        reason: q.reason,
        effectiveAt,
        expectedReopenAt,
        incidentId: q.incidentId ?? null,
        recordedBy: ctx.actor.userId,
        recordedAt: now,
      })
      .returning({ id: roadStatusEvents.id })
      .get();
    tx.update(roadEdges)
      .set({ status: q.status, speedFactor, statusSince: effectiveAt, updatedAt: now })
      .where(eq(roadEdges.id, edge.id))
      .run();
    if (q.status !== "open")
      flagPlansDriving(tx, ctx, { id: edge.id, code: edge.code, status: q.status }, now);
    recordAudit(tx, ctx, {
      action: "roads.setStatus",
      targetType: "road_edge",
      targetIds: [edge.id],
      summary: { code: edge.code, ...q, effectiveAt, eventId: event.id },
    });
    return getRoadEdge(tx, edge.id);
  });
}

export interface RoadStatusEventView {
  id: number;
  edgeId: number;
  edgeCode: string;
  edgeName: string;
  status: RoadStatus;
  speedFactor: number;
  reason: string;
  effectiveAt: string;
  expectedReopenAt: string | null;
  incidentId: number | null;
  incidentTitle: string | null;
  recordedBy: number;
  recordedByName: string;
  recordedAt: string;
}

/** Status changes, latest first: of one edge, of one incident, or of the whole network. */
export function roadHistory(db: CoreContext["db"], input: RoadHistoryInput): Page<RoadStatusEventView> {
  const q = RoadHistoryInput.parse(input);
  const where: SQL | undefined = and(
    q.edgeId ? eq(roadStatusEvents.edgeId, q.edgeId) : undefined,
    q.incidentId ? eq(roadStatusEvents.incidentId, q.incidentId) : undefined,
  );
  const total = db.select({ n: count() }).from(roadStatusEvents).where(where).get()?.n ?? 0;
  const { limit, offset } = pageWindow(q);
  const rows = db
    .select({
      id: roadStatusEvents.id,
      edgeId: roadStatusEvents.edgeId,
      edgeCode: roadEdges.code,
      edgeName: roadEdges.name,
      status: roadStatusEvents.status,
      speedFactor: roadStatusEvents.speedFactor,
      reason: roadStatusEvents.reason,
      effectiveAt: roadStatusEvents.effectiveAt,
      expectedReopenAt: roadStatusEvents.expectedReopenAt,
      incidentId: roadStatusEvents.incidentId,
      incidentTitle: incidents.title,
      recordedBy: roadStatusEvents.recordedBy,
      recordedByName: users.displayName,
      recordedAt: roadStatusEvents.recordedAt,
    })
    .from(roadStatusEvents)
    .innerJoin(roadEdges, eq(roadEdges.id, roadStatusEvents.edgeId))
    .innerJoin(users, eq(users.id, roadStatusEvents.recordedBy))
    .leftJoin(incidents, eq(incidents.id, roadStatusEvents.incidentId))
    .where(where)
    .orderBy(desc(roadStatusEvents.effectiveAt), desc(roadStatusEvents.id))
    .limit(limit)
    .offset(offset)
    .all();
  return { total, rows };
}
