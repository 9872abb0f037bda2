import { areas, type DbOrTx, type RiskHazard, riskVersions, roadEdges, users } from "@relief/db";
import { and, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Page, pageWindow } from "../paging";
import { RiskHistoryInput } from "./schemas";

/** The fields of a version that a change can touch; labelled by `risks.field.<field>`. */
export const RISK_FIELDS = [
  "relocated",
  "shareOfResidents",
  "weight",
  "closedRoads",
  "basis",
  "estimate",
  "active",
] as const;
export type RiskField = (typeof RISK_FIELDS)[number];

type FieldValue = number | string | boolean | null | { id: number; code: string; name: string }[];

export interface RiskVersionView {
  id: number;
  areaId: number;
  township: string;
  hazard: RiskHazard;
  relocated: number | null;
  shareOfResidents: number | null;
  weight: number;
  closedRoads: { id: number; code: string; name: string }[];
  basis: string;
  estimate: boolean;
  /** False: this version took the hazard off the township's register. */
  active: boolean;
  effectiveFrom: string;
  /** The reason given for the change. */
  note: string | null;
  recordedBy: number | null;
  /** Null for the register the system was set up with. */
  recordedByName: string | null;
  recordedAt: string;
  /** The township and hazard's version before this one; null for its first. */
  previousId: number | null;
  /** What this version changed against the previous one (every field set, for a first version). */
  changes: { field: RiskField; before: FieldValue; after: FieldValue }[];
}

/**
 * The register's versions, latest first: of one township, of one hazard, or all; each with who recorded it,
 * when, the reason, and what it changed against the same township and hazard's version before it.
 */
export function riskHistory(db: DbOrTx, input: RiskHistoryInput): Page<RiskVersionView> {
  const q = RiskHistoryInput.parse(input);
  const where: SQL | undefined = and(
    q.areaId ? eq(riskVersions.areaId, q.areaId) : undefined,
    q.hazard ? eq(riskVersions.hazard, q.hazard) : undefined,
  );
  const total = db.select({ n: count() }).from(riskVersions).where(where).get()?.n ?? 0;
  const { limit, offset } = pageWindow(q);
  const page = db
    .select({
      id: riskVersions.id,
      township: areas.name,
      recordedByName: users.displayName,
      previousId: sql<number | null>`(SELECT r2.id FROM risk_versions r2
          WHERE r2.area_id = ${riskVersions.areaId} AND r2.hazard = ${riskVersions.hazard}
            AND (r2.effective_from < ${riskVersions.effectiveFrom}
                 OR (r2.effective_from = ${riskVersions.effectiveFrom} AND r2.id < ${riskVersions.id}))
          ORDER BY r2.effective_from DESC, r2.id DESC LIMIT 1)`,
    })
    .from(riskVersions)
    .innerJoin(areas, eq(areas.id, riskVersions.areaId))
    .leftJoin(users, eq(users.id, riskVersions.recordedBy))
    .where(where)
    .orderBy(desc(riskVersions.effectiveFrom), desc(riskVersions.id))
    .limit(limit)
    .offset(offset)
    .all();
  const ids = [...new Set(page.flatMap((r) => (r.previousId === null ? [r.id] : [r.id, r.previousId])))];
  const versions = new Map(
    (ids.length === 0 ? [] : db.select().from(riskVersions).where(inArray(riskVersions.id, ids)).all()).map(
      (v) => [v.id, v],
    ),
  );
  const roadIds = [...new Set([...versions.values()].flatMap((v) => v.closedRoadIds))];
  const roads = new Map(
    (roadIds.length === 0
      ? []
      : db
          .select({ id: roadEdges.id, code: roadEdges.code, name: roadEdges.name })
          .from(roadEdges)
          .where(inArray(roadEdges.id, roadIds))
          .all()
    ).map((r) => [r.id, r]),
  );
  const fields = (v: typeof riskVersions.$inferSelect): Record<RiskField, FieldValue> => ({
    relocated: v.relocated,
    shareOfResidents: v.shareOfResidents,
    weight: v.weight,
    closedRoads: v.closedRoadIds.flatMap((id) => {
      const road = roads.get(id);
      return road ? [road] : [];
    }),
    basis: v.basis,
    estimate: v.estimate,
    active: v.active,
  });
  const rows = page.flatMap((r) => {
    const v = versions.get(r.id);
    if (!v) return [];
    const now = fields(v);
    const prior = r.previousId === null ? undefined : versions.get(r.previousId);
    const before = prior ? fields(prior) : undefined;
    const changes = RISK_FIELDS.flatMap((field) =>
      before && JSON.stringify(before[field]) === JSON.stringify(now[field])
        ? []
        : [{ field, before: before ? before[field] : null, after: now[field] }],
    );
    return [
      {
        id: v.id,
        areaId: v.areaId,
        township: r.township,
        hazard: v.hazard,
        relocated: v.relocated,
        shareOfResidents: v.shareOfResidents,
        weight: v.weight,
        closedRoads: now.closedRoads as RiskVersionView["closedRoads"],
        basis: v.basis,
        estimate: v.estimate,
        active: v.active,
        effectiveFrom: v.effectiveFrom,
        note: v.note,
        recordedBy: v.recordedBy,
        recordedByName: r.recordedByName,
        recordedAt: v.recordedAt,
        previousId: r.previousId,
        changes,
      },
    ];
  });
  return { total, rows };
}
