import { balances, type DbOrTx, type LotStatus, type Ownership } from "@relief/db";
import { type SQL, sql } from "drizzle-orm";
import { localDate } from "../time";
import { BalancesInput } from "./schemas";

export interface BalanceView {
  warehouseId: number;
  warehouseCode: string;
  warehouseName: string;
  itemId: number;
  itemCode: string;
  itemName: string;
  categoryId: number;
  baseUnit: string;
  lotId: number;
  lotCode: string;
  lotStatus: LotStatus;
  productionDate: string | null;
  expiryDate: string | null;
  expired: boolean;
  ownership: Ownership;
  onHand: number;
  reserved: number;
  onHold: number;
  /** Sent to this warehouse and not yet received. */
  inTransit: number;
  /** on hand − reserved − on hold; 0 when the lot is expired or not in `available` condition. */
  available: number;
  /** The warehouses holding some of this lot, this one or others: whose bureau may set the lot's condition. */
  lotHolders: number[];
}

/**
 * A balance that holds some of its lot: on hand or on its way in (reserved and held stock are part of on
 * hand, the balance CHECKs). The warehouses of such balances answer for the lot's condition.
 */
export const holdsLot = sql`(${balances.onHand} > 0 OR ${balances.inTransit} > 0)`;

/**
 * Joins `balances` to a lot's rows in every warehouse. The balances are keyed warehouse first and have no
 * index by lot: probing the key once per warehouse (a few dozen) replaces a scan of every balance per lot.
 */
export function byLotAcrossWarehouses(itemId: SQL, lotId: SQL): SQL {
  return sql`CROSS JOIN warehouses w CROSS JOIN balances
    ON ${balances.warehouseId} = w.id AND ${balances.itemId} = ${itemId} AND ${balances.lotId} = ${lotId}`;
}

/** Balances per warehouse × item × lot × ownership, with what can be promised from each. */
export function listBalances(
  db: DbOrTx,
  input: BalancesInput = {},
  today = localDate(new Date()),
): BalanceView[] {
  const q = BalancesInput.parse(input);
  const filters = [
    q.warehouseId ? sql`AND b.warehouse_id = ${q.warehouseId}` : sql``,
    q.itemId ? sql`AND b.item_id = ${q.itemId}` : sql``,
    q.categoryId ? sql`AND i.category_id = ${q.categoryId}` : sql``,
    q.lotId ? sql`AND b.lot_id = ${q.lotId}` : sql``,
    q.ownership ? sql`AND b.ownership = ${q.ownership}` : sql``,
    q.includeEmpty ? sql`` : sql`AND (b.on_hand <> 0 OR b.in_transit <> 0)`,
  ];
  const rows = db.all<
    Omit<BalanceView, "expired" | "lotHolders"> & { expired: number; lotHolders: string }
  >(sql`
    WITH shown AS (
      SELECT b.* FROM balances b JOIN items i ON i.id = b.item_id
      WHERE 1 = 1 ${sql.join(filters, sql` `)}
    ),
    holders AS (
      SELECT s.lot_id, json_group_array(DISTINCT balances.warehouse_id) AS ids
      FROM (SELECT DISTINCT lot_id, item_id FROM shown) s ${byLotAcrossWarehouses(sql`s.item_id`, sql`s.lot_id`)}
      WHERE ${holdsLot}
      GROUP BY s.lot_id
    )
    SELECT b.warehouse_id AS warehouseId, w.code AS warehouseCode, w.name AS warehouseName,
           b.item_id AS itemId, i.code AS itemCode, i.name AS itemName, i.category_id AS categoryId,
           i.base_unit AS baseUnit, b.lot_id AS lotId, l.lot_code AS lotCode, l.status AS lotStatus,
           l.production_date AS productionDate, l.expiry_date AS expiryDate,
           (l.expiry_date IS NOT NULL AND l.expiry_date < ${today}) AS expired,
           b.ownership, b.on_hand AS onHand, b.reserved, b.on_hold AS onHold, b.in_transit AS inTransit,
           CASE WHEN l.status = 'available' AND (l.expiry_date IS NULL OR l.expiry_date >= ${today})
                THEN b.on_hand - b.reserved - b.on_hold ELSE 0 END AS available,
           COALESCE(h.ids, '[]') AS lotHolders
    FROM shown b
    JOIN warehouses w ON w.id = b.warehouse_id
    JOIN items i ON i.id = b.item_id
    JOIN lots l ON l.id = b.lot_id
    LEFT JOIN holders h ON h.lot_id = b.lot_id
    ORDER BY w.code, i.code, l.expiry_date IS NULL, l.expiry_date, l.lot_code, b.ownership`);
  return rows.map((r) => ({
    ...r,
    expired: r.expired === 1,
    lotHolders: (JSON.parse(r.lotHolders) as number[]).sort((a, b) => a - b),
  }));
}

export interface AvailableTotal {
  warehouseId: number;
  itemId: number;
  onHand: number;
  available: number;
}

/**
 * Available stock summed per warehouse × item: what dispatch and coverage read. The few unusable lots
 * (expired, or not in `available` condition) are found first; the balance cache, clustered on warehouse and
 * item, is then summed in key order without a sort or a per-row look-up.
 */
export function availableByWarehouseItem(db: DbOrTx, today = localDate(new Date())): AvailableTotal[] {
  return db.all<AvailableTotal>(sql`
    WITH unusable AS (
      SELECT id FROM lots WHERE status <> 'available' OR (expiry_date IS NOT NULL AND expiry_date < ${today})
    )
    SELECT warehouse_id AS warehouseId, item_id AS itemId, SUM(on_hand) AS onHand,
           SUM(CASE WHEN lot_id IN unusable THEN 0 ELSE on_hand - reserved - on_hold END) AS available
    FROM balances
    GROUP BY warehouse_id, item_id`);
}
