import type { AreaLevel, DbOrTx } from "@relief/db";
import { type Message, msg } from "@relief/domain";
import { sql } from "drizzle-orm";
import { DEFAULT_HOUSEHOLD_SIZE } from "../coverage/inputs";
import { type ErrorIssue, ValidationError } from "../errors";
import type { IncidentArea } from "./schemas";

/** An affected area as needs and plans see it: its township, and the household size its quotas divide by. */
export interface AreaInfo {
  id: number;
  name: string;
  level: AreaLevel;
  /** The area itself for a township, its parent for a village. */
  townshipId: number;
  townshipName: string;
  /** The area's own, else its township's, else Chongqing's average. */
  householdSize: number;
}

/** The register entries of `ids` (any number, passed as one JSON parameter rather than an IN list). */
export function areaInfo(db: DbOrTx, ids: readonly number[]): Map<number, AreaInfo> {
  const rows = db.all<Omit<AreaInfo, "householdSize"> & { householdSize: number | null }>(sql`
    SELECT a.id, a.name, a.level,
           CASE WHEN a.level = 'village' THEN p.id ELSE a.id END AS townshipId,
           CASE WHEN a.level = 'village' THEN p.name ELSE a.name END AS townshipName,
           COALESCE(a.household_size, CASE WHEN a.level = 'village' THEN p.household_size END) AS householdSize
    FROM areas a LEFT JOIN areas p ON p.id = a.parent_id
    WHERE a.id IN (SELECT value FROM json_each(${JSON.stringify([...new Set(ids)])}))`);
  return new Map(rows.map((r) => [r.id, { ...r, householdSize: r.householdSize ?? DEFAULT_HOUSEHOLD_SIZE }]));
}

/**
 * Refuses a report's area list unless every area is a township or a village of the register, listed once,
 * and no village is listed beside its own township (its people would count twice). Every problem is named
 * on its line.
 */
export function checkAreas(db: DbOrTx, list: readonly IncidentArea[]): Map<number, AreaInfo> {
  const info = areaInfo(
    db,
    list.map((a) => a.areaId),
  );
  const issues: ErrorIssue[] = [];
  const problem = (index: number, message: Message) =>
    issues.push({
      field: `areas.${index}.areaId`,
      message: msg("common.error.onLineColon", { line: index + 1, message }),
    });
  const lineOf = new Map<number, number>();
  list.forEach((a, index) => {
    const area = info.get(a.areaId);
    const earlier = lineOf.get(a.areaId);
    if (!area) problem(index, msg("incidents.error.areaNotFound", { id: String(a.areaId) }));
    else if (area.level === "district")
      problem(index, msg("incidents.error.areaIsDistrict", { name: area.name }));
    else if (earlier !== undefined)
      problem(index, msg("incidents.error.duplicateArea", { name: area.name, line: earlier + 1 }));
    else lineOf.set(a.areaId, index);
  });
  list.forEach((a, index) => {
    const area = info.get(a.areaId);
    if (area?.level !== "village") return;
    const townshipLine = lineOf.get(area.townshipId);
    if (townshipLine !== undefined) {
      problem(
        index,
        msg("incidents.error.areaWithinListed", {
          name: area.name,
          township: area.townshipName,
          line: townshipLine + 1,
        }),
      );
    }
  });
  const [first] = issues;
  if (first) {
    throw new ValidationError(
      issues.length === 1
        ? first.message
        : msg("common.error.several", { first: first.message, count: issues.length }),
      issues,
    );
  }
  return info;
}
