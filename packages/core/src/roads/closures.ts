import { type DbOrTx, incidents, type RoadClass, roadEdges, roadStatusEvents } from "@relief/db";
import { msg, TRUNK_REOPEN_HOURS, TRUNK_ROAD_CLASSES } from "@relief/domain";
import { asc, eq, inArray } from "drizzle-orm";
import { NotFoundError } from "../errors";
import { ClosuresForIncidentInput } from "./schemas";

export interface RoadClosure {
  edgeId: number;
  edgeCode: string;
  edgeName: string;
  roadClass: RoadClass;
  trunk: boolean;
  closedSince: string;
  /** The latest expected reopening recorded while it was closed. */
  expectedReopenAt: string | null;
  /** When traffic passed again (reopened or slowed); null while still closed. */
  reopenedAt: string | null;
  reason: string;
  /** Hours from closing to reopening, or to now while still closed. */
  hours: number;
  /**
   * Trunk roads only: reopened within TRUNK_REOPEN_HOURS (true), past it (false), or still closed and within
   * it (null); null for other roads.
   */
  withinTarget: boolean | null;
}

export interface IncidentClosures {
  incidentId: number;
  startedAt: string;
  closures: RoadClosure[];
  trunkClosures: number;
  /**
   * The seed plan's figure: average hours trunk roads stayed closed, a road still closed counted until now
   * (so the figure only grows until it reopens); null without trunk closures.
   */
  trunkAverageHours: number | null;
  /** trunkAverageHours within TRUNK_REOPEN_HOURS; null without trunk closures. */
  trunkTargetMet: boolean | null;
  targetHours: number;
}

const HOUR_MS = 3_600_000;

/**
 * The road closures of an incident: each spell during which a road stayed closed (consecutive closed events
 * are one spell; a reopening or slowing ends it) that an event links to the incident, or that began at or
 * after its start without being linked to another incident. Measured against the seed plan's target of
 * trunk roads reopened within 12 hours on average.
 */
export function closuresForIncident(
  db: DbOrTx,
  input: ClosuresForIncidentInput,
  now: string,
): IncidentClosures {
  const { incidentId } = ClosuresForIncidentInput.parse(input);
  const incident = db
    .select({ id: incidents.id, startedAt: incidents.startedAt })
    .from(incidents)
    .where(eq(incidents.id, incidentId))
    .get();
  if (!incident) throw new NotFoundError(msg("roads.error.incidentNotFound", { id: String(incidentId) }));
  const startedAt = new Date(incident.startedAt).toISOString();
  // Only edges with an event linked to the incident or closed since its start can hold one of its spells.
  const candidates = db
    .selectDistinct({ edgeId: roadStatusEvents.edgeId })
    .from(roadStatusEvents)
    .where(eq(roadStatusEvents.incidentId, incidentId))
    .all()
    .map((r) => r.edgeId);
  const since = db
    .selectDistinct({ edgeId: roadStatusEvents.edgeId })
    .from(roadStatusEvents)
    .where(eq(roadStatusEvents.status, "closed"))
    .all()
    .map((r) => r.edgeId);
  const edgeIds = [...new Set([...candidates, ...since])];
  const events = edgeIds.length
    ? db
        .select({
          edgeId: roadStatusEvents.edgeId,
          status: roadStatusEvents.status,
          reason: roadStatusEvents.reason,
          effectiveAt: roadStatusEvents.effectiveAt,
          expectedReopenAt: roadStatusEvents.expectedReopenAt,
          incidentId: roadStatusEvents.incidentId,
          code: roadEdges.code,
          name: roadEdges.name,
          roadClass: roadEdges.roadClass,
        })
        .from(roadStatusEvents)
        .innerJoin(roadEdges, eq(roadEdges.id, roadStatusEvents.edgeId))
        .where(inArray(roadStatusEvents.edgeId, edgeIds))
        .orderBy(asc(roadStatusEvents.edgeId), asc(roadStatusEvents.effectiveAt), asc(roadStatusEvents.id))
        .all()
    : [];

  const closures: RoadClosure[] = [];
  let spell: { closure: RoadClosure; incidents: Set<number> } | null = null;
  const finish = () => {
    if (!spell) return;
    const { closure, incidents: linked } = spell;
    const ours = linked.has(incidentId) || (linked.size === 0 && closure.closedSince >= startedAt);
    if (ours) closures.push(closure);
    spell = null;
  };
  for (const e of events) {
    if (spell && spell.closure.edgeId !== e.edgeId) finish();
    if (e.status === "closed") {
      if (!spell) {
        const trunk = TRUNK_ROAD_CLASSES.includes(e.roadClass);
        spell = {
          incidents: new Set(),
          closure: {
            edgeId: e.edgeId,
            edgeCode: e.code,
            edgeName: e.name,
            roadClass: e.roadClass,
            trunk,
            closedSince: e.effectiveAt,
            expectedReopenAt: null,
            reopenedAt: null,
            reason: e.reason,
            hours: 0,
            withinTarget: null,
          },
        };
      }
      spell.closure.expectedReopenAt = e.expectedReopenAt ?? spell.closure.expectedReopenAt;
      if (e.incidentId !== null) spell.incidents.add(e.incidentId);
    } else if (spell) {
      spell.closure.reopenedAt = e.effectiveAt;
      if (e.incidentId !== null) spell.incidents.add(e.incidentId);
      finish();
    }
  }
  finish();

  for (const c of closures) {
    const end = c.reopenedAt ?? now;
    c.hours = Math.max(0, (Date.parse(end) - Date.parse(c.closedSince)) / HOUR_MS);
    if (c.trunk) {
      const late = c.hours > TRUNK_REOPEN_HOURS;
      c.withinTarget = late ? false : c.reopenedAt === null ? null : true;
    }
  }
  closures.sort((a, b) => a.closedSince.localeCompare(b.closedSince) || a.edgeCode.localeCompare(b.edgeCode));
  const trunk = closures.filter((c) => c.trunk);
  const trunkAverageHours = trunk.length ? trunk.reduce((s, c) => s + c.hours, 0) / trunk.length : null;
  return {
    incidentId,
    startedAt: incident.startedAt,
    closures,
    trunkClosures: trunk.length,
    trunkAverageHours,
    trunkTargetMet: trunkAverageHours === null ? null : trunkAverageHours <= TRUNK_REOPEN_HOURS,
    targetHours: TRUNK_REOPEN_HOURS,
  };
}
