import type { DbOrTx } from "@relief/db";
import { sql } from "drizzle-orm";
import { MAX_BALANCE } from "../limits";

export interface BalanceDifference {
  warehouseId: number;
  warehouseName: string;
  itemId: number;
  itemName: string;
  lotId: number;
  lotCode: string;
  ownership: string;
  cached: { onHand: number; reserved: number; onHold: number; inTransit: number };
  ledger: { onHand: number; reserved: number; onHold: number; inTransit: number };
}

export interface VerifyResult {
  /** Balance keys compared (in the cache, in the ledger, or both). */
  checked: number;
  ledgerLines: number;
  differences: BalanceDifference[];
}

/**
 * Rebuilds every balance from the ledger and compares it with the cache. There must never be a
 * difference; one means something wrote around the posting code. The ledger is summed with TOTAL, which
 * cannot overflow (SUM throws past 2^63), and a bucket beyond MAX_BALANCE on either side is a difference even
 * when both agree: only a write around the CHECKs can put it there, and past 2^53 the two could not be told
 * apart exactly.
 */
function inBounds(b: BalanceDifference["cached"]): boolean {
  return [b.onHand, b.reserved, b.onHold, b.inTransit].every((q) => Math.abs(q) <= MAX_BALANCE);
}

export function verifyBalances(db: DbOrTx): VerifyResult {
  type Row = {
    warehouseId: number;
    warehouseName: string;
    itemId: number;
    itemName: string;
    lotId: number;
    lotCode: string;
    ownership: string;
    cOnHand: number | null;
    cReserved: number | null;
    cOnHold: number | null;
    cInTransit: number | null;
    lOnHand: number | null;
    lReserved: number | null;
    lOnHold: number | null;
    lInTransit: number | null;
  };
  const rows = db.all<Row>(sql`
    WITH ledger AS (
      SELECT warehouse_id, item_id, lot_id, ownership,
             TOTAL(on_hand_delta) AS on_hand, TOTAL(reserved_delta) AS reserved,
             TOTAL(on_hold_delta) AS on_hold, TOTAL(in_transit_delta) AS in_transit
      FROM ledger_lines GROUP BY warehouse_id, item_id, lot_id, ownership
    ),
    keys AS (
      SELECT warehouse_id, item_id, lot_id, ownership FROM ledger
      UNION SELECT warehouse_id, item_id, lot_id, ownership FROM balances
    )
    SELECT k.warehouse_id AS warehouseId, w.name AS warehouseName, k.item_id AS itemId, i.name AS itemName,
           k.lot_id AS lotId, lo.lot_code AS lotCode, k.ownership,
           b.on_hand AS cOnHand, b.reserved AS cReserved, b.on_hold AS cOnHold, b.in_transit AS cInTransit,
           l.on_hand AS lOnHand, l.reserved AS lReserved, l.on_hold AS lOnHold, l.in_transit AS lInTransit
    FROM keys k
    LEFT JOIN balances b USING (warehouse_id, item_id, lot_id, ownership)
    LEFT JOIN ledger l USING (warehouse_id, item_id, lot_id, ownership)
    JOIN warehouses w ON w.id = k.warehouse_id
    JOIN items i ON i.id = k.item_id
    JOIN lots lo ON lo.id = k.lot_id`);
  const differences: BalanceDifference[] = [];
  for (const r of rows) {
    const cached = {
      onHand: r.cOnHand ?? 0,
      reserved: r.cReserved ?? 0,
      onHold: r.cOnHold ?? 0,
      inTransit: r.cInTransit ?? 0,
    };
    const ledger = {
      onHand: r.lOnHand ?? 0,
      reserved: r.lReserved ?? 0,
      onHold: r.lOnHold ?? 0,
      inTransit: r.lInTransit ?? 0,
    };
    if (
      cached.onHand !== ledger.onHand ||
      cached.reserved !== ledger.reserved ||
      cached.onHold !== ledger.onHold ||
      cached.inTransit !== ledger.inTransit ||
      !inBounds(cached) ||
      !inBounds(ledger)
    ) {
      differences.push({
        warehouseId: r.warehouseId,
        warehouseName: r.warehouseName,
        itemId: r.itemId,
        itemName: r.itemName,
        lotId: r.lotId,
        lotCode: r.lotCode,
        ownership: r.ownership,
        cached,
        ledger,
      });
    }
  }
  const count = db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM ledger_lines`)?.n ?? 0;
  return { checked: rows.length, ledgerLines: count, differences };
}
