import { type DbOrTx, type Ownership, warehouses } from "@relief/db";
import { type DocumentType, type Message, msg, zh } from "@relief/domain";
import {
  buildReceiptTemplate,
  buildStockCard,
  buildStockReport,
  parseReceiptSheet,
  RECEIPT_HEADERS,
  RECEIPT_TEMPLATE_FILE,
  type ReceiptRow,
  stockCardFileName,
  stockReportFileName,
} from "@relief/sheets";
import { asc, eq } from "drizzle-orm";
import type { FileDownload } from "../areas/population-sheet";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { type ErrorIssue, UnauthorizedError } from "../errors";
import { readUpload, rejectIfAny } from "../import-rows";
import { listItems } from "../items/list";
import { convertQuantity } from "../limits";
import { localDate, localDateTime } from "../time";
import { listBalances } from "./balances";
import { stockCard } from "./card";
import type { PostedDocument } from "./ledger";
import { checkLot } from "./lots";
import { receiveStock } from "./receive";
import { type BalancesInput, type CardInput, MAX_DOCUMENT_LINES } from "./schemas";
import { canPostIn, type WarehouseRow } from "./scope";

/** The receipt import template, with the warehouse and item codes of this installation listed. */
export function receiptTemplate(db: DbOrTx): FileDownload {
  const whs = db
    .select()
    .from(warehouses)
    .where(eq(warehouses.active, true))
    .orderBy(asc(warehouses.code))
    .all();
  const itemList = listItems(db).filter((i) => i.active);
  return {
    fileName: RECEIPT_TEMPLATE_FILE,
    content: buildReceiptTemplate({
      warehouses: whs.map((w) => [w.code, w.name]),
      items: itemList.map((i) => [
        i.code,
        i.name,
        [i.baseUnit, ...i.packs.map((p) => `${p.name}（${p.baseQuantity}${i.baseUnit}）`)].join("、"),
      ]),
    }),
  };
}

/** The template column of each lot field `checkLot` may fault. */
const LOT_COLUMN: Record<string, string> = {
  lotCode: RECEIPT_HEADERS.lot,
  productionDate: RECEIPT_HEADERS.productionDate,
  expiryDate: RECEIPT_HEADERS.expiryDate,
};

/**
 * Imports a receipt sheet: every row is checked against the registers first (warehouse, the right to post
 * there, item, unit, lot dates, one source per warehouse); any problem rejects the file with the full list and
 * writes nothing. A valid file posts one receipt document per warehouse, or several when a warehouse has more
 * rows than one document may hold (MAX_DOCUMENT_LINES, the forms' cap), all in one transaction, and records
 * the import itself in the audit log beside each document's own entry.
 */
export async function importReceipts({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: { fileName: string; content: Uint8Array };
}): Promise<{ documents: Array<PostedDocument & { warehouseId: number }> }> {
  const actor = ctx.actor;
  if (!actor) throw new UnauthorizedError();
  const parsed = await readUpload(parseReceiptSheet, input.content);
  const today = localDate(nowIso(ctx));
  return withTransaction(ctx, (tx) => {
    const issues: ErrorIssue[] = [...parsed.issues];
    const whByCode = new Map(
      tx
        .select()
        .from(warehouses)
        .all()
        .map((w) => [w.code, w]),
    );
    const itemByCode = new Map(listItems(tx).map((i) => [i.code, i]));
    const firstOfWarehouse = new Map<string, ReceiptRow>();
    const lotDates = new Map<string, ReceiptRow>();
    // The right to post is the warehouse's, not the row's: asked once per warehouse, not once per row.
    const mayPost = new Map<number, boolean>();
    const canPost = (warehouse: WarehouseRow) => {
      let allowed = mayPost.get(warehouse.id);
      if (allowed === undefined) {
        allowed = canPostIn(tx, actor, warehouse);
        mayPost.set(warehouse.id, allowed);
      }
      return allowed;
    };
    for (const row of parsed.rows) {
      const problem = (column: string, message: Message) => issues.push({ row: row.row, column, message });
      const warehouse = whByCode.get(row.warehouseCode);
      const warehouseColumn = RECEIPT_HEADERS.warehouse;
      if (!warehouse)
        problem(warehouseColumn, msg("stock.error.noWarehouseCode", { code: row.warehouseCode }));
      else if (!warehouse.active)
        problem(warehouseColumn, msg("stock.error.warehouseDeactivated", { warehouse: warehouse.name }));
      else if (!canPost(warehouse))
        problem(warehouseColumn, msg("stock.error.mayNotPost", { warehouse: warehouse.name }));
      const first = firstOfWarehouse.get(row.warehouseCode);
      if (!first) firstOfWarehouse.set(row.warehouseCode, row);
      else if (first.source !== row.source || first.reference !== row.reference) {
        problem(RECEIPT_HEADERS.source, msg("stock.error.sourceDiffers", { row: first.row }));
      }
      const item = itemByCode.get(row.itemCode);
      if (!item) {
        problem(RECEIPT_HEADERS.item, msg("stock.error.noItemCode", { code: row.itemCode }));
        continue;
      }
      if (!item.active)
        problem(RECEIPT_HEADERS.item, msg("stock.error.namedItemInactive", { item: item.name }));
      const converted = convertQuantity(item, row.quantity, row.unit, {
        field: RECEIPT_HEADERS.quantity,
        unitField: RECEIPT_HEADERS.unit,
      });
      if (converted.issue)
        problem(converted.issue.field ?? RECEIPT_HEADERS.quantity, converted.issue.message);
      const lot = checkLot(tx, item, row, today);
      if (lot.problem)
        problem(LOT_COLUMN[lot.problem.field] ?? RECEIPT_HEADERS.expiryDate, lot.problem.message);
      const lotKey = `${row.itemCode}\u0000${row.lotCode}`;
      const same = lotDates.get(lotKey);
      if (same && (same.productionDate !== row.productionDate || same.expiryDate !== row.expiryDate)) {
        problem(RECEIPT_HEADERS.lot, msg("stock.error.lotDatesDifferFromRow", { row: same.row }));
      }
      lotDates.set(lotKey, same ?? row);
    }
    rejectIfAny(input.fileName, issues);
    const byWarehouse = new Map<string, ReceiptRow[]>();
    for (const row of parsed.rows) {
      const rows = byWarehouse.get(row.warehouseCode);
      if (rows) rows.push(row);
      else byWarehouse.set(row.warehouseCode, [row]);
    }
    const documents = [...byWarehouse].flatMap(([code, rows]) => {
      const warehouseId = whByCode.get(code)?.id ?? 0;
      const head = rows[0] as ReceiptRow;
      const parts = Math.ceil(rows.length / MAX_DOCUMENT_LINES);
      return Array.from({ length: parts }, (_, part) => {
        const document = receiveStock({
          ctx: { ...ctx, db: tx },
          input: {
            warehouseId,
            source: { kind: head.source, ...(head.reference && { reference: head.reference }) },
            // The note is stored with the document, in the district's language like its other records.
            note: zh(
              parts === 1
                ? msg("stock.note.imported", { file: input.fileName })
                : msg("stock.note.importedPart", { file: input.fileName, part: part + 1, parts }),
            ),
            lines: rows.slice(part * MAX_DOCUMENT_LINES, (part + 1) * MAX_DOCUMENT_LINES).map((r) => ({
              itemId: itemByCode.get(r.itemCode)?.id ?? 0,
              lotCode: r.lotCode,
              ...(r.productionDate && { productionDate: r.productionDate }),
              ...(r.expiryDate && { expiryDate: r.expiryDate }),
              quantity: r.quantity,
              ...(r.unit && { unit: r.unit }),
              ...(r.ownership && { ownership: r.ownership }),
            })),
          },
        });
        return { ...document, warehouseId };
      });
    });
    recordAudit(tx, ctx, {
      action: "stock.importReceipts",
      targetType: "stock_document",
      targetIds: documents.map((d) => d.id),
      summary: {
        fileName: input.fileName,
        bytes: input.content.byteLength,
        rows: parsed.rows.length,
        documents: documents.map((d) => d.number),
      },
    });
    return { documents };
  });
}

/** 库存报表 as .xlsx, with the same filters as the stock overview. */
export function exportBalances(db: DbOrTx, input: BalancesInput = {}, now = new Date()): FileDownload {
  const today = localDate(now);
  const rows = listBalances(db, input, today);
  return {
    fileName: stockReportFileName(today),
    content: buildStockReport(
      rows.map((r) => ({ ...r, status: r.expired ? "expired" : r.lotStatus })),
      {
        date: today,
        filters: {
          ...(input.warehouseId && { warehouse: rows[0]?.warehouseName ?? String(input.warehouseId) }),
          ...(input.itemId && { item: rows[0]?.itemName ?? String(input.itemId) }),
          ...(input.lotSearch && { lot: input.lotSearch }),
          ...(input.ownership && { ownership: input.ownership }),
        },
      },
    ),
  };
}

/** 库存卡 as .xlsx. */
export function exportCard(db: DbOrTx, input: CardInput, now = new Date()): FileDownload {
  const card = stockCard(db, input);
  const warehouse = input.warehouseId
    ? (db.select({ name: warehouses.name }).from(warehouses).where(eq(warehouses.id, input.warehouseId)).get()
        ?.name ?? null)
    : null;
  return {
    fileName: stockCardFileName(card.item.code, localDate(now)),
    content: buildStockCard(
      card.rows.map((r) => ({
        postedAt: localDateTime(r.postedAt),
        number: r.number,
        type: r.type as DocumentType,
        warehouseName: r.warehouseName,
        lotCode: r.lotCode,
        productionDate: r.productionDate,
        expiryDate: r.expiryDate,
        ownership: r.ownership as Ownership,
        received: Math.max(0, r.onHandDelta),
        issued: Math.max(0, -r.onHandDelta),
        balance: r.balance,
      })),
      {
        item: { code: card.item.code, name: card.item.name },
        unit: card.item.baseUnit,
        warehouse,
        ...(input.from && { from: input.from }),
        ...(input.to && { to: input.to }),
        opening: card.opening,
        closing: card.closing,
      },
    ),
  };
}
