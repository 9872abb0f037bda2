import { type DbOrTx, incidentPackageLines, items, type QuotaBasis } from "@relief/db";
import { msg } from "@relief/domain";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, withTransaction } from "../context";
import { isInSeason } from "../coverage/compute";
import { quotasAt } from "../coverage/quotas";
import { NotFoundError, ValidationError } from "../errors";
import { localDate } from "../time";
import {
  type RemovePackageLineInput,
  RemovePackageLineInput as RemoveSchema,
  type SetPackageLineInput,
  SetPackageLineInput as SetSchema,
} from "./schemas";
import { assertIncidentOpen } from "./status";

/** A package line: `quantity` base units of the item per `perPersons` persons (or per household), × `days`. */
export interface PackageLine {
  itemId: number;
  quantity: number;
  perPersons: number;
  basis: QuotaBasis;
  days: number | null;
}

/** Usable stock of each item over the district's government-held warehouses (enterprise sites excluded). */
function usableByItem(db: DbOrTx, today: string): Map<number, number> {
  const rows = db.all<{ itemId: number; usable: number }>(sql`
    SELECT b.item_id AS itemId,
           SUM(CASE WHEN b.lot_id IN (
                      SELECT id FROM lots
                      WHERE status <> 'available' OR (expiry_date IS NOT NULL AND expiry_date < ${today}))
                    THEN 0 ELSE b.on_hand - b.reserved - b.on_hold END) AS usable
    FROM balances b JOIN warehouses w ON w.id = b.warehouse_id
    WHERE w.kind <> 'enterprise' AND b.on_hand > 0
    GROUP BY b.item_id`);
  return new Map(rows.map((r) => [r.itemId, r.usable]));
}

/**
 * The package an incident starts with: for every quota category required and in season on the day the
 * incident began, the category's active item with the most usable stock district-wide (ties: the lowest
 * code), the quota converted to that item's base units (a kg quota ÷ the item's kg per unit; an item with no
 * weight cannot carry a kg quota). Quota versions are the ones in force now.
 */
export function defaultPackage(db: DbOrTx, startedAt: string, now: string): PackageLine[] {
  const day = localDate(startedAt);
  const quotas = quotasAt(db, now).filter((q) => q.required && isInSeason(q.seasonMonths, day));
  const usable = usableByItem(db, localDate(now));
  const candidates = db
    .select({ id: items.id, code: items.code, categoryId: items.categoryId, kgPerUnit: items.kgPerUnit })
    .from(items)
    .where(eq(items.active, true))
    .all();
  return quotas.flatMap((quota): PackageLine[] => {
    const pool = candidates.filter(
      (i) => i.categoryId === quota.categoryId && (quota.measure === "unit" || i.kgPerUnit > 0),
    );
    pool.sort((a, b) => (usable.get(b.id) ?? 0) - (usable.get(a.id) ?? 0) || a.code.localeCompare(b.code));
    const [item] = pool;
    if (!item) return [];
    return [
      {
        itemId: item.id,
        quantity: quota.measure === "kg" ? quota.quantity / item.kgPerUnit : quota.quantity,
        perPersons: quota.perPersons,
        basis: quota.basis,
        days: quota.days,
      },
    ];
  });
}

/** Adds a line to the incident's package or changes it; the line is marked as edited. */
export function setPackageLine({ ctx, input }: { ctx: CoreContext; input: SetPackageLineInput }): void {
  const fields = SetSchema.parse(input);
  withTransaction(ctx, (tx) => {
    const incident = assertIncidentOpen(tx, fields.incidentId);
    const item = tx.select().from(items).where(eq(items.id, fields.itemId)).get();
    if (!item) {
      throw new ValidationError(msg("incidents.error.itemNotFound", { id: String(fields.itemId) }), [
        { field: "itemId", message: msg("incidents.error.itemNotFound", { id: String(fields.itemId) }) },
      ]);
    }
    if (!item.active) {
      throw new ValidationError(msg("incidents.error.itemInactive", { name: item.name }), [
        { field: "itemId", message: msg("incidents.error.itemInactive", { name: item.name }) },
      ]);
    }
    const { incidentId, itemId, ...line } = fields;
    tx.insert(incidentPackageLines)
      .values({ ...fields, edited: true })
      .onConflictDoUpdate({
        target: [incidentPackageLines.incidentId, incidentPackageLines.itemId],
        set: { ...line, edited: true },
      })
      .run();
    recordAudit(tx, ctx, {
      action: "incidents.setPackageLine",
      targetType: "incident",
      targetIds: [incidentId],
      summary: { number: incident.number, item: item.code, ...line },
    });
  });
}

/** Takes an item out of the incident's package; its overrides stay on record and still count. */
export function removePackageLine({ ctx, input }: { ctx: CoreContext; input: RemovePackageLineInput }): void {
  const { incidentId, itemId } = RemoveSchema.parse(input);
  withTransaction(ctx, (tx) => {
    const incident = assertIncidentOpen(tx, incidentId);
    const removed = tx
      .delete(incidentPackageLines)
      .where(and(eq(incidentPackageLines.incidentId, incidentId), eq(incidentPackageLines.itemId, itemId)))
      .returning({ id: incidentPackageLines.id })
      .all();
    if (removed.length === 0) {
      const item = tx.select({ name: items.name }).from(items).where(eq(items.id, itemId)).get();
      if (!item) throw new NotFoundError(msg("incidents.error.itemNotFound", { id: String(itemId) }));
      throw new NotFoundError(
        msg("incidents.error.notInPackage", { number: incident.number, item: item.name }),
      );
    }
    recordAudit(tx, ctx, {
      action: "incidents.removePackageLine",
      targetType: "incident",
      targetIds: [incidentId],
      summary: { number: incident.number, itemId },
    });
  });
}
