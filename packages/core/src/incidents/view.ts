import {
  type DbOrTx,
  type IncidentReportKind,
  type IncidentStatus,
  type IncidentType,
  incidentNeedOverrides,
  incidentPackageLines,
  incidentReportAreas,
  incidentReports,
  incidents,
  items,
  type QuotaBasis,
  users,
} from "@relief/db";
import { RELIEF_DEADLINE_HOURS } from "@relief/domain";
import { and, asc, count, desc, eq, gte, lt, or, type SQL, sql } from "drizzle-orm";
import { type Page, pageWindow, sortTerms } from "../paging";
import { containsText } from "../search";
import { addDays, districtDayStart } from "../time";
import { type AreaInfo, areaInfo } from "./areas";
import { ListIncidentsInput } from "./schemas";
import { incidentRow } from "./status";

export interface IncidentHeader {
  id: number;
  number: string;
  type: IncidentType;
  title: string;
  startedAt: string;
  /** startedAt + RELIEF_DEADLINE_HOURS: initial relief must have reached everyone by then. */
  deadlineAt: string;
  drill: boolean;
  status: IncidentStatus;
  closedAt: string | null;
}

export interface AreaFigures {
  areaId: number;
  name: string;
  level: AreaInfo["level"];
  townshipId: number;
  townshipName: string;
  affected: number;
  relocated: number;
}

export interface Totals {
  areas: number;
  affected: number;
  relocated: number;
}

export interface ReportView {
  id: number;
  kind: IncidentReportKind;
  reportedAt: string;
  note: string;
  recordedBy: string;
  recordedAt: string;
  areas: AreaFigures[];
  totals: Totals;
}

export interface PackageLineView {
  itemId: number;
  itemCode: string;
  itemName: string;
  baseUnit: string;
  categoryId: number;
  quantity: number;
  perPersons: number;
  basis: QuotaBasis;
  days: number | null;
  /** Changed by a dispatcher since the quotas filled it in. */
  edited: boolean;
}

export interface OverrideView {
  id: number;
  areaId: number;
  itemId: number;
  /** null: the need was returned to the computed figure. */
  quantity: number | null;
  reason: string;
  by: string;
  at: string;
}

export interface IncidentDetail extends IncidentHeader {
  description: string;
  createdBy: string;
  createdAt: string;
  /** The latest report's figures per area, with that report's kind and time. */
  areas: Array<AreaFigures & { reportKind: IncidentReportKind; reportedAt: string }>;
  /** Every report, newest first, each with its own figures. */
  reports: ReportView[];
  package: PackageLineView[];
  /** Every override of a need, newest first: who changed what and why. */
  overrides: OverrideView[];
  totals: Totals;
}

export function deadlineOf(startedAt: string): string {
  return new Date(Date.parse(startedAt) + RELIEF_DEADLINE_HOURS * 3_600_000).toISOString();
}

function header(row: typeof incidents.$inferSelect): IncidentHeader {
  const { id, number, type, title, startedAt, drill, status, closedAt } = row;
  return { id, number, type, title, startedAt, deadlineAt: deadlineOf(startedAt), drill, status, closedAt };
}

/** The report whose figures count: the latest by its time, then by the order reports were recorded. */
export const latestReportId = (incidentId: SQL | number) =>
  sql<number>`(SELECT r.id FROM incident_reports r WHERE r.incident_id = ${incidentId}
               ORDER BY r.reported_at DESC, r.id DESC LIMIT 1)`;

/** The figures of each report of `reportIds`, by report, in area register order. */
export function reportFigures(db: DbOrTx, reportIds: readonly number[]): Map<number, AreaFigures[]> {
  const rows = db
    .select()
    .from(incidentReportAreas)
    .where(
      sql`${incidentReportAreas.reportId} IN (SELECT value FROM json_each(${JSON.stringify(reportIds)}))`,
    )
    .all();
  const info = areaInfo(
    db,
    rows.map((r) => r.areaId),
  );
  const byReport = new Map<number, AreaFigures[]>(reportIds.map((id) => [id, []]));
  for (const row of rows) {
    const area = info.get(row.areaId);
    if (!area) continue;
    const { householdSize, id, ...place } = area;
    byReport
      .get(row.reportId)
      ?.push({ areaId: id, ...place, affected: row.affected, relocated: row.relocated });
  }
  for (const list of byReport.values())
    list.sort((a, b) => a.townshipId - b.townshipId || a.areaId - b.areaId);
  return byReport;
}

export function totalsOf(areas: readonly { affected: number; relocated: number }[]): Totals {
  return {
    areas: areas.length,
    affected: areas.reduce((sum, a) => sum + a.affected, 0),
    relocated: areas.reduce((sum, a) => sum + a.relocated, 0),
  };
}

export function packageLines(db: DbOrTx, incidentId: number): PackageLineView[] {
  return db
    .select({
      itemId: items.id,
      itemCode: items.code,
      itemName: items.name,
      baseUnit: items.baseUnit,
      categoryId: items.categoryId,
      quantity: incidentPackageLines.quantity,
      perPersons: incidentPackageLines.perPersons,
      basis: incidentPackageLines.basis,
      days: incidentPackageLines.days,
      edited: incidentPackageLines.edited,
    })
    .from(incidentPackageLines)
    .innerJoin(items, eq(items.id, incidentPackageLines.itemId))
    .where(eq(incidentPackageLines.incidentId, incidentId))
    .orderBy(asc(items.categoryId), asc(items.code))
    .all();
}

/** Every override of the incident's needs, newest first. */
export function overrideHistory(db: DbOrTx, incidentId: number): OverrideView[] {
  return db
    .select({
      id: incidentNeedOverrides.id,
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
    .all();
}

/** The incident with its latest figures, every report, its package and the history of its need overrides. */
export function getIncident(db: DbOrTx, id: number): IncidentDetail {
  const row = incidentRow(db, id);
  const creator = db.select({ name: users.displayName }).from(users).where(eq(users.id, row.createdBy)).get();
  const reports = db
    .select({
      id: incidentReports.id,
      kind: incidentReports.kind,
      reportedAt: incidentReports.reportedAt,
      note: incidentReports.note,
      recordedBy: users.displayName,
      recordedAt: incidentReports.recordedAt,
    })
    .from(incidentReports)
    .innerJoin(users, eq(users.id, incidentReports.recordedBy))
    .where(eq(incidentReports.incidentId, id))
    .orderBy(desc(incidentReports.reportedAt), desc(incidentReports.id))
    .all();
  const figures = reportFigures(
    db,
    reports.map((r) => r.id),
  );
  const history = reports.map((r) => {
    const areas = figures.get(r.id) ?? [];
    return { ...r, areas, totals: totalsOf(areas) };
  });
  const latest = history[0];
  const areas = latest
    ? latest.areas.map((a) => ({ ...a, reportKind: latest.kind, reportedAt: latest.reportedAt }))
    : [];
  return {
    ...header(row),
    description: row.description,
    createdBy: creator?.name ?? "",
    createdAt: row.createdAt,
    areas,
    reports: history,
    package: packageLines(db, id),
    overrides: overrideHistory(db, id),
    totals: totalsOf(areas),
  };
}

export interface IncidentSummary extends IncidentHeader, Totals {
  latestReportKind: IncidentReportKind | null;
  latestReportedAt: string | null;
}

function filterOf(q: ReturnType<typeof ListIncidentsInput.parse>): SQL | undefined {
  return and(
    q.search
      ? or(containsText(incidents.number, q.search), containsText(incidents.title, q.search))
      : undefined,
    q.status ? eq(incidents.status, q.status) : undefined,
    q.type ? eq(incidents.type, q.type) : undefined,
    q.drill !== undefined ? eq(incidents.drill, q.drill) : undefined,
    q.from ? gte(incidents.startedAt, districtDayStart(q.from)) : undefined,
    q.to ? lt(incidents.startedAt, districtDayStart(addDays(q.to, 1))) : undefined,
  );
}

/** One page of incidents, filtered and sorted on the server, each with its latest report's totals. */
export function listIncidents(db: DbOrTx, input: ListIncidentsInput): Page<IncidentSummary> {
  const q = ListIncidentsInput.parse(input);
  const where = filterOf(q);
  const total = db.select({ n: count() }).from(incidents).where(where).get()?.n ?? 0;
  const { limit, offset } = pageWindow(q);
  const columns = {
    startedAt: (direction: SQL) => sql`${incidents.startedAt} ${direction}`,
    number: (direction: SQL) => sql`${incidents.number} ${direction}`,
  };
  const rows = db
    .select({
      incident: incidents,
      latestId: latestReportId(sql`${incidents.id}`),
    })
    .from(incidents)
    .where(where)
    .orderBy(sortTerms(columns, q.sort, q.order, incidents.id))
    .limit(limit)
    .offset(offset)
    .all();
  const latestIds = rows.flatMap((r) => (r.latestId === null ? [] : [r.latestId]));
  const reports = new Map(
    db
      .select({ id: incidentReports.id, kind: incidentReports.kind, reportedAt: incidentReports.reportedAt })
      .from(incidentReports)
      .where(sql`${incidentReports.id} IN (SELECT value FROM json_each(${JSON.stringify(latestIds)}))`)
      .all()
      .map((r) => [r.id, r]),
  );
  const figures = reportFigures(db, latestIds);
  return {
    total,
    rows: rows.map(({ incident, latestId }) => {
      const report = latestId === null ? undefined : reports.get(latestId);
      return {
        ...header(incident),
        ...totalsOf(figures.get(latestId ?? 0) ?? []),
        latestReportKind: report?.kind ?? null,
        latestReportedAt: report?.reportedAt ?? null,
      };
    }),
  };
}
