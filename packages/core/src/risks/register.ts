import { areas, type DbOrTx, type RiskHazard, riskVersions, roadEdges } from "@relief/db";
import { msg } from "@relief/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ValidationError } from "../errors";
import { UpdateRiskInput } from "./schemas";

export interface RiskView {
  id: number;
  areaId: number;
  township: string;
  population: number;
  hazard: RiskHazard;
  relocated: number | null;
  shareOfResidents: number | null;
  /** The scenario's people: relocated, or the share of residents rounded to whole people. */
  people: number;
  weight: number;
  closedRoads: { id: number; code: string; name: string }[];
  basis: string;
  estimate: boolean;
  effectiveFrom: string;
  note: string | null;
}

/**
 * The register as it stood at an instant: for every township and hazard its latest version not after it,
 * leaving out hazards taken off the register. In township order, then hazard order.
 */
export function risksAt(db: DbOrTx, at: string): RiskView[] {
  const rows = db
    .select({
      id: riskVersions.id,
      areaId: riskVersions.areaId,
      township: areas.name,
      population: areas.population,
      hazard: riskVersions.hazard,
      relocated: riskVersions.relocated,
      shareOfResidents: riskVersions.shareOfResidents,
      weight: riskVersions.weight,
      closedRoadIds: riskVersions.closedRoadIds,
      basis: riskVersions.basis,
      estimate: riskVersions.estimate,
      active: riskVersions.active,
      effectiveFrom: riskVersions.effectiveFrom,
      note: riskVersions.note,
    })
    .from(riskVersions)
    .innerJoin(areas, eq(areas.id, riskVersions.areaId))
    .where(
      eq(
        riskVersions.id,
        sql`(SELECT r2.id FROM risk_versions r2 WHERE r2.area_id = ${riskVersions.areaId}
              AND r2.hazard = ${riskVersions.hazard} AND r2.effective_from <= ${at}
              ORDER BY r2.effective_from DESC, r2.id DESC LIMIT 1)`,
      ),
    )
    .orderBy(asc(areas.sortOrder), asc(areas.id), asc(riskVersions.id))
    .all()
    .filter((r) => r.active);
  const roadIds = [...new Set(rows.flatMap((r) => r.closedRoadIds))];
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
  const order = (h: RiskHazard) => ["flood", "landslide", "earthquake", "fire"].indexOf(h);
  return rows
    .map(({ active, closedRoadIds, ...r }) => ({
      ...r,
      people: r.relocated ?? Math.round((r.shareOfResidents ?? 0) * r.population),
      closedRoads: closedRoadIds.flatMap((id) => {
        const road = roads.get(id);
        return road ? [road] : [];
      }),
    }))
    .sort((a, b) => (a.areaId === b.areaId ? order(a.hazard) - order(b.hazard) : 0));
}

/**
 * Changes one hazard of a township's register by adding a version effective now (earlier versions stay, as
 * quotas do); the new version, or null when it takes the hazard off the register.
 */
export function updateRisk({ ctx, input }: { ctx: CoreContext; input: UpdateRiskInput }): RiskView | null {
  const fields = UpdateRiskInput.parse(input);
  const at = nowIso(ctx);
  return withTransaction(ctx, (tx) => {
    const area = tx
      .select({ id: areas.id, name: areas.name })
      .from(areas)
      .where(and(eq(areas.id, fields.areaId), eq(areas.level, "township")))
      .get();
    if (!area) {
      const text = msg("risks.error.townshipNotFound", { id: String(fields.areaId) });
      throw new ValidationError(text, [{ field: "areaId", message: text }]);
    }
    const roadIds = [...new Set(fields.closedRoadIds)];
    const known = new Set(
      roadIds.length === 0
        ? []
        : tx
            .select({ id: roadEdges.id })
            .from(roadEdges)
            .where(and(inArray(roadEdges.id, roadIds), eq(roadEdges.active, true)))
            .all()
            .map((r) => r.id),
    );
    const unknown = roadIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      const text = msg("risks.error.roadNotFound", { id: unknown.join("、") });
      throw new ValidationError(text, [{ field: "closedRoadIds", message: text }]);
    }
    const row = tx
      .insert(riskVersions)
      .values({
        ...fields,
        // A version taking the hazard off the register needs no size; the table wants one of the two.
        relocated: fields.relocated ?? (fields.shareOfResidents === null ? 0 : null),
        closedRoadIds: roadIds,
        effectiveFrom: at,
        recordedBy: ctx.actor?.userId ?? null,
        recordedAt: at,
      })
      .returning({ id: riskVersions.id })
      .get();
    recordAudit(tx, ctx, {
      action: "risks.update",
      targetType: "risk",
      targetIds: [row.id],
      summary: { township: area.name, ...fields, closedRoadIds: roadIds },
    });
    // A hazard taken off the register has no current view.
    return risksAt(tx, at).find((r) => r.id === row.id) ?? null;
  });
}
