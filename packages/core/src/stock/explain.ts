import type { DbOrTx, LotStatus } from "@relief/db";
import type { OrderStatus } from "@relief/domain";
import { type SQL, sql } from "drizzle-orm";
import { localDate } from "../time";
import { ExplainInput } from "./schemas";

/** Stock set aside for one dispatch reference in one warehouse and lot. */
export interface ReservedPart {
  dispatchRef: string;
  warehouseId: number;
  warehouseName: string;
  lotId: number;
  lotCode: string;
  quantity: number;
  /** The latest reservation under this reference here: when, and by whom. */
  reservedAt: string;
  reservedBy: string | null;
  /** The 调拨单 the reference names (its number), with its incident; null for a reference typed by hand. */
  order: {
    id: number;
    status: OrderStatus;
    drill: boolean;
    incidentId: number;
    incidentTitle: string;
  } | null;
}

/** A lot of the figure that is held, or whose condition keeps it from use. */
export interface HeldPart {
  warehouseId: number;
  warehouseName: string;
  lotId: number;
  lotCode: string;
  lotStatus: LotStatus;
  statusNote: string | null;
  onHand: number;
  onHold: number;
  /** The latest hold here: its reason, when and by whom; null when nothing is held. */
  lastHold: { note: string | null; at: string; by: string | null } | null;
}

/** A lot past its expiry date with stock still on hand. */
export interface ExpiredPart {
  warehouseId: number;
  warehouseName: string;
  lotId: number;
  lotCode: string;
  expiryDate: string;
  onHand: number;
}

export interface StockExplanation {
  today: string;
  reserved: ReservedPart[];
  held: HeldPart[];
  expired: ExpiredPart[];
}

/** Ledger lines `ll` of the figure: the item, and the warehouse, lot and ownership where given. */
function lineScope(q: ExplainInput): SQL {
  return sql`ll.item_id = ${q.itemId}
    ${q.warehouseId ? sql`AND ll.warehouse_id = ${q.warehouseId}` : sql``}
    ${q.lotId ? sql`AND ll.lot_id = ${q.lotId}` : sql``}
    ${q.ownership ? sql`AND ll.ownership = ${q.ownership}` : sql``}`;
}

/**
 * Balances `b` of the figure. They are keyed warehouse first with no index by item: probing the key once per
 * warehouse (a few dozen) instead of reading every balance.
 */
function balanceScope(q: ExplainInput): SQL {
  return sql`FROM warehouses w CROSS JOIN balances b ON b.warehouse_id = w.id AND b.item_id = ${q.itemId}
    JOIN lots l ON l.id = b.lot_id
    WHERE 1 = 1
    ${q.warehouseId ? sql`AND w.id = ${q.warehouseId}` : sql``}
    ${q.lotId ? sql`AND b.lot_id = ${q.lotId}` : sql``}
    ${q.ownership ? sql`AND b.ownership = ${q.ownership}` : sql``}`;
}

type RawReserved = Omit<ReservedPart, "order"> & {
  orderId: number | null;
  orderStatus: OrderStatus | null;
  orderDrill: number | null;
  incidentId: number | null;
  incidentTitle: string | null;
};

function reservedParts(db: DbOrTx, q: ExplainInput): ReservedPart[] {
  // Every reservation, release and dispatch issue carries its dispatch reference, so the reserved bucket of a
  // balance is the sum of its lines per reference. The item's lines are read through their index.
  const rows = db.all<RawReserved>(sql`
    WITH parts AS (
      SELECT d.dispatch_ref AS dispatchRef, ll.warehouse_id AS warehouseId, ll.lot_id AS lotId,
             SUM(ll.reserved_delta) AS quantity, MAX(CASE WHEN ll.reserved_delta > 0 THEN d.id END) AS lastId
      FROM ledger_lines ll JOIN stock_documents d ON d.id = ll.document_id
      WHERE ${lineScope(q)} AND ll.reserved_delta <> 0 AND d.dispatch_ref IS NOT NULL
      GROUP BY d.dispatch_ref, ll.warehouse_id, ll.lot_id
      HAVING SUM(ll.reserved_delta) > 0
    )
    SELECT p.dispatchRef, p.warehouseId, w.name AS warehouseName, p.lotId, l.lot_code AS lotCode, p.quantity,
           rd.posted_at AS reservedAt, u.display_name AS reservedBy,
           o.id AS orderId, o.status AS orderStatus, o.drill AS orderDrill,
           o.incident_id AS incidentId, inc.title AS incidentTitle
    FROM parts p
    JOIN warehouses w ON w.id = p.warehouseId
    JOIN lots l ON l.id = p.lotId
    LEFT JOIN stock_documents rd ON rd.id = p.lastId
    LEFT JOIN users u ON u.id = rd.posted_by
    LEFT JOIN dispatch_orders o ON o.number = p.dispatchRef
    LEFT JOIN incidents inc ON inc.id = o.incident_id
    ORDER BY p.quantity DESC, p.dispatchRef, w.code, l.lot_code`);
  return rows.map(({ orderId, orderStatus, orderDrill, incidentId, incidentTitle, ...part }) => ({
    ...part,
    order:
      orderId === null || orderStatus === null || incidentId === null
        ? null
        : {
            id: orderId,
            status: orderStatus,
            drill: orderDrill === 1,
            incidentId,
            incidentTitle: incidentTitle ?? "",
          },
  }));
}

function heldParts(db: DbOrTx, q: ExplainInput): HeldPart[] {
  const rows = db.all<Omit<HeldPart, "lastHold"> & { lastHoldId: number | null }>(sql`
    WITH held AS (
      SELECT b.warehouse_id AS warehouseId, w.name AS warehouseName, w.code AS warehouseCode, b.lot_id AS lotId,
             l.lot_code AS lotCode, l.status AS lotStatus, l.status_note AS statusNote,
             SUM(b.on_hand) AS onHand, SUM(b.on_hold) AS onHold
      ${balanceScope(q)} AND (b.on_hold > 0 OR (l.status <> 'available' AND b.on_hand > 0))
      GROUP BY b.warehouse_id, b.lot_id
    )
    SELECT h.warehouseId, h.warehouseName, h.lotId, h.lotCode, h.lotStatus, h.statusNote, h.onHand, h.onHold,
           (SELECT MAX(ll.document_id) FROM ledger_lines ll
             WHERE ll.item_id = ${q.itemId} AND ll.warehouse_id = h.warehouseId AND ll.lot_id = h.lotId
               AND ll.on_hold_delta > 0) AS lastHoldId
    FROM held h
    ORDER BY h.onHold DESC, h.warehouseCode, h.lotCode`);
  const holds = new Map<number, HeldPart["lastHold"]>();
  const ids = [...new Set(rows.flatMap((r) => (r.lastHoldId === null ? [] : [r.lastHoldId])))];
  for (const id of ids) {
    const hold = db.get<{ note: string | null; at: string; by: string | null }>(sql`
      SELECT d.note, d.posted_at AS at, u.display_name AS by
      FROM stock_documents d LEFT JOIN users u ON u.id = d.posted_by WHERE d.id = ${id}`);
    if (hold) holds.set(id, hold);
  }
  return rows.map(({ lastHoldId, ...part }) => ({
    ...part,
    lastHold: part.onHold > 0 && lastHoldId !== null ? (holds.get(lastHoldId) ?? null) : null,
  }));
}

function expiredParts(db: DbOrTx, q: ExplainInput, today: string): ExpiredPart[] {
  return db.all<ExpiredPart>(sql`
    SELECT b.warehouse_id AS warehouseId, w.name AS warehouseName, b.lot_id AS lotId, l.lot_code AS lotCode,
           l.expiry_date AS expiryDate, SUM(b.on_hand) AS onHand
    ${balanceScope(q)} AND b.on_hand > 0 AND l.expiry_date IS NOT NULL AND l.expiry_date < ${today}
    GROUP BY b.warehouse_id, b.lot_id
    ORDER BY l.expiry_date, w.code, l.lot_code`);
}

/**
 * Why a figure of the stock list is not all available: what is reserved and for which dispatch (the 调拨单
 * and incident when the reference is an order's number, who reserved it and when), what is held or in a
 * condition that keeps it from use (with the lot's status note and the latest hold's reason), and what is
 * past its expiry date. Asked for one row or one item's total when a clerk opens the figure, never per row.
 */
export function explainStock(
  db: DbOrTx,
  input: ExplainInput,
  today = localDate(new Date()),
): StockExplanation {
  const q = ExplainInput.parse(input);
  return {
    today,
    reserved: reservedParts(db, q),
    held: heldParts(db, q),
    expired: expiredParts(db, q, today),
  };
}
