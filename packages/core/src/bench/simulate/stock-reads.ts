import { type Ownership, preparedOnce, type Tx } from "@relief/db";

/**
 * What the simulated storekeepers look at before they post, so that what they ask for is there: the same
 * usable-stock rule the pickers apply (available lots, not expired, free quantity), read per warehouse along
 * the balance key.
 */
export interface FreeKey {
  itemId: number;
  lotId: number;
  ownership: Ownership;
  free: number;
}

function statements(tx: Tx) {
  return preparedOnce(tx, "bench.simulate", (client) => ({
    freeByItem: client.prepare<[number, string], { itemId: number; free: number }>(
      `SELECT b.item_id AS itemId, SUM(b.on_hand - b.reserved - b.on_hold) AS free
       FROM balances b JOIN lots l ON l.id = b.lot_id
       WHERE b.warehouse_id = ? AND l.status = 'available' AND (l.expiry_date IS NULL OR l.expiry_date >= ?)
         AND b.on_hand - b.reserved - b.on_hold > 0
       GROUP BY b.item_id`,
    ),
    freeKeys: client.prepare<[number, string], FreeKey>(
      `SELECT b.item_id AS itemId, b.lot_id AS lotId, b.ownership, b.on_hand - b.reserved - b.on_hold AS free
       FROM balances b JOIN lots l ON l.id = b.lot_id
       WHERE b.warehouse_id = ? AND l.status = 'available' AND (l.expiry_date IS NULL OR l.expiry_date >= ?)
         AND b.on_hand - b.reserved - b.on_hold > 0`,
    ),
    // What a write-off can take of an expired lot: everything not set aside for a dispatch.
    expired: client.prepare<[number, string], FreeKey>(
      `SELECT b.item_id AS itemId, b.lot_id AS lotId, b.ownership, b.on_hand - b.reserved AS free
       FROM balances b JOIN lots l ON l.id = b.lot_id
       WHERE b.warehouse_id = ? AND l.expiry_date < ? AND b.on_hand - b.reserved > 0`,
    ),
    onHold: client.prepare<[number, number, number, string], { onHold: number }>(
      `SELECT on_hold AS onHold FROM balances
       WHERE warehouse_id = ? AND item_id = ? AND lot_id = ? AND ownership = ?`,
    ),
  }));
}

/** Usable free quantity per item in a warehouse today. */
export function freeByItem(
  tx: Tx,
  warehouseId: number,
  today: string,
): Array<{ itemId: number; free: number }> {
  return statements(tx).freeByItem.all(warehouseId, today);
}

/** Usable free quantity per balance key in a warehouse today. */
export function freeKeys(tx: Tx, warehouseId: number, today: string): FreeKey[] {
  return statements(tx).freeKeys.all(warehouseId, today);
}

/** Expired stock in a warehouse that a write-off may take. */
export function expiredKeys(tx: Tx, warehouseId: number, today: string): FreeKey[] {
  return statements(tx).expired.all(warehouseId, today);
}

export function heldQuantity(
  tx: Tx,
  key: { warehouseId: number; itemId: number; lotId: number; ownership: Ownership },
): number {
  return statements(tx).onHold.get(key.warehouseId, key.itemId, key.lotId, key.ownership)?.onHold ?? 0;
}
