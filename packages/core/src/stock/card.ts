import { type DbOrTx, items } from "@relief/db";
import { eq, sql } from "drizzle-orm";
import { NotFoundError } from "../errors";
import { addDays, districtDayStart } from "../time";
import type { CardInput } from "./schemas";

export interface CardRow {
  lineId: number;
  postedAt: string;
  documentId: number;
  number: string;
  type: string;
  warehouseId: number;
  warehouseName: string;
  lotCode: string;
  ownership: string;
  onHandDelta: number;
  reservedDelta: number;
  onHoldDelta: number;
  inTransitDelta: number;
  /** On hand after this line, over the card's selection (item, and warehouse and lot where given). */
  balance: number;
}

export interface StockCard {
  item: { id: number; code: string; name: string; baseUnit: string };
  /** On hand before `from` (0 without `from`). */
  opening: number;
  rows: CardRow[];
  closing: number;
}

/** 库存卡: one item's movements in posting order with the running on-hand balance. */
export function stockCard(db: DbOrTx, input: CardInput): StockCard {
  const item = db
    .select({ id: items.id, code: items.code, name: items.name, baseUnit: items.baseUnit })
    .from(items)
    .where(eq(items.id, input.itemId))
    .get();
  if (!item) throw new NotFoundError(`物资 #${input.itemId} 不存在`);
  const scope = sql`ll.item_id = ${input.itemId}
    ${input.warehouseId ? sql`AND ll.warehouse_id = ${input.warehouseId}` : sql``}
    ${input.lotId ? sql`AND ll.lot_id = ${input.lotId}` : sql``}`;
  const opening = input.from
    ? (db.get<{ n: number | null }>(sql`
        SELECT SUM(ll.on_hand_delta) AS n FROM ledger_lines ll JOIN stock_documents d ON d.id = ll.document_id
        WHERE ${scope} AND d.posted_at < ${districtDayStart(input.from)}`)?.n ?? 0)
    : 0;
  const end = input.to ? districtDayStart(addDays(input.to, 1)) : null;
  const lines = db.all<Omit<CardRow, "balance">>(sql`
    SELECT ll.id AS lineId, d.posted_at AS postedAt, d.id AS documentId, d.number, d.type,
           ll.warehouse_id AS warehouseId, w.name AS warehouseName, l.lot_code AS lotCode, ll.ownership,
           ll.on_hand_delta AS onHandDelta, ll.reserved_delta AS reservedDelta,
           ll.on_hold_delta AS onHoldDelta, ll.in_transit_delta AS inTransitDelta
    FROM ledger_lines ll
    JOIN stock_documents d ON d.id = ll.document_id
    JOIN warehouses w ON w.id = ll.warehouse_id
    JOIN lots l ON l.id = ll.lot_id
    WHERE ${scope}
      ${input.from ? sql`AND d.posted_at >= ${districtDayStart(input.from)}` : sql``}
      ${end ? sql`AND d.posted_at < ${end}` : sql``}
    ORDER BY d.posted_at, ll.id`);
  let balance = opening;
  const rows = lines.map((line) => {
    balance += line.onHandDelta;
    return { ...line, balance };
  });
  return { item, opening, rows, closing: balance };
}
