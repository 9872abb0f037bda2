import {
  adjustmentReasons,
  balances,
  type DbOrTx,
  items,
  lots,
  stockCountLines,
  stockCounts,
  users,
  warehouses,
} from "@relief/db";
import { type Message, msg, nameList } from "@relief/domain";
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, type ErrorIssue, NotFoundError, ValidationError } from "../errors";
import { itemsWithPacks } from "../items/packs";
import { convertQuantity, MAX_LINE_QUANTITY } from "../limits";
import { postDocument } from "./ledger";
import { nextDocumentNumber } from "./numbering";
import type { CloseCountInput, OpenCountInput, RecordCountInput } from "./schemas";
import { RecordCountInput as RecordCountSchema } from "./schemas";
import { warehouseForPosting } from "./scope";

/** The adjustment reason stocktake differences are posted under (seeded; see the reason list). */
export const STOCKTAKE_REASON_CODE = "stocktake";

type CountRow = typeof stockCounts.$inferSelect;

/** Uncounted lines named in a refused submission: each as an issue, and the first few in its message. */
const MISSING_LISTED = 200;
const MISSING_IN_MESSAGE = 3;

type RecordCountLine = ReturnType<typeof RecordCountSchema.parse>["lines"][number];

/** A count line as a person finds it on the shelf: “棉被”批次 MB-2022-03. */
const lineName = (item: string, lot: string) => msg("stock.count.lineName", { item, lot });

function rejectIssues(issues: ErrorIssue[]): void {
  const [first] = issues;
  if (!first) return;
  throw new ValidationError(
    issues.length === 1
      ? first.message
      : msg("common.error.several", { first: first.message, count: issues.length }),
    issues,
  );
}

/**
 * Each entered line's count in base units. A line counted in packs (12 箱 + 5 床) is converted here, through
 * the item's packs as every other quantity is, and the whole must stay within the line ceiling; every problem
 * names its line by item and lot, beside the line's field `line.<id>`.
 */
function countedInBaseUnits(tx: DbOrTx, count: CountRow, lines: RecordCountLine[]): Array<number | null> {
  const packed = lines.filter((l) => l.packs !== undefined).map((l) => l.lineId);
  if (packed.length === 0) return lines.map((l) => l.counted);
  const places = new Map(
    tx
      .select({
        id: stockCountLines.id,
        itemId: stockCountLines.itemId,
        itemName: items.name,
        lotCode: lots.lotCode,
      })
      .from(stockCountLines)
      .innerJoin(items, eq(items.id, stockCountLines.itemId))
      .innerJoin(lots, eq(lots.id, stockCountLines.lotId))
      .where(and(eq(stockCountLines.countId, count.id), inArray(stockCountLines.id, packed)))
      .all()
      .map((place) => [place.id, place]),
  );
  const loaded = itemsWithPacks(
    tx,
    [...places.values()].map((p) => p.itemId),
  );
  const issues: ErrorIssue[] = [];
  const totals = lines.map((line) => {
    if (!line.packs) return line.counted;
    const place = places.get(line.lineId);
    const item = place && loaded.get(place.itemId);
    if (!place || !item)
      throw new NotFoundError(
        msg("stock.error.countLineNotFound", { id: line.lineId, number: count.number }),
      );
    const field = `line.${line.lineId}`;
    const fail = (message: Message) => {
      const named = msg("stock.count.error.onLine", {
        line: lineName(place.itemName, place.lotCode),
        message,
      });
      issues.push({ field, message: named });
      return null;
    };
    const packs = convertQuantity(item, line.packs.count, line.packs.unit, {
      label: msg("stock.count.field.packs"),
      field,
      unitField: field,
    });
    if (packs.issue) return fail(packs.issue.message);
    const total = packs.quantity + (line.counted ?? 0);
    if (total > MAX_LINE_QUANTITY)
      return fail(
        msg("common.error.convertedOverLineCeiling", {
          field: msg("stock.field.countedQuantity"),
          quantity: total,
          unit: item.baseUnit,
          max: MAX_LINE_QUANTITY,
        }),
      );
    return total;
  });
  rejectIssues(issues);
  return totals;
}

function openCountOf(tx: DbOrTx, countId: number): CountRow {
  const count = tx.select().from(stockCounts).where(eq(stockCounts.id, countId)).get();
  if (!count) throw new NotFoundError(msg("stock.error.countNotFound", { id: countId }));
  if (count.status !== "open")
    throw new ConflictError(
      msg(count.status === "submitted" ? "stock.error.countSubmitted" : "stock.error.countCancelled", {
        number: count.number,
      }),
    );
  return count;
}

/**
 * 开始盘点: freezes the expected quantities of every balance in the warehouse. Posting goes on while a count
 * is open — relief cannot wait for a stocktake — and the rule is: counted quantities are taken as of the
 * opening, so submission posts counted − expected on top of whatever moved since.
 */
export function openCount({ ctx, input }: { ctx: CoreContext; input: OpenCountInput }): CountRow {
  return withTransaction(ctx, (tx) => {
    const warehouse = warehouseForPosting(tx, ctx, input.warehouseId);
    const open = tx
      .select({ number: stockCounts.number })
      .from(stockCounts)
      .where(and(eq(stockCounts.warehouseId, warehouse.id), eq(stockCounts.status, "open")))
      .get();
    if (open)
      throw new ConflictError(
        msg("stock.error.countOpen", { warehouse: warehouse.name, number: open.number }),
      );
    const at = nowIso(ctx);
    const count = tx
      .insert(stockCounts)
      .values({
        number: nextDocumentNumber(tx, "count", warehouse.id, at),
        warehouseId: warehouse.id,
        status: "open",
        openedAt: at,
        openedBy: ctx.actor?.userId ?? null,
        note: input.note ?? null,
      })
      .returning()
      .get();
    // One INSERT … SELECT inside SQLite: a warehouse of any size copies its balances without a bound
    // parameter per value (SQLite allows 32,766) or an array of rows in JavaScript.
    const { changes: lines } = tx
      .insert(stockCountLines)
      .select(
        tx
          .select({
            // Drizzle wants every column, in the table's order; a NULL id takes the next one.
            id: sql<number>`NULL`.as("id"),
            countId: sql<number>`${count.id}`.as("count_id"),
            itemId: balances.itemId,
            lotId: balances.lotId,
            ownership: balances.ownership,
            expected: balances.onHand,
            counted: sql<number | null>`NULL`.as("counted"),
            reasonId: sql<number | null>`NULL`.as("reason_id"),
          })
          .from(balances)
          .where(and(eq(balances.warehouseId, warehouse.id), gt(balances.onHand, 0))),
      )
      .run();
    recordAudit(tx, ctx, {
      action: "stock.openCount",
      targetType: "stock_count",
      targetIds: [count.id],
      summary: { number: count.number, warehouse: warehouse.name, lines },
    });
    return count;
  });
}

/** Enters counted quantities (and stock found that was not expected) on an open count. */
export function recordCount({ ctx, input }: { ctx: CoreContext; input: RecordCountInput }): {
  updated: number;
  added: number;
} {
  const q = RecordCountSchema.parse(input);
  return withTransaction(ctx, (tx) => {
    const count = openCountOf(tx, q.countId);
    warehouseForPosting(tx, ctx, count.warehouseId);
    const counted = countedInBaseUnits(tx, count, q.lines);
    // Prepared once per call: a large warehouse is counted in batches of thousands of lines.
    const ofThisCount = and(
      eq(stockCountLines.id, sql.placeholder("lineId")),
      eq(stockCountLines.countId, count.id),
    );
    const setCounted = tx
      .update(stockCountLines)
      .set({ counted: sql`${sql.placeholder("counted")}` })
      .where(ofThisCount)
      .returning({ id: stockCountLines.id })
      .prepare();
    const setCountedAndReason = tx
      .update(stockCountLines)
      .set({ counted: sql`${sql.placeholder("counted")}`, reasonId: sql`${sql.placeholder("reasonId")}` })
      .where(ofThisCount)
      .returning({ id: stockCountLines.id })
      .prepare();
    for (const [index, line] of q.lines.entries()) {
      const values = { lineId: line.lineId, counted: counted[index] ?? null };
      const updated =
        line.reasonId === undefined
          ? setCounted.get(values)
          : setCountedAndReason.get({ ...values, reasonId: line.reasonId });
      if (!updated)
        throw new NotFoundError(
          msg("stock.error.countLineNotFound", { id: line.lineId, number: count.number }),
        );
    }
    for (const [index, found] of q.found.entries()) {
      const lot = tx.select().from(lots).where(eq(lots.id, found.lotId)).get();
      if (!lot || lot.itemId !== found.itemId) {
        const message = msg("stock.error.lotNotOfItem");
        throw new ValidationError(msg("stock.error.onFoundLine", { line: index + 1, message }), [
          { field: `found.${index}.lotId`, message },
        ]);
      }
      const exists = tx
        .select({ id: stockCountLines.id })
        .from(stockCountLines)
        .where(
          and(
            eq(stockCountLines.countId, count.id),
            eq(stockCountLines.itemId, found.itemId),
            eq(stockCountLines.lotId, found.lotId),
            eq(stockCountLines.ownership, found.ownership),
          ),
        )
        .get();
      if (exists) {
        tx.update(stockCountLines)
          .set({ counted: found.counted })
          .where(eq(stockCountLines.id, exists.id))
          .run();
      } else {
        tx.insert(stockCountLines)
          .values({ countId: count.id, ...found, expected: 0 })
          .run();
      }
    }
    recordAudit(tx, ctx, {
      action: "stock.recordCount",
      targetType: "stock_count",
      targetIds: [count.id],
      summary: {
        number: count.number,
        lines: q.lines.length,
        inPacks: q.lines.filter((l) => l.packs).length,
        found: q.found.length,
      },
    });
    return { updated: q.lines.length, added: q.found.length };
  });
}

/**
 * 提交盘点: every line must be counted; a count with lines left refuses, saying how many and naming the first
 * few, and writes nothing. Differences are posted as one adjustment document (reason
 * 盘点差异), expected and counted stay on the count as the record.
 */
export function submitCount({ ctx, input }: { ctx: CoreContext; input: CloseCountInput }) {
  return withTransaction(ctx, (tx) => {
    const count = openCountOf(tx, input.countId);
    warehouseForPosting(tx, ctx, count.warehouseId);
    const lines = tx
      .select({ line: stockCountLines, itemName: items.name, lotCode: lots.lotCode })
      .from(stockCountLines)
      .innerJoin(items, eq(items.id, stockCountLines.itemId))
      .innerJoin(lots, eq(lots.id, stockCountLines.lotId))
      .where(eq(stockCountLines.countId, count.id))
      .orderBy(asc(stockCountLines.id))
      .all();
    const missing = lines.filter((l) => l.line.counted === null);
    if (missing.length > 0) {
      // The first lines name what to count next; listing tens of thousands would only weigh down the answer.
      const issues: ErrorIssue[] = missing.slice(0, MISSING_LISTED).map((l) => ({
        field: `line.${l.line.id}`,
        message: msg("stock.error.notCounted", { item: l.itemName, lot: l.lotCode }),
      }));
      const named = missing.slice(0, MISSING_IN_MESSAGE).map((l) => lineName(l.itemName, l.lotCode));
      const others = missing.length - named.length;
      const listed = nameList(
        others > 0 ? [...named, msg("stock.count.othersCount", { count: others })] : named,
      );
      throw new ValidationError(
        msg("stock.count.error.uncounted", { count: missing.length, lines: listed }),
        issues,
      );
    }
    const reason = tx
      .select()
      .from(adjustmentReasons)
      .where(eq(adjustmentReasons.code, STOCKTAKE_REASON_CODE))
      .get();
    if (!reason)
      throw new ConflictError(
        msg("stock.error.countReasonMissing", { reason: msg("stock.adjustmentReason.stocktake") }),
      );
    const differences = lines.filter((l) => (l.line.counted ?? 0) !== l.line.expected);
    const at = nowIso(ctx);
    const document =
      differences.length > 0
        ? postDocument(
            tx,
            ctx,
            {
              type: "adjustment",
              warehouseId: count.warehouseId,
              adjustmentReasonId: reason.id,
              reference: count.number,
              note: input.note ?? count.note,
            },
            differences.map(({ line }) => ({
              warehouseId: count.warehouseId,
              itemId: line.itemId,
              lotId: line.lotId,
              ownership: line.ownership,
              onHand: (line.counted ?? 0) - line.expected,
            })),
            { action: "stock.countAdjustment", summary: { count: count.number, lines: differences.length } },
          )
        : null;
    const closed = tx
      .update(stockCounts)
      .set({
        status: "submitted",
        closedAt: at,
        closedBy: ctx.actor?.userId ?? null,
        adjustmentDocumentId: document?.id ?? null,
      })
      .where(eq(stockCounts.id, count.id))
      .returning()
      .get();
    recordAudit(tx, ctx, {
      action: "stock.submitCount",
      targetType: "stock_count",
      targetIds: [count.id],
      summary: {
        number: count.number,
        differences: differences.length,
        adjustment: document?.number ?? null,
      },
    });
    return { count: closed, adjustment: document };
  });
}

export function cancelCount({ ctx, input }: { ctx: CoreContext; input: CloseCountInput }): CountRow {
  return withTransaction(ctx, (tx) => {
    const count = openCountOf(tx, input.countId);
    warehouseForPosting(tx, ctx, count.warehouseId);
    const closed = tx
      .update(stockCounts)
      .set({
        status: "cancelled",
        closedAt: nowIso(ctx),
        closedBy: ctx.actor?.userId ?? null,
        note: input.note ?? count.note,
      })
      .where(eq(stockCounts.id, count.id))
      .returning()
      .get();
    recordAudit(tx, ctx, {
      action: "stock.cancelCount",
      targetType: "stock_count",
      targetIds: [count.id],
      summary: input,
    });
    return closed;
  });
}

/** Stocktakes, open ones first, newest first within each status. */
export function listCounts(db: DbOrTx, warehouseId?: number) {
  return db.all<{
    id: number;
    number: string;
    warehouseId: number;
    warehouseName: string;
    status: "open" | "submitted" | "cancelled";
    openedAt: string;
    closedAt: string | null;
    openedBy: string | null;
    adjustmentDocumentId: number | null;
    adjustmentNumber: string | null;
    note: string | null;
  }>(sql`
    SELECT c.id, c.number, c.warehouse_id AS warehouseId, w.name AS warehouseName, c.status, c.opened_at AS openedAt,
           c.closed_at AS closedAt, u.display_name AS openedBy, c.adjustment_document_id AS adjustmentDocumentId,
           d.number AS adjustmentNumber, c.note
    FROM stock_counts c
    JOIN warehouses w ON w.id = c.warehouse_id
    LEFT JOIN users u ON u.id = c.opened_by
    LEFT JOIN stock_documents d ON d.id = c.adjustment_document_id
    ${warehouseId ? sql`WHERE c.warehouse_id = ${warehouseId}` : sql``}
    ORDER BY c.status <> 'open', c.id DESC`);
}

/** A count with its lines in the order a counter walks the shelves: by item code, then lot. */
export function getCount(db: DbOrTx, countId: number) {
  const count = db.select().from(stockCounts).where(eq(stockCounts.id, countId)).get();
  if (!count) throw new NotFoundError(msg("stock.error.countNotFound", { id: countId }));
  const lines = db
    .select({
      id: stockCountLines.id,
      itemId: stockCountLines.itemId,
      itemCode: items.code,
      itemName: items.name,
      specification: items.specification,
      baseUnit: items.baseUnit,
      lotId: stockCountLines.lotId,
      lotCode: lots.lotCode,
      productionDate: lots.productionDate,
      expiryDate: lots.expiryDate,
      ownership: stockCountLines.ownership,
      expected: stockCountLines.expected,
      counted: stockCountLines.counted,
      reasonId: stockCountLines.reasonId,
    })
    .from(stockCountLines)
    .innerJoin(items, eq(items.id, stockCountLines.itemId))
    .innerJoin(lots, eq(lots.id, stockCountLines.lotId))
    .where(eq(stockCountLines.countId, countId))
    .orderBy(asc(items.code), asc(lots.lotCode))
    .all();
  const warehouse = db
    .select({ code: warehouses.code, name: warehouses.name })
    .from(warehouses)
    .where(eq(warehouses.id, count.warehouseId))
    .get();
  const openedByName = count.openedBy
    ? (db.select({ name: users.displayName }).from(users).where(eq(users.id, count.openedBy)).get()?.name ??
      null)
    : null;
  return {
    ...count,
    warehouseCode: warehouse?.code ?? "",
    warehouseName: warehouse?.name ?? "",
    openedByName,
    lines,
  };
}
