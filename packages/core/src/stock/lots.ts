import { type DbOrTx, type LotStatus, type lots, preparedOnce, type Tx } from "@relief/db";
import { type Message, msg } from "@relief/domain";
import { type SQL, sql } from "drizzle-orm";
import { type CoreContext, nowIso } from "../context";
import { ValidationError } from "../errors";
import { DATE_WINDOWS, dateProblem } from "../limits";
import { orderBySql, type Page, pageWindow } from "../paging";
import { containsText } from "../search";
import { addMonths, localDate } from "../time";
import { byLotAcrossWarehouses, holdsLot } from "./balances";
import type { ItemWithPacks } from "./lines";
import { type LotSort, LotsInput } from "./schemas";

export type LotRow = typeof lots.$inferSelect;

/** Whether stock of the lot may be promised: status available and not past its expiry date. */
export function isUsable(lot: Pick<LotRow, "status" | "expiryDate">, today: string): boolean {
  return lot.status === "available" && (lot.expiryDate === null || lot.expiryDate >= today);
}

export function isExpired(lot: Pick<LotRow, "expiryDate">, today: string): boolean {
  return lot.expiryDate !== null && lot.expiryDate < today;
}

const LOT_COLUMNS = `id, item_id AS itemId, lot_code AS lotCode, production_date AS productionDate,
  expiry_date AS expiryDate, status, status_note AS statusNote, created_at AS createdAt, updated_at AS updatedAt`;

/**
 * Lot look-up and registration, prepared once per connection: every receipt line (up to the import's row
 * cap in one transaction) passes through here, and drizzle would build and prepare each query anew.
 */
function lotStatements(tx: Tx) {
  return preparedOnce(tx, "stock.lots", (client) => ({
    byCode: client.prepare<[number, string], LotRow>(
      `SELECT ${LOT_COLUMNS} FROM lots WHERE item_id = ? AND lot_code = ?`,
    ),
    // No RETURNING: the new row is known but for its id, and RETURNING doubles the cost of the insert.
    insert: client.prepare<[number, string, string | null, string | null, LotStatus, string, string]>(
      `INSERT INTO lots (item_id, lot_code, production_date, expiry_date, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
  }));
}

export interface LotLine {
  lotCode: string;
  productionDate?: string | null;
  expiryDate?: string | null;
}

/**
 * What a receipt line says about its lot, checked against the register: the existing lot of the item
 * with that code (whose dates must agree with the line), or the expiry a new lot would get — from the line,
 * or production date + the item's shelf life. `problem` (with the field at fault) when the line cannot stand,
 * including dates outside their windows as of `today` (a production date after today, an expiry in 2300).
 */
export function checkLot(
  tx: Tx,
  item: Pick<ItemWithPacks, "id" | "name" | "shelfLifeMonths">,
  line: LotLine,
  today: string,
): { existing: LotRow | null; expiry: string | null; problem: { field: string; message: Message } | null } {
  for (const [field, window, label] of [
    ["productionDate", DATE_WINDOWS.production, msg("stock.field.productionDate")],
    ["expiryDate", DATE_WINDOWS.expiry, msg("stock.field.expiryDate")],
  ] as const) {
    const value = line[field];
    const message = value ? dateProblem(value, window, label, today) : null;
    if (message) return { existing: null, expiry: null, problem: { field, message } };
  }
  const expiry =
    line.expiryDate ??
    (line.productionDate && item.shelfLifeMonths
      ? addMonths(line.productionDate, item.shelfLifeMonths)
      : null);
  if (line.productionDate && expiry && expiry <= line.productionDate) {
    return {
      existing: null,
      expiry,
      problem: {
        field: "expiryDate",
        message: msg("stock.error.expiryBeforeProduction", { expiry, production: line.productionDate }),
      },
    };
  }
  const existing = lotStatements(tx).byCode.get(item.id, line.lotCode) ?? null;
  if (existing) {
    const clash =
      (line.productionDate && existing.productionDate && line.productionDate !== existing.productionDate) ||
      (line.expiryDate && existing.expiryDate && line.expiryDate !== existing.expiryDate);
    const problem = clash
      ? {
          field: "lotCode",
          message: msg("stock.error.lotDatesDiffer", {
            item: item.name,
            lot: line.lotCode,
            production: existing.productionDate ?? "—",
            expiry: existing.expiryDate ?? "—",
          }),
        }
      : null;
    return { existing, expiry: existing.expiryDate, problem };
  }
  if (item.shelfLifeMonths && !expiry) {
    return {
      existing: null,
      expiry,
      problem: { field: "expiryDate", message: msg("stock.error.lotNeedsDates", { item: item.name }) },
    };
  }
  return { existing: null, expiry, problem: null };
}

/** The lot of a receipt line: the registered one, or a new one registered now. */
export function findOrCreateLot(
  tx: Tx,
  ctx: CoreContext,
  item: ItemWithPacks,
  line: LotLine,
  index: number,
): LotRow {
  const at = nowIso(ctx);
  const { existing, expiry, problem } = checkLot(tx, item, line, localDate(at));
  if (problem) {
    throw new ValidationError(
      msg("common.error.onLineColon", { line: index + 1, message: problem.message }),
      [{ field: `lines.${index}.${problem.field}`, message: problem.message }],
    );
  }
  if (existing) return existing;
  const lot: Omit<LotRow, "id"> = {
    itemId: item.id,
    lotCode: line.lotCode,
    productionDate: line.productionDate ?? null,
    expiryDate: expiry,
    status: "available",
    statusNote: null,
    createdAt: at,
    updatedAt: at,
  };
  const { lastInsertRowid } = lotStatements(tx).insert.run(
    lot.itemId,
    lot.lotCode,
    lot.productionDate,
    lot.expiryDate,
    lot.status,
    at,
    at,
  );
  return { id: Number(lastInsertRowid), ...lot };
}

export interface LotView {
  id: number;
  itemId: number;
  itemCode: string;
  itemName: string;
  lotCode: string;
  productionDate: string | null;
  expiryDate: string | null;
  expired: boolean;
  status: LotStatus;
  statusNote: string | null;
  /** On hand over all warehouses. */
  onHand: number;
  /** The warehouses holding some of the lot (on hand or on its way in): whose bureau may set its condition. */
  holders: number[];
}

/**
 * The lot register, a page at a time: lots of an item, a category or matching a code, with their condition,
 * stock on hand and the warehouses holding them. Lots are chosen and counted from the register alone; stock is
 * summed for the page's lots only.
 */
export function listLots(db: DbOrTx, input: LotsInput = {}, today = localDate(new Date())): Page<LotView> {
  const q = LotsInput.parse(input);
  const where = sql`WHERE 1 = 1 ${q.itemId ? sql`AND l.item_id = ${q.itemId}` : sql``}
    ${q.lotId ? sql`AND l.id = ${q.lotId}` : sql``}
    ${q.categoryId ? sql`AND i.category_id = ${q.categoryId}` : sql``}
    ${q.search ? sql`AND ${containsText(sql`l.lot_code`, q.search)}` : sql``}`;
  const total =
    db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM lots l JOIN items i ON i.id = l.item_id ${where}`)
      ?.n ?? 0;
  if (total === 0) return { total, rows: [] };
  const column = (expression: string) => (direction: SQL) => sql`${sql.raw(expression)} ${direction}`;
  const orderBy = orderBySql<LotSort>(
    {
      item: column("i.code"),
      lot: column("l.lot_code"),
      // Lots without the date last, whichever the direction.
      production: (direction) => sql`l.production_date IS NULL, l.production_date ${direction}`,
      expiry: (direction) => sql`l.expiry_date IS NULL, l.expiry_date ${direction}`,
      status: column("l.status"),
    },
    q.sort,
    q.order,
    sql`i.code, l.expiry_date IS NULL, l.expiry_date, l.lot_code`,
  );
  const { limit, offset } = pageWindow(q);
  const rows = db.all<Omit<LotView, "expired" | "holders"> & { expired: number; holders: string | null }>(sql`
    WITH shown AS MATERIALIZED (
      SELECT l.id, l.item_id AS itemId FROM lots l JOIN items i ON i.id = l.item_id
      ${where} ${orderBy} LIMIT ${limit} OFFSET ${offset}
    ),
    held AS (
      SELECT s.id, SUM(balances.on_hand) AS onHand,
             json_group_array(DISTINCT balances.warehouse_id) FILTER (WHERE ${holdsLot}) AS holders
      FROM shown s ${byLotAcrossWarehouses(sql`s.itemId`, sql`s.id`)}
      GROUP BY s.id
    )
    SELECT l.id, l.item_id AS itemId, i.code AS itemCode, i.name AS itemName, l.lot_code AS lotCode,
           l.production_date AS productionDate, l.expiry_date AS expiryDate, l.status,
           l.status_note AS statusNote, (l.expiry_date IS NOT NULL AND l.expiry_date < ${today}) AS expired,
           COALESCE(h.onHand, 0) AS onHand, h.holders
    FROM shown s JOIN lots l ON l.id = s.id JOIN items i ON i.id = l.item_id LEFT JOIN held h ON h.id = s.id
    ${orderBy}`);
  return {
    total,
    rows: rows.map((r) => ({
      ...r,
      expired: r.expired === 1,
      holders: r.holders ? (JSON.parse(r.holders) as number[]).sort((a, b) => a - b) : [],
    })),
  };
}
