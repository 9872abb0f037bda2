import {
  type IncidentReportKind,
  incidentPackageLines,
  incidentReportAreas,
  incidentReports,
  incidents,
  type Tx,
} from "@relief/db";
import { type Message, msg } from "@relief/domain";
import { desc, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { type ErrorIssue, ValidationError } from "../errors";
import { startsWithText } from "../search";
import { localDate, localDateTime } from "../time";
import { checkAreas } from "./areas";
import { defaultPackage } from "./package";
import { type CreateIncidentInput, CreateIncidentInput as CreateSchema, type IncidentArea } from "./schemas";
import { actorId } from "./status";

/** A device clock this far ahead of the server's is forgiven: "now" typed in a browser is not the future. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** An incident started more than a year ago is a typing slip, not an incident still to relieve. */
export const MAX_INCIDENT_AGE_DAYS = 366;

/** 灾情 ZQ, drills 演练 YL: pinyin initials, as the district's documents are numbered. */
export const INCIDENT_PREFIX = { incident: "ZQ", drill: "YL" } as const;

/** `field` must not lie in the future; nor before `earliest` (with the message for that). */
export function instantIssues(
  value: string,
  field: string,
  label: Message,
  now: string,
  earliest?: { at: string; message: Message },
): ErrorIssue[] {
  const ms = Date.parse(value);
  if (ms > Date.parse(now) + CLOCK_SKEW_MS) {
    const message = msg("incidents.error.inFuture", { field: label, now: localDateTime(now) });
    return [{ field, message }];
  }
  if (earliest && ms < Date.parse(earliest.at)) return [{ field, message: earliest.message }];
  return [];
}

/** `ZQ-20261130-01`: the prefix, the district day the incident began, and its sequence on that day. */
function nextNumber(tx: Tx, drill: boolean, startedAt: string): string {
  const prefix = `${drill ? INCIDENT_PREFIX.drill : INCIDENT_PREFIX.incident}-${localDate(startedAt).replaceAll("-", "")}-`;
  const last = tx
    .select({ number: incidents.number })
    .from(incidents)
    .where(startsWithText(incidents.number, prefix))
    .orderBy(desc(sql`length(${incidents.number})`), desc(incidents.number))
    .limit(1)
    .get();
  const sequence = last ? Number(last.number.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(sequence).padStart(2, "0")}`;
}

/** Writes one report with its full area list. */
export function insertReport(
  tx: Tx,
  ctx: CoreContext,
  report: {
    incidentId: number;
    kind: IncidentReportKind;
    reportedAt: string;
    note: string;
    areas: IncidentArea[];
  },
): number {
  const { id } = tx
    .insert(incidentReports)
    .values({
      incidentId: report.incidentId,
      kind: report.kind,
      reportedAt: report.reportedAt,
      note: report.note,
      recordedBy: actorId(ctx),
      recordedAt: nowIso(ctx),
    })
    .returning({ id: incidentReports.id })
    .get();
  tx.insert(incidentReportAreas)
    .values(report.areas.map((a) => ({ reportId: id, ...a })))
    .run();
  return id;
}

/**
 * Registers an incident (or a drill) with its initial report (初报, the figures as of now) and its relief
 * package from the quotas. Refused, with nothing written: an area that is not a township or village of the
 * register, an area listed twice or inside a township also listed, negative or fractional people, more
 * relocated than affected people, no areas, a start in the future or more than a year ago.
 */
export function createIncident({ ctx, input }: { ctx: CoreContext; input: CreateIncidentInput }): {
  id: number;
} {
  const fields = CreateSchema.parse(input);
  const now = nowIso(ctx);
  const earliest = new Date(Date.parse(now) - MAX_INCIDENT_AGE_DAYS * 86_400_000).toISOString();
  const label = msg("incidents.field.startedAt");
  const [issue] = instantIssues(fields.startedAt, "startedAt", label, now, {
    at: earliest,
    message: msg("incidents.error.tooLongAgo", { field: label, date: localDate(earliest) }),
  });
  if (issue) throw new ValidationError(issue.message, [issue]);
  const startedAt = new Date(fields.startedAt).toISOString();
  return withTransaction(ctx, (tx) => {
    checkAreas(tx, fields.areas);
    const number = nextNumber(tx, fields.drill, startedAt);
    const { id } = tx
      .insert(incidents)
      .values({
        number,
        type: fields.type,
        title: fields.title,
        description: fields.description,
        startedAt,
        drill: fields.drill,
        createdBy: actorId(ctx),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: incidents.id })
      .get();
    insertReport(tx, ctx, {
      incidentId: id,
      kind: "initial",
      reportedAt: now,
      note: "",
      areas: fields.areas,
    });
    const lines = defaultPackage(tx, startedAt, now);
    if (lines.length > 0) {
      tx.insert(incidentPackageLines)
        .values(lines.map((line) => ({ incidentId: id, ...line })))
        .run();
    }
    recordAudit(tx, ctx, {
      action: "incidents.create",
      targetType: "incident",
      targetIds: [id],
      summary: { number, ...fields, startedAt },
    });
    return { id };
  });
}
