import type { DbOrTx, LotStatus, Ownership, WarehouseKind } from "@relief/db";
import { type SQL, sql } from "drizzle-orm";
import { orderBySql, type Page, pageWindow, type SortOrder } from "../paging";
import { addDays, daysBetween, localDate } from "../time";
import { ExpiryInput, type ExpirySort, RotationInput } from "./schemas";

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

export interface ExpiryCounts {
  expired: number;
  expiring: number;
  /** Expiring lots in `available` condition: the rotation list. */
  rotation: number;
}

interface ExpiryHeader {
  today: string;
  withinDays: number;
  /** Rows of each list under the same warehouse and window, for the tabs. */
  counts: ExpiryCounts;
}

export interface ExpiryPage extends Page<ExpiryRow>, ExpiryHeader {}
export interface RotationPage extends Page<RotationRow>, ExpiryHeader {}

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

/** Balances `b` with stock on hand of lots `l` expired or expiring by the horizon, in the warehouse chosen. */
function expiryScope(q: { warehouseId?: number | undefined; withinDays: number }, today: string): SQL {
  return sql`FROM balances b
    JOIN lots l ON l.id = b.lot_id
    JOIN items i ON i.id = b.item_id
    JOIN warehouses w ON w.id = b.warehouse_id
    WHERE b.on_hand > 0 AND l.expiry_date IS NOT NULL AND l.expiry_date <= ${addDays(today, q.withinDays)}
      ${q.warehouseId ? sql`AND b.warehouse_id = ${q.warehouseId}` : sql``}`;
}

function expiryCounts(db: DbOrTx, scope: SQL, today: string): ExpiryCounts {
  return (
    db.get<ExpiryCounts>(sql`
      SELECT COALESCE(SUM(l.expiry_date < ${today}), 0) AS expired,
             COALESCE(SUM(l.expiry_date >= ${today}), 0) AS expiring,
             COALESCE(SUM(l.expiry_date >= ${today} AND l.status = 'available'), 0) AS rotation
      ${scope}`) ?? { expired: 0, expiring: 0, rotation: 0 }
  );
}

/** One page of the rows in `scope` narrowed by `list`, sorted as asked. */
function expiryRows(
  db: DbOrTx,
  scope: SQL,
  list: SQL,
  q: { sort: ExpirySort; order: SortOrder; page: number; pageSize: number },
  today: string,
): ExpiryRow[] {
  const column = (expression: string) => (direction: SQL) => sql`${sql.raw(expression)} ${direction}`;
  const orderBy = orderBySql<ExpirySort>(
    {
      expiry: column("l.expiry_date"),
      warehouse: column("w.code"),
      item: column("i.code"),
      onHand: column("b.on_hand"),
    },
    q.sort,
    q.order,
    sql`l.expiry_date, w.code, i.code, l.lot_code, b.ownership`,
  );
  const { limit, offset } = pageWindow(q);
  return db
    .all<Omit<ExpiryRow, "daysLeft">>(
      sql`SELECT b.warehouse_id AS warehouseId, w.name AS warehouseName, b.item_id AS itemId, i.code AS itemCode,
                 i.name AS itemName, i.base_unit AS baseUnit, b.lot_id AS lotId, l.lot_code AS lotCode,
                 l.expiry_date AS expiryDate, l.status AS lotStatus, b.ownership, b.on_hand AS onHand, b.reserved
          ${scope} ${list}
          ${orderBy} LIMIT ${limit} OFFSET ${offset}`,
    )
    .map((r) => ({ ...r, daysLeft: daysBetween(today, r.expiryDate) }));
}

/** Expired lots (`list: "expired"`) or lots expiring within `withinDays`, with stock on hand, a page at a time. */
export function listExpiry(db: DbOrTx, input: ExpiryInput = {}, today = localDate(new Date())): ExpiryPage {
  const q = ExpiryInput.parse(input);
  const scope = expiryScope(q, today);
  const counts = expiryCounts(db, scope, today);
  const total = counts[q.list];
  const list = q.list === "expired" ? sql`AND l.expiry_date < ${today}` : sql`AND l.expiry_date >= ${today}`;
  const rows = total === 0 ? [] : expiryRows(db, scope, list, q, today);
  return { today, withinDays: q.withinDays, counts, total, rows };
}

type Destination = RotationRow["destinations"][number];

const DESTINATIONS = 3;

/** The active warehouses holding the least usable stock of the item, township points first among equals. */
function destinationsOf(db: DbOrTx, itemId: number, today: string): Destination[] {
  // One more than shown: the row's own warehouse may be among them.
  return db.all<Destination>(sql`
    SELECT w.id AS warehouseId, w.name, w.kind,
           COALESCE(SUM(CASE WHEN l.status = 'available' AND (l.expiry_date IS NULL OR l.expiry_date >= ${today})
                             THEN b.on_hand - b.reserved - b.on_hold END), 0) AS available
    FROM warehouses w
    LEFT JOIN balances b ON b.warehouse_id = w.id AND b.item_id = ${itemId}
    LEFT JOIN lots l ON l.id = b.lot_id
    WHERE w.active = 1
    GROUP BY w.id
    ORDER BY available, w.kind <> 'township_point', w.code
    LIMIT ${DESTINATIONS + 1}`);
}

/**
 * The rotation list (轮换), a page at a time: stock expiring within `withinDays` that can still be used, what to
 * do with it, by when, and where it could still be of use before it expires.
 */
export function listRotation(
  db: DbOrTx,
  input: RotationInput = {},
  today = localDate(new Date()),
): RotationPage {
  const q = RotationInput.parse(input);
  const scope = expiryScope(q, today);
  const counts = expiryCounts(db, scope, today);
  // Only stock that can still be used is rotated; quarantined or damaged lots wait for inspection or write-off.
  const list = sql`AND l.expiry_date >= ${today} AND l.status = 'available'`;
  const rows = counts.rotation === 0 ? [] : expiryRows(db, scope, list, q, today);
  const destinations = new Map<number, Destination[]>();
  for (const itemId of new Set(rows.map((r) => r.itemId))) {
    destinations.set(itemId, destinationsOf(db, itemId, today));
  }
  return {
    today,
    withinDays: q.withinDays,
    counts,
    total: counts.rotation,
    rows: rows.map((r) => {
      const rotateBy = addDays(r.expiryDate, -q.rotationLeadDays);
      return {
        ...r,
        rotateBy: rotateBy < today ? today : rotateBy,
        action: ROTATION_ACTIONS[r.ownership],
        destinations: (destinations.get(r.itemId) ?? [])
          .filter((d) => d.warehouseId !== r.warehouseId)
          .slice(0, DESTINATIONS),
      };
    }),
  };
}
