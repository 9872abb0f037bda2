import {
  type DbOrTx,
  type IncidentStatus,
  incidentNeedOverrides,
  incidentReportAreas,
  items,
  users,
} from "@relief/db";
import { msg } from "@relief/domain";
import { desc, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ValidationError } from "../errors";
import { type AreaInfo, areaInfo } from "./areas";
import type { PackageLine } from "./package";
import { type OverrideNeedInput, OverrideNeedInput as OverrideSchema } from "./schemas";
import { actorId, assertIncidentOpen, incidentRow } from "./status";
import { latestReportId, packageLines } from "./view";

export interface NeedOverride {
  quantity: number;
  reason: string;
  by: string;
  at: string;
}

/** One area's need of one item, in the item's base units: the override where one is set, else the computed figure. */
export interface Need {
  areaId: number;
  itemId: number;
  quantity: number;
  computed: number;
  overridden: NeedOverride | null;
}

/** Rounds up, forgiving binary rounding (300 people × 1/3 tent is 100 tents, not 101). */
const ceilQuantity = (x: number) => Math.max(0, Math.ceil(x - 1e-9));

/**
 * What relocated people need of a package line: relocated × quantity ÷ persons per share × days (1 when the
 * line is not per day), rounded up; per household, the people are first divided by the area's household size.
 */
export function computeNeed(line: PackageLine, relocated: number, householdSize: number): number {
  const shares = line.basis === "household" ? relocated / householdSize : relocated / line.perPersons;
  return ceilQuantity(shares * line.quantity * (line.days ?? 1));
}

interface AffectedArea extends AreaInfo {
  relocated: number;
}

/** The areas of the latest report, in township order, with what they need. */
function needsOf(db: DbOrTx, incidentId: number): { areas: AffectedArea[]; needs: Need[] } {
  const figures = db
    .select({ areaId: incidentReportAreas.areaId, relocated: incidentReportAreas.relocated })
    .from(incidentReportAreas)
    .where(eq(incidentReportAreas.reportId, latestReportId(incidentId)))
    .all();
  const info = areaInfo(
    db,
    figures.map((f) => f.areaId),
  );
  const areas = figures
    .flatMap((f) => {
      const area = info.get(f.areaId);
      return area ? [{ ...area, relocated: f.relocated }] : [];
    })
    .sort((a, b) => a.townshipId - b.townshipId || a.id - b.id);
  const lines = packageLines(db, incidentId);
  const latest = new Map<string, NeedOverride | null>();
  for (const o of db
    .select({
      areaId: incidentNeedOverrides.areaId,
      itemId: incidentNeedOverrides.itemId,
      quantity: incidentNeedOverrides.quantity,
      reason: incidentNeedOverrides.reason,
      by: users.displayName,
      at: incidentNeedOverrides.recordedAt,
    })
    .from(incidentNeedOverrides)
    .innerJoin(users, eq(users.id, incidentNeedOverrides.recordedBy))
    .where(eq(incidentNeedOverrides.incidentId, incidentId))
    .orderBy(desc(incidentNeedOverrides.id))
    .all()) {
    const key = `${o.areaId}:${o.itemId}`;
    if (!latest.has(key)) latest.set(key, o.quantity === null ? null : { ...o, quantity: o.quantity });
  }
  const needs = areas.flatMap((area) => {
    const rows: Need[] = lines.map((line) => {
      const computed = computeNeed(line, area.relocated, area.householdSize);
      const overridden = latest.get(`${area.id}:${line.itemId}`) ?? null;
      return {
        areaId: area.id,
        itemId: line.itemId,
        quantity: overridden?.quantity ?? computed,
        computed,
        overridden,
      };
    });
    // An override may add an item the package lacks (medicine for one village): it counts as a need too.
    for (const [key, overridden] of latest) {
      const [areaId, itemId] = key.split(":").map(Number) as [number, number];
      if (areaId !== area.id || !overridden || lines.some((l) => l.itemId === itemId)) continue;
      rows.push({ areaId, itemId, quantity: overridden.quantity, computed: 0, overridden });
    }
    return rows;
  });
  return { areas, needs };
}

/** Each affected area's need of each item, as the latest report's figures and the package make it. */
export function incidentNeeds(db: DbOrTx, incidentId: number): Need[] {
  incidentRow(db, incidentId);
  return needsOf(db, incidentId).needs;
}

/**
 * Sets one area's need of one item by hand, with the reason, or returns it to the computed figure
 * (`quantity` null). Every override is kept; the latest counts.
 */
export function overrideNeed({ ctx, input }: { ctx: CoreContext; input: OverrideNeedInput }): { id: number } {
  const fields = OverrideSchema.parse(input);
  return withTransaction(ctx, (tx) => {
    const incident = assertIncidentOpen(tx, fields.incidentId);
    const affected = tx
      .select({ areaId: incidentReportAreas.areaId })
      .from(incidentReportAreas)
      .where(eq(incidentReportAreas.reportId, latestReportId(incident.id)))
      .all();
    if (!affected.some((a) => a.areaId === fields.areaId)) {
      const name = areaInfo(tx, [fields.areaId]).get(fields.areaId)?.name ?? `#${fields.areaId}`;
      const message = msg("incidents.error.areaNotAffected", { name, number: incident.number });
      throw new ValidationError(message, [{ field: "areaId", message }]);
    }
    const item = tx.select({ code: items.code }).from(items).where(eq(items.id, fields.itemId)).get();
    if (!item) {
      const message = msg("incidents.error.itemNotFound", { id: String(fields.itemId) });
      throw new ValidationError(message, [{ field: "itemId", message }]);
    }
    const { id } = tx
      .insert(incidentNeedOverrides)
      .values({ ...fields, recordedBy: actorId(ctx), recordedAt: nowIso(ctx) })
      .returning({ id: incidentNeedOverrides.id })
      .get();
    recordAudit(tx, ctx, {
      action: "incidents.overrideNeed",
      targetType: "incident",
      targetIds: [incident.id],
      summary: { number: incident.number, ...fields, item: item.code },
    });
    return { id };
  });
}

/** What the dispatch engine plans for: the incident, and per affected area its people and needs. */
export interface IncidentPlanningNeeds {
  incident: { id: number; number: string; startedAt: string; drill: boolean; status: IncidentStatus };
  areas: Array<{
    areaId: number;
    /** The township the area lies in (itself for a township): where its road node is. */
    townshipAreaId: number;
    /** 紧急转移安置人口 of the latest report. */
    people: number;
    /** Base units per item id; only items with a need above zero. */
    needs: Record<number, number>;
  }>;
}

/**
 * The incident's needs as the dispatch engine takes them: every area of the latest report, in township order,
 * its relocated people and the quantity of each item it needs (overrides applied). It reads; whether the
 * incident may still be planned is `assertIncidentOpen`'s to say.
 */
export function needsForPlanning(db: DbOrTx, incidentId: number): IncidentPlanningNeeds {
  const row = incidentRow(db, incidentId);
  const { areas, needs } = needsOf(db, incidentId);
  return {
    incident: {
      id: row.id,
      number: row.number,
      startedAt: row.startedAt,
      drill: row.drill,
      status: row.status,
    },
    areas: areas.map((area) => ({
      areaId: area.id,
      townshipAreaId: area.townshipId,
      people: area.relocated,
      needs: Object.fromEntries(
        needs.filter((n) => n.areaId === area.id && n.quantity > 0).map((n) => [n.itemId, n.quantity]),
      ),
    })),
  };
}
