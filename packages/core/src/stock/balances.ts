import { balances, type DbOrTx, type LotStatus, type Ownership } from "@relief/db";
import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { orderBySql, type Page, pageWindow, type SortOrder } from "../paging";
import { containsText } from "../search";
import { localDate } from "../time";
import {
  type BalanceSort,
  BalancesInput,
  BalancesPageInput,
  type ItemTotalSort,
  ItemTotalsInput,
} from "./schemas";

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

/** What may be promised from a balance `b` of lot `l`: nothing from an expired lot or one not in `available` condition. */
function availableSql(today: string): SQL {
  return sql`CASE WHEN l.status = 'available' AND (l.expiry_date IS NULL OR l.expiry_date >= ${today})
                  THEN b.on_hand - b.reserved - b.on_hold ELSE 0 END`;
}

/** Balances `b` (joined to items `i` and lots `l`) matching the stock list's filters. */
function balanceWhere(q: BalanceFilters): SQL {
  const filters = [
    q.warehouseId ? sql`AND b.warehouse_id = ${q.warehouseId}` : sql``,
    q.itemId ? sql`AND b.item_id = ${q.itemId}` : sql``,
    q.categoryId ? sql`AND i.category_id = ${q.categoryId}` : sql``,
    // The lot's item as well: the key leads warehouse, item, lot, so the pair is one probe per warehouse.
    q.lotId
      ? sql`AND b.lot_id = ${q.lotId} AND b.item_id = (SELECT item_id FROM lots WHERE id = ${q.lotId})`
      : sql``,
    q.lotSearch ? sql`AND ${containsText(sql`l.lot_code`, q.lotSearch)}` : sql``,
    q.ownership ? sql`AND b.ownership = ${q.ownership}` : sql``,
    q.includeEmpty ? sql`` : sql`AND (b.on_hand <> 0 OR b.in_transit <> 0)`,
  ];
  return sql`WHERE 1 = 1 ${sql.join(filters, sql` `)}`;
}

type BalanceFilters = z.output<typeof BalancesInput>;

/**
 * A stock list narrowed to no warehouse, item, category or lot sums every balance of the district: at four
 * years that holds a thread for 100-200 ms, so the server runs it as a read job.
 */
export function readsEveryBalance(input: {
  warehouseId?: number;
  itemId?: number;
  categoryId?: number;
  lotId?: number;
}): boolean {
  return !input.warehouseId && !input.itemId && !input.categoryId && !input.lotId;
}

function balanceOrder(sort: BalanceSort, order: SortOrder, today: string): SQL {
  const column = (expression: SQL) => (direction: SQL) => sql`${expression} ${direction}`;
  return orderBySql<BalanceSort>(
    {
      warehouse: column(sql`w.code`),
      item: column(sql`i.code`),
      lot: column(sql`l.lot_code`),
      ownership: column(sql`b.ownership`),
      // Lots without an expiry date last, whichever the direction.
      expiry: (direction) => sql`l.expiry_date IS NULL, l.expiry_date ${direction}`,
      onHand: column(sql`b.on_hand`),
      reserved: column(sql`b.reserved`),
      onHold: column(sql`b.on_hold`),
      inTransit: column(sql`b.in_transit`),
      available: column(availableSql(today)),
    },
    sort,
    order,
    // The balance key, spelled in the order a reader scans the list.
    sql`w.code, i.code, l.expiry_date IS NULL, l.expiry_date, l.lot_code, b.ownership`,
  );
}

/** A balance row as the export writes it: everything the page shows but who else holds the lot. */
export type BalanceRow = Omit<BalanceView, "lotHolders">;

type RawBalanceRow = Omit<BalanceRow, "expired"> & { expired: number };

function balanceColumns(today: string): SQL {
  return sql`b.warehouse_id AS warehouseId, w.code AS warehouseCode, w.name AS warehouseName,
           b.item_id AS itemId, i.code AS itemCode, i.name AS itemName, i.category_id AS categoryId,
           i.base_unit AS baseUnit, b.lot_id AS lotId, l.lot_code AS lotCode, l.status AS lotStatus,
           l.production_date AS productionDate, l.expiry_date AS expiryDate,
           (l.expiry_date IS NOT NULL AND l.expiry_date < ${today}) AS expired,
           b.ownership, b.on_hand AS onHand, b.reserved, b.on_hold AS onHold, b.in_transit AS inTransit,
           ${availableSql(today)} AS available`;
}

/**
 * One window of balance rows in `orderBy`. The keys are chosen first (a top-N sort); the warehouses holding
 * each chosen lot are then found for those keys only.
 */
function balanceRows(
  db: DbOrTx,
  q: BalanceFilters,
  today: string,
  orderBy: SQL,
  window: { limit: number; offset: number },
): BalanceView[] {
  const rows = db.all<RawBalanceRow & { lotHolders: string }>(sql`
    WITH shown AS MATERIALIZED (
      SELECT b.warehouse_id, b.item_id, b.lot_id, b.ownership
      FROM balances b
      JOIN warehouses w ON w.id = b.warehouse_id
      JOIN items i ON i.id = b.item_id
      JOIN lots l ON l.id = b.lot_id
      ${balanceWhere(q)}
      ${orderBy} LIMIT ${window.limit} OFFSET ${window.offset}
    ),
    holders AS (
      SELECT s.lot_id, json_group_array(DISTINCT balances.warehouse_id) AS ids
      FROM (SELECT DISTINCT lot_id, item_id FROM shown) s ${byLotAcrossWarehouses(sql`s.item_id`, sql`s.lot_id`)}
      WHERE ${holdsLot}
      GROUP BY s.lot_id
    )
    SELECT ${balanceColumns(today)}, COALESCE(h.ids, '[]') AS lotHolders
    FROM shown s
    JOIN balances b ON b.warehouse_id = s.warehouse_id AND b.item_id = s.item_id AND b.lot_id = s.lot_id
                   AND b.ownership = s.ownership
    JOIN warehouses w ON w.id = b.warehouse_id
    JOIN items i ON i.id = b.item_id
    JOIN lots l ON l.id = b.lot_id
    LEFT JOIN holders h ON h.lot_id = b.lot_id
    ${orderBy}`);
  return rows.map((r) => ({
    ...r,
    expired: r.expired === 1,
    lotHolders: (JSON.parse(r.lotHolders) as number[]).sort((a, b) => a - b),
  }));
}

/**
 * Every balance per warehouse × item × lot × ownership matching the filters, in one pass: what the export
 * writes. It leaves out who else holds each lot, which only the page's lot-status action needs.
 */
export function listBalances(
  db: DbOrTx,
  input: BalancesInput = {},
  today = localDate(new Date()),
): BalanceRow[] {
  const q = BalancesInput.parse(input);
  const rows = db.all<RawBalanceRow>(sql`
    SELECT ${balanceColumns(today)}
    FROM balances b
    JOIN warehouses w ON w.id = b.warehouse_id
    JOIN items i ON i.id = b.item_id
    JOIN lots l ON l.id = b.lot_id
    ${balanceWhere(q)}
    ${balanceOrder("warehouse", "asc", today)}`);
  return rows.map((r) => ({ ...r, expired: r.expired === 1 }));
}

export interface BalanceTotals {
  /** Items among the matching balances; their buckets add up only when this is 1. */
  items: number;
  /** The one item, when there is exactly one. */
  itemId: number | null;
  onHand: number;
  reserved: number;
  onHold: number;
  inTransit: number;
  available: number;
}

export interface BalancesPage extends Page<BalanceView> {
  /** Over every matching balance, not just this page. */
  totals: BalanceTotals;
}

/** The stock list a page at a time, with its totals over all matching balances. */
export function pageBalances(
  db: DbOrTx,
  input: BalancesPageInput = {},
  today = localDate(new Date()),
): BalancesPage {
  const q = BalancesPageInput.parse(input);
  const sums = db.get<BalanceTotals & { total: number }>(sql`
    SELECT COUNT(*) AS total, COUNT(DISTINCT b.item_id) AS items,
           CASE WHEN COUNT(DISTINCT b.item_id) = 1 THEN MIN(b.item_id) END AS itemId,
           COALESCE(SUM(b.on_hand), 0) AS onHand, COALESCE(SUM(b.reserved), 0) AS reserved,
           COALESCE(SUM(b.on_hold), 0) AS onHold, COALESCE(SUM(b.in_transit), 0) AS inTransit,
           COALESCE(SUM(${availableSql(today)}), 0) AS available
    FROM balances b
    JOIN items i ON i.id = b.item_id
    JOIN lots l ON l.id = b.lot_id
    ${balanceWhere(q)}`) ?? {
    total: 0,
    items: 0,
    itemId: null,
    onHand: 0,
    reserved: 0,
    onHold: 0,
    inTransit: 0,
    available: 0,
  };
  const { total, ...totals } = sums;
  const rows =
    total === 0 ? [] : balanceRows(db, q, today, balanceOrder(q.sort, q.order, today), pageWindow(q));
  return { total, rows, totals };
}

export interface ItemTotal {
  itemId: number;
  itemCode: string;
  itemName: string;
  baseUnit: string;
  /** Warehouses and lots among the item's matching balances. */
  warehouses: number;
  lots: number;
  /** The earliest expiry among lots of the item on hand. */
  nearestExpiry: string | null;
  onHand: number;
  reserved: number;
  onHold: number;
  inTransit: number;
  available: number;
}

/** The stock list summed per item (库存 → 按物资), a page of items at a time. */
export function pageItemTotals(
  db: DbOrTx,
  input: ItemTotalsInput = {},
  today = localDate(new Date()),
): Page<ItemTotal> {
  const q = ItemTotalsInput.parse(input);
  const from = sql`FROM balances b JOIN items i ON i.id = b.item_id JOIN lots l ON l.id = b.lot_id ${balanceWhere(q)}`;
  const total = db.get<{ n: number }>(sql`SELECT COUNT(DISTINCT b.item_id) AS n ${from}`)?.n ?? 0;
  if (total === 0) return { total, rows: [] };
  const column = (name: string) => (direction: SQL) => sql`${sql.raw(name)} ${direction}`;
  const orderBy = orderBySql<ItemTotalSort>(
    {
      item: column("itemCode"),
      warehouses: column("warehouses"),
      lots: column("lots"),
      onHand: column("onHand"),
      reserved: column("reserved"),
      onHold: column("onHold"),
      inTransit: column("inTransit"),
      available: column("available"),
      nearestExpiry: (direction) => sql`nearestExpiry IS NULL, nearestExpiry ${direction}`,
    },
    q.sort,
    q.order,
    sql`itemCode`,
  );
  const { limit, offset } = pageWindow(q);
  const rows = db.all<ItemTotal>(sql`
    SELECT b.item_id AS itemId, i.code AS itemCode, i.name AS itemName, i.base_unit AS baseUnit,
           COUNT(DISTINCT b.warehouse_id) AS warehouses, COUNT(DISTINCT b.lot_id) AS lots,
           MIN(CASE WHEN b.on_hand > 0 THEN l.expiry_date END) AS nearestExpiry,
           SUM(b.on_hand) AS onHand, SUM(b.reserved) AS reserved, SUM(b.on_hold) AS onHold,
           SUM(b.in_transit) AS inTransit, SUM(${availableSql(today)}) AS available
    ${from}
    GROUP BY b.item_id
    ${orderBy} LIMIT ${limit} OFFSET ${offset}`);
  return { total, rows };
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
