import { type DbOrTx, items } from "@relief/db";
import { msg } from "@relief/domain";
import { eq, type SQL, sql } from "drizzle-orm";
import { NotFoundError } from "../errors";
import { type Page, pageWindow } from "../paging";
import { addDays, districtDayStart } from "../time";
import { type CardInput, CardPageInput } from "./schemas";

export interface CardRow {
  lineId: number;
  postedAt: string;
  documentId: number;
  number: string;
  type: string;
  warehouseId: number;
  warehouseName: string;
  lotCode: string;
  productionDate: string | null;
  expiryDate: string | null;
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

function cardItem(db: DbOrTx, itemId: number): StockCard["item"] {
  const item = db
    .select({ id: items.id, code: items.code, name: items.name, baseUnit: items.baseUnit })
    .from(items)
    .where(eq(items.id, itemId))
    .get();
  if (!item) throw new NotFoundError(msg("stock.error.itemNotFound", { id: itemId }));
  return item;
}

/** The card's lines `ll` (joined to their documents `d`): the item, warehouse and lot chosen, within the dates. */
function cardScope(input: CardInput): { before: SQL; within: SQL } {
  const key = sql`ll.item_id = ${input.itemId}
    ${input.warehouseId ? sql`AND ll.warehouse_id = ${input.warehouseId}` : sql``}
    ${input.lotId ? sql`AND ll.lot_id = ${input.lotId}` : sql``}`;
  const start = input.from ? districtDayStart(input.from) : null;
  const end = input.to ? districtDayStart(addDays(input.to, 1)) : null;
  return {
    before: start ? sql`${key} AND d.posted_at < ${start}` : sql`0`,
    within: sql`${key} ${start ? sql`AND d.posted_at >= ${start}` : sql``}
      ${end ? sql`AND d.posted_at < ${end}` : sql``}`,
  };
}

const CARD_LINES = sql`FROM ledger_lines ll JOIN stock_documents d ON d.id = ll.document_id`;

const CARD_COLUMNS = sql`
    SELECT ll.id AS lineId, d.posted_at AS postedAt, d.id AS documentId, d.number, d.type,
           ll.warehouse_id AS warehouseId, w.name AS warehouseName, l.lot_code AS lotCode,
           l.production_date AS productionDate, l.expiry_date AS expiryDate, ll.ownership,
           ll.on_hand_delta AS onHandDelta, ll.reserved_delta AS reservedDelta,
           ll.on_hold_delta AS onHoldDelta, ll.in_transit_delta AS inTransitDelta
    ${CARD_LINES}
    JOIN warehouses w ON w.id = ll.warehouse_id
    JOIN lots l ON l.id = ll.lot_id`;

function opening(db: DbOrTx, before: SQL): number {
  return (
    db.get<{ n: number | null }>(sql`SELECT SUM(ll.on_hand_delta) AS n ${CARD_LINES} WHERE ${before}`)?.n ?? 0
  );
}

/** 库存卡 whole: one item's movements in posting order with the running on-hand balance (the export). */
export function stockCard(db: DbOrTx, input: CardInput): StockCard {
  const item = cardItem(db, input.itemId);
  const scope = cardScope(input);
  const start = opening(db, scope.before);
  const lines = db.all<Omit<CardRow, "balance">>(
    sql`${CARD_COLUMNS} WHERE ${scope.within} ORDER BY d.posted_at, ll.id`,
  );
  let balance = start;
  const rows = lines.map((line) => {
    balance += line.onHandDelta;
    return { ...line, balance };
  });
  return { item, opening: start, rows, closing: balance };
}

export interface StockCardPage extends Page<CardRow> {
  item: StockCard["item"];
  /** On hand before `from` (0 without `from`). */
  opening: number;
  /** On hand received and given out over the whole selection, not just this page. */
  totalIn: number;
  totalOut: number;
  closing: number;
}

/**
 * 库存卡 a page at a time. Each row's running balance is the opening plus every line up to it in posting order:
 * the lines before the page are summed by the database, so page 2 starts where page 1 ended (and, newest
 * first, the balance walks back from the closing one).
 */
export function stockCardPage(db: DbOrTx, input: CardPageInput): StockCardPage {
  const q = CardPageInput.parse(input);
  const item = cardItem(db, q.itemId);
  const scope = cardScope(q);
  const start = opening(db, scope.before);
  const sums = db.get<{ total: number; totalIn: number; totalOut: number }>(sql`
    SELECT COUNT(*) AS total,
           COALESCE(SUM(MAX(ll.on_hand_delta, 0)), 0) AS totalIn,
           COALESCE(SUM(MAX(-ll.on_hand_delta, 0)), 0) AS totalOut
    ${CARD_LINES} WHERE ${scope.within}`) ?? { total: 0, totalIn: 0, totalOut: 0 };
  const closing = start + sums.totalIn - sums.totalOut;
  const direction = sql.raw(q.order === "desc" ? "DESC" : "ASC");
  const order = sql`ORDER BY d.posted_at ${direction}, ll.id ${direction}`;
  const { limit, offset } = pageWindow(q);
  // What the lines ahead of this page (in the page's own order) moved.
  const ahead =
    offset === 0
      ? 0
      : (db.get<{ n: number | null }>(sql`
          SELECT SUM(delta) AS n FROM (
            SELECT ll.on_hand_delta AS delta ${CARD_LINES} WHERE ${scope.within} ${order} LIMIT ${offset}
          )`)?.n ?? 0);
  const lines = db.all<Omit<CardRow, "balance">>(
    sql`${CARD_COLUMNS} WHERE ${scope.within} ${order} LIMIT ${limit} OFFSET ${offset}`,
  );
  let rows: CardRow[];
  if (q.order === "asc") {
    let balance = start + ahead;
    rows = lines.map((line) => {
      balance += line.onHandDelta;
      return { ...line, balance };
    });
  } else {
    // Newest first: the balance after a line is the closing one less every later line.
    let balance = closing - ahead;
    rows = lines.map((line) => {
      const row = { ...line, balance };
      balance -= line.onHandDelta;
      return row;
    });
  }
  return {
    item,
    opening: start,
    totalIn: sums.totalIn,
    totalOut: sums.totalOut,
    closing,
    total: sums.total,
    rows,
  };
}
