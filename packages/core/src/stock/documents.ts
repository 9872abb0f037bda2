import { type DbOrTx, stockDocuments } from "@relief/db";
import { msg } from "@relief/domain";
import { eq, sql } from "drizzle-orm";
import { NotFoundError } from "../errors";
import { type Page, pageWindow } from "../paging";
import { containsText } from "../search";
import { addDays, districtDayStart } from "../time";
import { DocumentsInput } from "./schemas";

export interface DocumentSummary {
  id: number;
  number: string;
  type: string;
  warehouseId: number;
  warehouseName: string;
  counterpartWarehouseId: number | null;
  counterpartWarehouseName: string | null;
  receiptKind: string | null;
  issueReason: string | null;
  /** The adjustment reason's name as typed, and its code, by which a seeded reason is labelled. */
  adjustmentReason: string | null;
  adjustmentReasonCode: string | null;
  dispatchRef: string | null;
  reference: string | null;
  note: string | null;
  postedAt: string;
  postedBy: string | null;
  lineCount: number;
  /** The reversal that cancelled this document, if any: number and id. */
  reversedBy: string | null;
  reversedById: number | null;
  /** For a transfer: the document that received it, if any. */
  receivedBy: string | null;
  receivedById: number | null;
}

/** Reversal and receipt of a document: at most one of each (unique index), so the joins never multiply rows. */
const FOLLOWERS = sql`
  LEFT JOIN stock_documents rv ON rv.related_document_id = d.id AND rv.type = 'reversal'
  LEFT JOIN stock_documents rc ON rc.related_document_id = d.id AND rc.type = 'transfer_in'`;

const SUMMARY = sql`
  SELECT d.id, d.number, d.type, d.warehouse_id AS warehouseId, w.name AS warehouseName,
         d.counterpart_warehouse_id AS counterpartWarehouseId, cw.name AS counterpartWarehouseName,
         d.receipt_kind AS receiptKind, d.issue_reason AS issueReason,
         r.name AS adjustmentReason, r.code AS adjustmentReasonCode,
         d.dispatch_ref AS dispatchRef, d.reference, d.note, d.posted_at AS postedAt,
         u.display_name AS postedBy,
         (SELECT COUNT(*) FROM ledger_lines ll WHERE ll.document_id = d.id AND ll.warehouse_id = d.warehouse_id) AS lineCount,
         rv.number AS reversedBy, rv.id AS reversedById, rc.number AS receivedBy, rc.id AS receivedById
  FROM stock_documents d
  JOIN warehouses w ON w.id = d.warehouse_id
  LEFT JOIN warehouses cw ON cw.id = d.counterpart_warehouse_id
  LEFT JOIN adjustment_reasons r ON r.id = d.adjustment_reason_id
  LEFT JOIN users u ON u.id = d.posted_by
  ${FOLLOWERS}`;

/** With `awaitingReceipt`, a warehouse filter means the destination: the transfers it must sign for. */
export function listDocuments(db: DbOrTx, input: DocumentsInput = {}): Page<DocumentSummary> {
  const q = DocumentsInput.parse(input);
  const where = sql`WHERE 1 = 1
    ${
      q.warehouseId
        ? q.awaitingReceipt
          ? sql`AND d.counterpart_warehouse_id = ${q.warehouseId}`
          : sql`AND (d.warehouse_id = ${q.warehouseId} OR d.counterpart_warehouse_id = ${q.warehouseId})`
        : sql``
    }
    ${q.type ? sql`AND d.type = ${q.type}` : sql``}
    ${q.dispatchRef ? sql`AND d.dispatch_ref = ${q.dispatchRef}` : sql``}
    ${q.search ? sql`AND (${containsText(sql`d.number`, q.search)} OR ${containsText(sql`d.reference`, q.search)})` : sql``}
    ${q.from ? sql`AND d.posted_at >= ${districtDayStart(q.from)}` : sql``}
    ${q.to ? sql`AND d.posted_at < ${districtDayStart(addDays(q.to, 1))}` : sql``}
    ${q.awaitingReceipt ? sql`AND d.type = 'transfer_out' AND rv.id IS NULL AND rc.id IS NULL` : sql``}`;
  const total =
    db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM stock_documents d ${FOLLOWERS} ${where}`)?.n ?? 0;
  const { limit, offset } = pageWindow(q);
  const rows = db.all<DocumentSummary>(
    sql`${SUMMARY} ${where} ORDER BY d.id DESC LIMIT ${limit} OFFSET ${offset}`,
  );
  return { total, rows };
}

export interface DocumentLineView {
  id: number;
  warehouseId: number;
  warehouseName: string;
  itemId: number;
  itemCode: string;
  itemName: string;
  specification: string;
  baseUnit: string;
  lotId: number;
  lotCode: string;
  productionDate: string | null;
  expiryDate: string | null;
  ownership: string;
  onHandDelta: number;
  reservedDelta: number;
  onHoldDelta: number;
  inTransitDelta: number;
}

export interface DocumentDetail extends DocumentSummary {
  relatedDocument: { id: number; number: string; type: string } | null;
  lines: DocumentLineView[];
}

export function getDocument(db: DbOrTx, id: number): DocumentDetail {
  const summary = db.get<DocumentSummary>(sql`${SUMMARY} WHERE d.id = ${id}`);
  if (!summary) throw new NotFoundError(msg("stock.error.documentNotFound", { id }));
  const header = db.select().from(stockDocuments).where(eq(stockDocuments.id, id)).get();
  const related = header?.relatedDocumentId
    ? (db
        .select({ id: stockDocuments.id, number: stockDocuments.number, type: stockDocuments.type })
        .from(stockDocuments)
        .where(eq(stockDocuments.id, header.relatedDocumentId))
        .get() ?? null)
    : null;
  const lines = db.all<DocumentLineView>(sql`
    SELECT ll.id, ll.warehouse_id AS warehouseId, w.name AS warehouseName, ll.item_id AS itemId,
           i.code AS itemCode, i.name AS itemName, i.specification, i.base_unit AS baseUnit,
           ll.lot_id AS lotId, l.lot_code AS lotCode, l.production_date AS productionDate,
           l.expiry_date AS expiryDate, ll.ownership,
           ll.on_hand_delta AS onHandDelta, ll.reserved_delta AS reservedDelta,
           ll.on_hold_delta AS onHoldDelta, ll.in_transit_delta AS inTransitDelta
    FROM ledger_lines ll
    JOIN warehouses w ON w.id = ll.warehouse_id
    JOIN items i ON i.id = ll.item_id
    JOIN lots l ON l.id = ll.lot_id
    WHERE ll.document_id = ${id}
    ORDER BY ll.id`);
  return { ...summary, relatedDocument: related, lines };
}
