import { incidentReports, incidents } from "@relief/db";
import { msg } from "@relief/domain";
import { asc, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, ValidationError } from "../errors";
import { localDateTime } from "../time";
import { checkAreas } from "./areas";
import { insertReport, instantIssues } from "./create";
import { type ReportIncidentInput, ReportIncidentInput as ReportSchema } from "./schemas";
import { assertIncidentOpen } from "./status";

/**
 * Adds a follow-up (续报) or verified (核报) report with the full area list as of `reportedAt`; the latest report
 * (by its time, then the order it was recorded in) gives the incident's figures. A report may be recorded late,
 * so its time may precede an earlier-recorded one, but never the initial report nor the present. Once a report
 * is verified no follow-up comes after it: the figures have been checked, and a correction is another 核报.
 */
export function reportIncident({ ctx, input }: { ctx: CoreContext; input: ReportIncidentInput }): {
  id: number;
} {
  const fields = ReportSchema.parse(input);
  const now = nowIso(ctx);
  const reportedAt = new Date(fields.reportedAt).toISOString();
  return withTransaction(ctx, (tx) => {
    const incident = assertIncidentOpen(tx, fields.incidentId);
    const reports = tx
      .select({ kind: incidentReports.kind, reportedAt: incidentReports.reportedAt })
      .from(incidentReports)
      .where(eq(incidentReports.incidentId, incident.id))
      .orderBy(asc(incidentReports.reportedAt), asc(incidentReports.id))
      .all();
    if (fields.kind === "follow_up" && reports.some((r) => r.kind === "verified")) {
      throw new ConflictError(msg("incidents.error.followUpAfterVerified", { number: incident.number }), [
        { field: "kind", message: msg("incidents.error.followUpAfterVerified", { number: incident.number }) },
      ]);
    }
    const initial = reports.find((r) => r.kind === "initial") ?? reports[0];
    const [issue] = instantIssues(
      reportedAt,
      "reportedAt",
      msg("incidents.field.reportedAt"),
      now,
      initial && {
        at: initial.reportedAt,
        message: msg("incidents.error.reportBeforeInitial", { at: localDateTime(initial.reportedAt) }),
      },
    );
    if (issue) throw new ValidationError(issue.message, [issue]);
    checkAreas(tx, fields.areas);
    const id = insertReport(tx, ctx, { ...fields, reportedAt });
    tx.update(incidents).set({ updatedAt: now }).where(eq(incidents.id, incident.id)).run();
    recordAudit(tx, ctx, {
      action: "incidents.report",
      targetType: "incident",
      targetIds: [incident.id],
      summary: { number: incident.number, ...fields, reportedAt },
    });
    return { id };
  });
}
