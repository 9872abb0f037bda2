import { type Ownership, preparedOnce, type Tx } from "@relief/db";
import { msg } from "@relief/domain";
import { type ErrorIssue, ValidationError } from "../errors";
import { formatQuantity, type ItemWithPacks } from "./lines";
import { explainShortfall } from "./shortfall";

interface StockRow {
  lotId: number;
  ownership: Ownership;
  lotCode: string;
  free: number;
  onHold: number;
}

interface ReservedRow {
  lotId: number;
  ownership: Ownership;
  lotCode: string;
  reserved: number;
}

const ORDER = "ORDER BY l.expiry_date IS NULL, l.expiry_date, l.id, b.ownership";

function statements(tx: Tx) {
  return preparedOnce(tx, "stock.pick", (client) => ({
    usable: client.prepare<[number, number, string], StockRow>(
      `SELECT b.lot_id AS lotId, b.ownership, l.lot_code AS lotCode,
              b.on_hand - b.reserved - b.on_hold AS free, b.on_hold AS onHold
       FROM balances b JOIN lots l ON l.id = b.lot_id
       WHERE b.warehouse_id = ? AND b.item_id = ?
         AND l.status = 'available' AND (l.expiry_date IS NULL OR l.expiry_date >= ?)
         AND b.on_hand - b.reserved - b.on_hold > 0 ${ORDER}`,
    ),
    any: client.prepare<[number, number], StockRow>(
      `SELECT b.lot_id AS lotId, b.ownership, l.lot_code AS lotCode,
              b.on_hand - b.reserved - b.on_hold AS free, b.on_hold AS onHold
       FROM balances b JOIN lots l ON l.id = b.lot_id
       WHERE b.warehouse_id = ? AND b.item_id = ? AND b.on_hand - b.reserved > 0 ${ORDER}`,
    ),
    reserved: client.prepare<[string, number, number], ReservedRow>(
      `SELECT r.lot_id AS lotId, r.ownership, l.lot_code AS lotCode, r.reserved
       FROM (SELECT ll.lot_id, ll.ownership, SUM(ll.reserved_delta) AS reserved
             FROM ledger_lines ll JOIN stock_documents d ON d.id = ll.document_id
             WHERE d.dispatch_ref = ? AND ll.warehouse_id = ? AND ll.item_id = ?
             GROUP BY ll.lot_id, ll.ownership HAVING SUM(ll.reserved_delta) > 0) r
       JOIN lots l ON l.id = r.lot_id
       ORDER BY l.expiry_date IS NULL, l.expiry_date, l.id, r.ownership`,
    ),
  }));
}

/** Where a picked quantity comes from: promisable stock, a dispatch's reservation, or stock on hold. */
export type PickSource = "free" | "reserved" | "held";

export interface Allocation {
  /** Index of the request line. */
  index: number;
  itemId: number;
  lotId: number;
  ownership: Ownership;
  quantity: number;
  source: PickSource;
}

export interface PickRequest {
  itemId: number;
  lotId?: number;
  ownership?: Ownership;
  /** In base units. */
  quantity: number;
}

export interface PickOptions {
  warehouseId: number;
  warehouseName: string;
  /** `YYYY-MM-DD` in district time: lots expired before it are not usable. */
  today: string;
  /** Consume this dispatch's reservation first. */
  reservedFor?: string;
  /**
   * Write-offs: any lot, whatever its status or expiry, and stock on hold too (after the free part).
   * Everything else takes usable stock only.
   */
  anyCondition?: boolean;
}

/**
 * Chooses lots for each line, first-expired-first-out unless the line names a lot. Lines of the same item
 * share the stock: what one line takes is gone for the next. A line that cannot be filled fails the whole
 * request with every short line named.
 */
export function pickStock(
  tx: Tx,
  requests: PickRequest[],
  items: ItemWithPacks[],
  options: PickOptions,
): Allocation[] {
  const s = statements(tx);
  const used = new Map<string, number>();
  const take = (source: PickSource, lotId: number, ownership: Ownership, have: number) => {
    const key = `${source}|${lotId}|${ownership}`;
    return { key, left: have - (used.get(key) ?? 0) };
  };
  const allocations: Allocation[] = [];
  const issues: ErrorIssue[] = [];

  requests.forEach((request, index) => {
    const matches = (row: { lotId: number; ownership: Ownership }) =>
      (!request.lotId || row.lotId === request.lotId) &&
      (!request.ownership || row.ownership === request.ownership);
    const candidates: Array<{ source: PickSource; lotId: number; ownership: Ownership; have: number }> = [];
    if (options.reservedFor) {
      for (const row of s.reserved.all(options.reservedFor, options.warehouseId, request.itemId)) {
        if (matches(row))
          candidates.push({
            source: "reserved",
            lotId: row.lotId,
            ownership: row.ownership,
            have: row.reserved,
          });
      }
    }
    const rows = options.anyCondition
      ? s.any.all(options.warehouseId, request.itemId)
      : s.usable.all(options.warehouseId, request.itemId, options.today);
    for (const row of rows.filter(matches)) {
      if (row.free > 0)
        candidates.push({ source: "free", lotId: row.lotId, ownership: row.ownership, have: row.free });
    }
    if (options.anyCondition) {
      for (const row of rows.filter(matches)) {
        if (row.onHold > 0)
          candidates.push({ source: "held", lotId: row.lotId, ownership: row.ownership, have: row.onHold });
      }
    }

    let left = request.quantity;
    let available = 0;
    for (const c of candidates) {
      const { key, left: have } = take(c.source, c.lotId, c.ownership, c.have);
      available += Math.max(0, have);
      const q = Math.min(left, have);
      if (q <= 0) continue;
      allocations.push({
        index,
        itemId: request.itemId,
        lotId: c.lotId,
        ownership: c.ownership,
        quantity: q,
        source: c.source,
      });
      used.set(key, (used.get(key) ?? 0) + q);
      left -= q;
    }
    if (left > 0) {
      const item = items[index] as ItemWithPacks;
      const q = (n: number) => formatQuantity(item, n);
      const short = msg(request.lotId ? "stock.error.pickLotShort" : "stock.error.pickShort", {
        warehouse: options.warehouseName,
        item: item.name,
        available: q(available),
        need: q(request.quantity),
        missing: q(left),
      });
      const why = explainShortfall(
        tx,
        {
          warehouseId: options.warehouseId,
          itemId: request.itemId,
          lotId: request.lotId,
          ownership: request.ownership,
          today: options.today,
          reservedFor: options.reservedFor,
          anyCondition: options.anyCondition,
        },
        item,
      );
      const message = why.length > 0 ? msg("stock.error.shortBecause", { short, why }) : short;
      issues.push({
        field: `lines.${index}.quantity`,
        message: msg("common.error.onLineColon", { line: index + 1, message }),
      });
    }
  });
  if (issues.length > 0) {
    throw new ValidationError(
      issues.length === 1 && issues[0]
        ? issues[0].message
        : msg("stock.error.shortLines", { count: issues.length }),
      issues,
    );
  }
  return allocations;
}
