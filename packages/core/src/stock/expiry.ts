import type { DbOrTx, LotStatus, Ownership, WarehouseKind } from "@relief/db";
import { sql } from "drizzle-orm";
import { addDays, daysBetween, localDate } from "../time";
import { ExpiryInput } from "./schemas";

export interface ExpiryRow {
  warehouseId: number;
  warehouseName: string;
  itemId: number;
  itemCode: string;
  itemName: string;
  baseUnit: string;
  lotId: number;
  lotCode: string;
  expiryDate: string;
  lotStatus: LotStatus;
  ownership: Ownership;
  onHand: number;
  reserved: number;
  /** Negative once expired. */
  daysLeft: number;
}

export interface RotationRow extends ExpiryRow {
  /** Rotate out by this day: expiry minus the lead time, not before today. */
  rotateBy: string;
  /** What to do with it, by who owns it: see ROTATION_ACTIONS. */
  action: RotationAction;
  /** Other active warehouses holding the least usable stock of the item: where it can still be of use. */
  destinations: Array<{ warehouseId: number; name: string; kind: WarehouseKind; available: number }>;
}

export interface ExpiryReport {
  today: string;
  withinDays: number;
  expired: ExpiryRow[];
  expiring: ExpiryRow[];
  rotation: RotationRow[];
}

/**
 * What rotation means for each kind of stock: government stock goes where it will be used (township points,
 * drills, daily relief) and is replaced; an enterprise rotates agreement stock through its own sales and
 * restocks; donated stock is handed out first. The UI words each code.
 */
export const ROTATION_ACTIONS = {
  government: "redistribute",
  agreement: "enterprise_rotation",
  donation: "issue_first",
} as const satisfies Record<Ownership, string>;
export type RotationAction = (typeof ROTATION_ACTIONS)[Ownership];

/**
 * Expired lots and lots expiring within `withinDays`, with stock on hand, and the rotation list (轮换):
 * what to move out, by when, and where it could still be used before it expires.
 */
export function expiryReport(
  db: DbOrTx,
  input: ExpiryInput = {},
  today = localDate(new Date()),
): ExpiryReport {
  const q = ExpiryInput.parse(input);
  const horizon = addDays(today, q.withinDays);
  const rows = db
    .all<Omit<ExpiryRow, "daysLeft">>(
      sql`SELECT b.warehouse_id AS warehouseId, w.name AS warehouseName, b.item_id AS itemId, i.code AS itemCode,
                 i.name AS itemName, i.base_unit AS baseUnit, b.lot_id AS lotId, l.lot_code AS lotCode,
                 l.expiry_date AS expiryDate, l.status AS lotStatus, b.ownership, b.on_hand AS onHand, b.reserved
          FROM balances b
          JOIN lots l ON l.id = b.lot_id
          JOIN items i ON i.id = b.item_id
          JOIN warehouses w ON w.id = b.warehouse_id
          WHERE b.on_hand > 0 AND l.expiry_date IS NOT NULL AND l.expiry_date <= ${horizon}
            ${q.warehouseId ? sql`AND b.warehouse_id = ${q.warehouseId}` : sql``}
          ORDER BY l.expiry_date, w.code, i.code`,
    )
    .map((r) => ({ ...r, daysLeft: daysBetween(today, r.expiryDate) }));
  const expired = rows.filter((r) => r.daysLeft < 0);
  const expiring = rows.filter((r) => r.daysLeft >= 0);

  const stockByItem = new Map<
    number,
    Array<{ warehouseId: number; name: string; kind: WarehouseKind; available: number }>
  >();
  for (const itemId of new Set(expiring.map((r) => r.itemId))) {
    stockByItem.set(
      itemId,
      db.all(sql`
        SELECT w.id AS warehouseId, w.name, w.kind,
               COALESCE(SUM(CASE WHEN l.status = 'available' AND (l.expiry_date IS NULL OR l.expiry_date >= ${today})
                                 THEN b.on_hand - b.reserved - b.on_hold END), 0) AS available
        FROM warehouses w
        LEFT JOIN balances b ON b.warehouse_id = w.id AND b.item_id = ${itemId}
        LEFT JOIN lots l ON l.id = b.lot_id
        WHERE w.active = 1
        GROUP BY w.id
        ORDER BY available, w.kind <> 'township_point', w.code`),
    );
  }
  // Only stock that can still be used is rotated; quarantined or damaged lots wait for inspection or write-off.
  const rotation = expiring
    .filter((r) => r.lotStatus === "available")
    .map((r) => {
      const rotateBy = addDays(r.expiryDate, -q.rotationLeadDays);
      return {
        ...r,
        rotateBy: rotateBy < today ? today : rotateBy,
        action: ROTATION_ACTIONS[r.ownership],
        destinations: (stockByItem.get(r.itemId) ?? [])
          .filter((d) => d.warehouseId !== r.warehouseId)
          .slice(0, 3),
      };
    });
  return { today, withinDays: q.withinDays, expired, expiring, rotation };
}
