import { type DbOrTx, incidents } from "@relief/db";
import { msg } from "@relief/domain";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, NotFoundError, UnauthorizedError } from "../errors";
import { IncidentIdInput } from "./schemas";

/** Incidents, reports and overrides name the user who wrote them: the system itself writes none. */
export function actorId(ctx: CoreContext): number {
  if (!ctx.actor) throw new UnauthorizedError();
  return ctx.actor.userId;
}

export type IncidentRow = typeof incidents.$inferSelect;

export function incidentRow(db: DbOrTx, id: number): IncidentRow {
  const row = db.select().from(incidents).where(eq(incidents.id, id)).get();
  if (!row) throw new NotFoundError(msg("incidents.error.notFound", { id: String(id) }));
  return row;
}

/**
 * The incident, if it is still open: reports, package edits, need overrides and dispatch planning all stop
 * once it is closed (a closed incident can only be read).
 */
export function assertIncidentOpen(db: DbOrTx, id: number): IncidentRow {
  const row = incidentRow(db, id);
  if (row.status === "closed") throw new ConflictError(msg("incidents.error.closed", { number: row.number }));
  return row;
}

/** Ends the incident: its figures, package and needs stay as they were, for reading only. */
export function closeIncident({ ctx, input }: { ctx: CoreContext; input: { id: number } }): void {
  const { id } = IncidentIdInput.parse(input);
  withTransaction(ctx, (tx) => {
    const row = incidentRow(tx, id);
    if (row.status === "closed") {
      throw new ConflictError(msg("incidents.error.alreadyClosed", { number: row.number }));
    }
    const at = nowIso(ctx);
    tx.update(incidents)
      .set({ status: "closed", closedAt: at, updatedAt: at })
      .where(eq(incidents.id, id))
      .run();
    recordAudit(tx, ctx, {
      action: "incidents.close",
      targetType: "incident",
      targetIds: [id],
      summary: { number: row.number },
    });
  });
}
