import type { DbOrTx, LotStatus, Ownership, WarehouseKind } from "@relief/db";
import { type SQL, sql } from "drizzle-orm";
import { orderBySql, type Page, pageWindow, type SortOrder } from "../paging";
import { addDays, daysBetween, localDate } from "../time";
import {
  ExpiryExportInput,
  ExpiryInput,
  type ExpirySort,
  RotationExportInput,
  RotationInput,
} from "./schemas";

export interface ExpiryRow {
  warehouseId: number;
  warehouseCode: string;
  warehouseName: string;
  itemId: number;
  itemCode: string;
  itemName: string;
  baseUnit: string;
  lotId: number;
  lotCode: string;
  productionDate: string | null;
  expiryDate: string;
  lotStatus: LotStatus;
  ownership: Ownership;
  onHand: number;
  reserved: number;
  onHold: number;
  /** On hand less reserved and held: what may be moved out. */
  free: number;
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
  /** Expiring lots in `available` condition with stock neither reserved nor held: the rotation list. */
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
  loan: "return_to_lender",
} as const satisfies Record<Ownership, string>;
export type RotationAction = (typeof ROTATION_ACTIONS)[Ownership];

/**
 * Balances `b` with stock on hand of lots `l` expired or expiring by the horizon, in the warehouse chosen. The
 * lots lead through their expiry index and each probes the balance key once per warehouse (CROSS JOIN fixes
 * the order): left to itself the planner skip-scanned the balances for the lots of years past.
 */
function expiryScope(q: { warehouseId?: number | undefined; withinDays: number }, today: string): SQL {
  return sql`FROM lots l
    CROSS JOIN warehouses w
    CROSS JOIN balances b ON b.warehouse_id = w.id AND b.item_id = l.item_id AND b.lot_id = l.id
    JOIN items i ON i.id = b.item_id
    WHERE b.on_hand > 0 AND l.expiry_date IS NOT NULL AND l.expiry_date <= ${addDays(today, q.withinDays)}
      ${q.warehouseId ? sql`AND w.id = ${q.warehouseId}` : sql``}`;
}

/**
 * What the rotation list proposes, among the rows in scope: stock that can still be used and is free. A
 * reservation is stock promised to a dispatch and a hold stock kept back on purpose; moving either out would
 * break that promise, so only the rest of a lot is proposed and a lot wholly reserved or held is not.
 */
function rotatable(today: string): SQL {
  return sql`l.expiry_date >= ${today} AND l.status = 'available' AND b.on_hand - b.reserved - b.on_hold > 0`;
}

function expiryCounts(db: DbOrTx, scope: SQL, today: string): ExpiryCounts {
  return (
    db.get<ExpiryCounts>(sql`
      SELECT COALESCE(SUM(l.expiry_date < ${today}), 0) AS expired,
             COALESCE(SUM(l.expiry_date >= ${today}), 0) AS expiring,
             COALESCE(SUM(${rotatable(today)}), 0) AS rotation
      ${scope}`) ?? { expired: 0, expiring: 0, rotation: 0 }
  );
}

/** The rows in `scope` narrowed by `list`, sorted as asked: one page, or all of them (`window` null) for the export. */
function expiryRows(
  db: DbOrTx,
  scope: SQL,
  list: SQL,
  q: { sort: ExpirySort; order: SortOrder },
  window: { limit: number; offset: number } | null,
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
  return db
    .all<Omit<ExpiryRow, "daysLeft">>(
      sql`SELECT b.warehouse_id AS warehouseId, w.code AS warehouseCode, w.name AS warehouseName,
                 b.item_id AS itemId, i.code AS itemCode, i.name AS itemName, i.base_unit AS baseUnit,
                 b.lot_id AS lotId, l.lot_code AS lotCode, l.production_date AS productionDate,
                 l.expiry_date AS expiryDate, l.status AS lotStatus, b.ownership, b.on_hand AS onHand,
                 b.reserved, b.on_hold AS onHold, b.on_hand - b.reserved - b.on_hold AS free
          ${scope} ${list}
          ${orderBy} ${window ? sql`LIMIT ${window.limit} OFFSET ${window.offset}` : sql``}`,
    )
    .map((r) => ({ ...r, daysLeft: daysBetween(today, r.expiryDate) }));
}

/** Expired lots (`list: "expired"`) or lots expiring within `withinDays`, with stock on hand, a page at a time. */
export function listExpiry(db: DbOrTx, input: ExpiryInput = {}, today = localDate(new Date())): ExpiryPage {
  const q = ExpiryInput.parse(input);
  const scope = expiryScope(q, today);
  const counts = expiryCounts(db, scope, today);
  const total = counts[q.list];
  const rows = total === 0 ? [] : expiryRows(db, scope, expiryList(q.list, today), q, pageWindow(q), today);
  return { today, withinDays: q.withinDays, counts, total, rows };
}

function expiryList(list: "expired" | "expiring", today: string): SQL {
  return list === "expired" ? sql`AND l.expiry_date < ${today}` : sql`AND l.expiry_date >= ${today}`;
}

/** Every row of one expiry list under the page's filters and order: what its export writes. */
export function allExpiry(
  db: DbOrTx,
  input: ExpiryExportInput = {},
  today = localDate(new Date()),
): ExpiryRow[] {
  const q = ExpiryExportInput.parse(input);
  return expiryRows(db, expiryScope(q, today), expiryList(q.list, today), q, null, today);
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
  const rows = counts.rotation === 0 ? [] : rotationRows(db, scope, q, pageWindow(q), today);
  return { today, withinDays: q.withinDays, counts, total: counts.rotation, rows };
}

/** Every row of the rotation list under the page's filters and order: what its export writes. */
export function allRotation(
  db: DbOrTx,
  input: RotationExportInput = {},
  today = localDate(new Date()),
): RotationRow[] {
  const q = RotationExportInput.parse(input);
  return rotationRows(db, expiryScope(q, today), q, null, today);
}

function rotationRows(
  db: DbOrTx,
  scope: SQL,
  q: { sort: ExpirySort; order: SortOrder; rotationLeadDays: number },
  window: { limit: number; offset: number } | null,
  today: string,
): RotationRow[] {
  // Only stock that can still be used is rotated; quarantined or damaged lots wait for inspection or write-off.
  const rows = expiryRows(db, scope, sql`AND ${rotatable(today)}`, q, window, today);
  const destinations = new Map<number, Destination[]>();
  for (const itemId of new Set(rows.map((r) => r.itemId))) {
    destinations.set(itemId, destinationsOf(db, itemId, today));
  }
  return rows.map((r) => {
    const rotateBy = addDays(r.expiryDate, -q.rotationLeadDays);
    return {
      ...r,
      rotateBy: rotateBy < today ? today : rotateBy,
      action: ROTATION_ACTIONS[r.ownership],
      destinations: (destinations.get(r.itemId) ?? [])
        .filter((d) => d.warehouseId !== r.warehouseId)
        .slice(0, DESTINATIONS),
    };
  });
}
