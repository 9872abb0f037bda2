import {
  DOCUMENT_TYPES,
  ISSUE_REASONS,
  LOT_STATUSES,
  OWNERSHIPS,
  RECEIPT_KINDS,
  STOCK_COUNT_STATUSES,
} from "@relief/domain";
import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { items } from "./items";
import { users } from "./users";
import { warehouses } from "./warehouses";

export {
  DOCUMENT_TYPES,
  type DocumentType,
  ISSUE_REASONS,
  type IssueReason,
  LOT_STATUSES,
  type LotStatus,
  OWNERSHIPS,
  type Ownership,
  RECEIPT_KINDS,
  type ReceiptKind,
  STOCK_COUNT_STATUSES,
} from "@relief/domain";

/**
 * The most one line of any input may move or commit, in base units, after converting packs: a billion bottles
 * is more than the district holds of anything. Checked in the core before anything is written.
 */
export const MAX_LINE_QUANTITY = 1_000_000_000;

/**
 * The bound of every balance bucket and of every ledger line delta, in base units, enforced by CHECKs. A
 * thousand full lines on one key; any sum over thousands of keys stays far below 2^53 (exact in JavaScript)
 * and 2^63 (where SQLite's SUM gives up).
 */
export const MAX_BALANCE = 1_000_000_000_000;
const maxBalance = sql.raw(String(MAX_BALANCE));

/** The key of a balance — warehouse × item × lot × ownership — as columns of the tables that carry it. */
function balanceKey() {
  return {
    warehouseId: integer("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id),
    lotId: integer("lot_id")
      .notNull()
      .references(() => lots.id),
    ownership: text("ownership", { enum: OWNERSHIPS }).notNull(),
  };
}

export const lots = sqliteTable(
  "lots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id),
    lotCode: text("lot_code").notNull(),
    productionDate: text("production_date"),
    expiryDate: text("expiry_date"),
    status: text("status", { enum: LOT_STATUSES }).notNull().default("available"),
    statusNote: text("status_note"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("lots_item_code_idx").on(t.itemId, t.lotCode),
    index("lots_expiry_idx").on(t.expiryDate),
  ],
);

/** Reasons for adjustments are data (OpenLMIS-style), not an enum. */
export const adjustmentReasons = sqliteTable("adjustment_reasons", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  /** Which way the reason may move stock. */
  direction: text("direction", { enum: ["increase", "decrease", "both"] }).notNull(),
  /** Whether a free-text note is required with it. */
  noteRequired: integer("note_required", { mode: "boolean" }).notNull().default(false),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
});

/**
 * A stock document: the header of one posted movement. Documents and their lines are never updated or
 * deleted (triggers enforce it); a mistake is corrected by a reversal document.
 */
export const stockDocuments = sqliteTable(
  "stock_documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** `RK-202611-MZ01-0001`: type, month, warehouse, sequence. */
    number: text("number").notNull().unique(),
    type: text("type", { enum: DOCUMENT_TYPES }).notNull(),
    warehouseId: integer("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    /** The other warehouse of a transfer. */
    counterpartWarehouseId: integer("counterpart_warehouse_id").references(() => warehouses.id),
    receiptKind: text("receipt_kind", { enum: RECEIPT_KINDS }),
    issueReason: text("issue_reason", { enum: ISSUE_REASONS }),
    adjustmentReasonId: integer("adjustment_reason_id").references(() => adjustmentReasons.id),
    /** For transfer_in: the transfer_out it receives; for reversal: the document it cancels. */
    relatedDocumentId: integer("related_document_id").references((): AnySQLiteColumn => stockDocuments.id),
    /** The dispatch a reservation, release or dispatch issue belongs to. */
    dispatchRef: text("dispatch_ref"),
    /** External reference: purchase order, allocation letter, agreement number … */
    reference: text("reference"),
    note: text("note"),
    postedAt: text("posted_at").notNull(),
    postedBy: integer("posted_by").references(() => users.id),
  },
  (t) => [
    index("stock_documents_warehouse_idx").on(t.warehouseId, t.postedAt),
    index("stock_documents_type_idx").on(t.type),
    index("stock_documents_dispatch_idx").on(t.dispatchRef),
    index("stock_documents_related_idx").on(t.relatedDocumentId),
  ],
);

/**
 * The ledger. Each line moves one bucket or more of one balance key (warehouse × item × lot × ownership):
 * on hand, reserved, on hold, and in transit towards this warehouse. Balances are the sums of these deltas.
 */
export const ledgerLines = sqliteTable(
  "ledger_lines",
  {
    // A plain rowid key: lines are never deleted, so ids still only grow, without AUTOINCREMENT's
    // extra write per insert.
    id: integer("id").primaryKey(),
    documentId: integer("document_id")
      .notNull()
      .references(() => stockDocuments.id),
    ...balanceKey(),
    onHandDelta: integer("on_hand_delta").notNull().default(0),
    reservedDelta: integer("reserved_delta").notNull().default(0),
    onHoldDelta: integer("on_hold_delta").notNull().default(0),
    inTransitDelta: integer("in_transit_delta").notNull().default(0),
  },
  // Few indexes: every one is written on every posted line. Documents read their lines by document;
  // stock cards read an item's lines, in one warehouse or all.
  (t) => [
    index("ledger_lines_document_idx").on(t.documentId),
    index("ledger_lines_item_idx").on(t.itemId, t.warehouseId),
    // BETWEEN rather than abs(): abs() of the smallest 64-bit integer raises an overflow of its own.
    check(
      "ledger_lines_bounded",
      sql`${t.onHandDelta} BETWEEN -${maxBalance} AND ${maxBalance}
        AND ${t.reservedDelta} BETWEEN -${maxBalance} AND ${maxBalance}
        AND ${t.onHoldDelta} BETWEEN -${maxBalance} AND ${maxBalance}
        AND ${t.inTransitDelta} BETWEEN -${maxBalance} AND ${maxBalance}`,
    ),
  ],
);

/**
 * The balance cache, kept in the same transaction as the ledger lines; `stock.verify` rebuilds and compares.
 * Migration 0003 stores it WITHOUT ROWID (0007 keeps it), clustered on its key: every write and most reads go by that
 * key (or a prefix of it), and one B-tree instead of two halves the pages a posting dirties. A later change to this
 * table must keep that (drizzle-kit does not know the option).
 */
export const balances = sqliteTable(
  "balances",
  {
    ...balanceKey(),
    onHand: integer("on_hand").notNull().default(0),
    reserved: integer("reserved").notNull().default(0),
    onHold: integer("on_hold").notNull().default(0),
    inTransit: integer("in_transit").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.warehouseId, t.itemId, t.lotId, t.ownership] }),
    // No index by item or by lot (migration 0010 dropped the ones 0009 added): at four years the planner
    // drove whole-district reads through them, a lookup per balance, 6-10x slower than reading the table in
    // key order; reads by item or lot probe the key once per warehouse instead (a few dozen probes).
    // The last line of defence: no code path can leave a negative bucket or promise more than is there.
    check(
      "balances_nonnegative",
      sql`${t.onHand} >= 0 AND ${t.reserved} >= 0 AND ${t.onHold} >= 0 AND ${t.inTransit} >= 0`,
    ),
    check("balances_available_nonnegative", sql`${t.onHand} - ${t.reserved} - ${t.onHold} >= 0`),
    // Reserved and on hold are bounded by on hand through the check above.
    check("balances_bounded", sql`${t.onHand} <= ${maxBalance} AND ${t.inTransit} <= ${maxBalance}`),
  ],
);

export const documentSequences = sqliteTable(
  "document_sequences",
  {
    prefix: text("prefix").notNull(),
    month: text("month").notNull(),
    warehouseId: integer("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.month, t.warehouseId] })],
);

/** A stocktake (盘点): expected quantities frozen at opening, counted ones entered, differences posted. */
export const stockCounts = sqliteTable(
  "stock_counts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    number: text("number").notNull().unique(),
    warehouseId: integer("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    status: text("status", { enum: STOCK_COUNT_STATUSES }).notNull().default("open"),
    openedAt: text("opened_at").notNull(),
    openedBy: integer("opened_by").references(() => users.id),
    closedAt: text("closed_at"),
    closedBy: integer("closed_by").references(() => users.id),
    /** The adjustment document the submission posted, if there were differences. */
    adjustmentDocumentId: integer("adjustment_document_id").references(() => stockDocuments.id),
    note: text("note"),
  },
  (t) => [index("stock_counts_warehouse_idx").on(t.warehouseId, t.status)],
);

export const stockCountLines = sqliteTable(
  "stock_count_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    countId: integer("count_id")
      .notNull()
      .references(() => stockCounts.id, { onDelete: "cascade" }),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id),
    lotId: integer("lot_id")
      .notNull()
      .references(() => lots.id),
    ownership: text("ownership", { enum: OWNERSHIPS }).notNull(),
    expected: integer("expected").notNull(),
    counted: integer("counted"),
    reasonId: integer("reason_id").references(() => adjustmentReasons.id),
  },
  (t) => [uniqueIndex("stock_count_lines_key_idx").on(t.countId, t.itemId, t.lotId, t.ownership)],
);
