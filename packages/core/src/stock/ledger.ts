import {
  type DocumentType,
  type IssueReason,
  items,
  lots,
  type Ownership,
  preparedOnce,
  type ReceiptKind,
  type Tx,
  warehouses,
} from "@relief/db";
import { type Message, msg } from "@relief/domain";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso } from "../context";
import { type ErrorIssue, ValidationError } from "../errors";
import { MAX_BALANCE } from "../limits";
import { nextDocumentNumber } from "./numbering";

/** One change to one balance key (warehouse × item × lot × ownership), bucket by bucket. */
export interface Movement {
  warehouseId: number;
  itemId: number;
  lotId: number;
  ownership: Ownership;
  onHand?: number;
  reserved?: number;
  onHold?: number;
  inTransit?: number;
  /** Index of the input line this movement comes from, so a refusal can be shown beside that line. */
  line?: number;
}

export interface DocumentHeader {
  type: DocumentType;
  warehouseId: number;
  counterpartWarehouseId?: number | null;
  receiptKind?: ReceiptKind | null;
  issueReason?: IssueReason | null;
  adjustmentReasonId?: number | null;
  relatedDocumentId?: number | null;
  dispatchRef?: string | null;
  reference?: string | null;
  note?: string | null;
}

export interface PostedDocument {
  id: number;
  number: string;
  type: DocumentType;
  postedAt: string;
  lineCount: number;
}

interface BalanceRow {
  on_hand: number;
  reserved: number;
  on_hold: number;
  in_transit: number;
}

function statements(tx: Tx) {
  return preparedOnce(tx, "stock.ledger", (client) => ({
    insertLine: client.prepare(
      `INSERT INTO ledger_lines (document_id, warehouse_id, item_id, lot_id, ownership,
         on_hand_delta, reserved_delta, on_hold_delta, in_transit_delta)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // A movement that only adds (a receipt) is one upsert. One that takes anything is an UPDATE of a row
    // the pre-check found: an upsert would test the CHECK constraints against the delta row itself.
    addNew: client.prepare(
      `INSERT INTO balances (warehouse_id, item_id, lot_id, ownership, on_hand, reserved, on_hold, in_transit)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (warehouse_id, item_id, lot_id, ownership) DO UPDATE SET
         on_hand = on_hand + excluded.on_hand, reserved = reserved + excluded.reserved,
         on_hold = on_hold + excluded.on_hold, in_transit = in_transit + excluded.in_transit`,
    ),
    take: client.prepare(
      `UPDATE balances SET on_hand = on_hand + ?, reserved = reserved + ?, on_hold = on_hold + ?,
         in_transit = in_transit + ?
       WHERE warehouse_id = ? AND item_id = ? AND lot_id = ? AND ownership = ?`,
    ),
    insertDocument: client.prepare<unknown[], { id: number }>(
      `INSERT INTO stock_documents (number, type, warehouse_id, counterpart_warehouse_id, receipt_kind, issue_reason,
         adjustment_reason_id, related_document_id, dispatch_ref, reference, note, posted_at, posted_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    ),
    balance: client.prepare<[number, number, number, string], BalanceRow>(
      `SELECT on_hand, reserved, on_hold, in_transit FROM balances
       WHERE warehouse_id = ? AND item_id = ? AND lot_id = ? AND ownership = ?`,
    ),
  }));
}

/**
 * Sums movements per balance key, so a document that touches one key twice is checked on its net effect.
 * A lot belongs to one item, so lot, warehouse and ownership make the key. On the posting hot path: objects
 * are built with a fixed shape, no spreading.
 */
function netMovements(movements: Movement[]): Array<Required<Movement>> {
  const net = new Map<string, Required<Movement>>();
  for (const m of movements) {
    const key = `${m.lotId}|${m.warehouseId}|${m.ownership}`;
    let sum = net.get(key);
    if (!sum) {
      sum = {
        warehouseId: m.warehouseId,
        itemId: m.itemId,
        lotId: m.lotId,
        ownership: m.ownership,
        onHand: 0,
        reserved: 0,
        onHold: 0,
        inTransit: 0,
        line: m.line ?? -1,
      };
      net.set(key, sum);
    }
    sum.onHand += m.onHand ?? 0;
    sum.reserved += m.reserved ?? 0;
    sum.onHold += m.onHold ?? 0;
    sum.inTransit += m.inTransit ?? 0;
  }
  return [...net.values()];
}

function describeKey(tx: Tx, m: Movement): Message {
  const item = tx
    .select({ name: items.name, unit: items.baseUnit })
    .from(items)
    .where(eq(items.id, m.itemId))
    .get();
  const lot = tx.select({ code: lots.lotCode }).from(lots).where(eq(lots.id, m.lotId)).get();
  const wh = tx
    .select({ name: warehouses.name })
    .from(warehouses)
    .where(eq(warehouses.id, m.warehouseId))
    .get();
  return msg("stock.error.balanceKey", {
    warehouse: wh?.name ?? msg("stock.error.unknownWarehouse", { id: m.warehouseId }),
    item: item?.name ?? msg("stock.error.unknownItem", { id: m.itemId }),
    lot: lot?.code ?? String(m.lotId),
    ownership: msg(`stock.ownership.${m.ownership}`),
  });
}

/** No bucket and no available quantity goes down: such a movement cannot break a balance. */
function onlyAdds(m: Required<Movement>): boolean {
  return (
    m.onHand >= 0 &&
    m.reserved >= 0 &&
    m.onHold >= 0 &&
    m.inTransit >= 0 &&
    m.onHand - m.reserved - m.onHold >= 0
  );
}

/** Every delta a whole number within the balance bound: what the ledger's CHECK accepts. */
function withinBalance(m: Movement): boolean {
  return bounded(m.onHand) && bounded(m.reserved) && bounded(m.onHold) && bounded(m.inTransit);
}

function bounded(q: number | undefined): boolean {
  return q === undefined || (Number.isInteger(q) && q <= MAX_BALANCE && q >= -MAX_BALANCE);
}

/**
 * Explains why a net movement would break a balance: which bucket, what is there, what was asked.
 * Returns null when the movement fits; names are looked up only on failure.
 */
function shortfall(tx: Tx, m: Required<Movement>, current: BalanceRow | undefined): ErrorIssue | null {
  const now = current ?? { on_hand: 0, reserved: 0, on_hold: 0, in_transit: 0 };
  const after = {
    onHand: now.on_hand + m.onHand,
    reserved: now.reserved + m.reserved,
    onHold: now.on_hold + m.onHold,
    inTransit: now.in_transit + m.inTransit,
  };
  const broken = (["onHand", "reserved", "onHold", "inTransit"] as const).find((b) => after[b] < 0);
  // Reserved and on hold never exceed on hand, so bounding these two bounds every bucket (the CHECKs agree).
  const overflowing = (["onHand", "inTransit"] as const).find((b) => after[b] > MAX_BALANCE);
  const available = after.onHand - after.reserved - after.onHold;
  if (!broken && !overflowing && available >= 0) return null;
  const unit =
    tx.select({ unit: items.baseUnit }).from(items).where(eq(items.id, m.itemId)).get()?.unit ?? "";
  const field = m.line >= 0 ? { field: `lines.${m.line}.quantity` } : {};
  if (overflowing) {
    return {
      ...field,
      message: msg("stock.error.bucketOverCeiling", {
        key: describeKey(tx, m),
        bucket: msg(`stock.bucket.${overflowing}`),
        after: after[overflowing],
        unit,
        max: MAX_BALANCE,
      }),
    };
  }
  if (broken) {
    return {
      ...field,
      message: msg("stock.error.bucketShort", {
        key: describeKey(tx, m),
        bucket: msg(`stock.bucket.${broken}`),
        have: after[broken] - m[broken],
        unit,
        need: -m[broken],
      }),
    };
  }
  const before = now.on_hand - now.reserved - now.on_hold;
  return {
    ...field,
    message: msg("stock.error.availableShort", {
      key: describeKey(tx, m),
      available: before,
      unit,
      onHand: now.on_hand,
      reserved: now.reserved,
      onHold: now.on_hold,
      need: before - available,
    }),
  };
}

/**
 * The one way stock changes: writes a numbered document, its immutable ledger lines, and the balance
 * cache, in the caller's transaction, with an audit row. Any balance that would go negative — in any bucket,
 * or in available = on hand − reserved − on hold — or beyond MAX_BALANCE fails the whole document with the
 * reason, writing nothing.
 */
export function postDocument(
  tx: Tx,
  ctx: CoreContext,
  header: DocumentHeader,
  movements: Movement[],
  audit: { action: string; summary: unknown },
): PostedDocument {
  const lines = movements.filter((m) => m.onHand || m.reserved || m.onHold || m.inTransit);
  if (lines.length === 0) throw new ValidationError(msg("stock.error.noMovement"));
  const unbounded = lines.find((m) => !withinBalance(m));
  if (unbounded) {
    const message = msg("stock.error.quantityOverCeiling");
    throw new ValidationError(msg("stock.error.lineOverBalanceCeiling", { max: MAX_BALANCE }), [
      unbounded.line === undefined ? { message } : { field: `lines.${unbounded.line}.quantity`, message },
    ]);
  }
  const s = statements(tx);
  const net = netMovements(lines);
  const issues: ErrorIssue[] = [];
  for (const m of net) {
    const problem = shortfall(
      tx,
      m as Required<Movement>,
      s.balance.get(m.warehouseId, m.itemId, m.lotId, m.ownership),
    );
    if (problem) issues.push(problem);
  }
  if (issues.length > 0) {
    throw new ValidationError(
      issues.length === 1 && issues[0]
        ? issues[0].message
        : msg("stock.error.shortItems", { count: issues.length }),
      issues,
    );
  }

  const postedAt = nowIso(ctx);
  const number = nextDocumentNumber(tx, header.type, header.warehouseId, postedAt);
  const doc = s.insertDocument.get(
    number,
    header.type,
    header.warehouseId,
    header.counterpartWarehouseId ?? null,
    header.receiptKind ?? null,
    header.issueReason ?? null,
    header.adjustmentReasonId ?? null,
    header.relatedDocumentId ?? null,
    header.dispatchRef ?? null,
    header.reference ?? null,
    header.note ?? null,
    postedAt,
    ctx.actor?.userId ?? null,
  ) as { id: number };
  for (const m of lines) {
    s.insertLine.run(
      doc.id,
      m.warehouseId,
      m.itemId,
      m.lotId,
      m.ownership,
      m.onHand ?? 0,
      m.reserved ?? 0,
      m.onHold ?? 0,
      m.inTransit ?? 0,
    );
  }
  for (const m of net) {
    if (onlyAdds(m)) {
      s.addNew.run(
        m.warehouseId,
        m.itemId,
        m.lotId,
        m.ownership,
        m.onHand,
        m.reserved,
        m.onHold,
        m.inTransit,
      );
    } else {
      s.take.run(m.onHand, m.reserved, m.onHold, m.inTransit, m.warehouseId, m.itemId, m.lotId, m.ownership);
    }
  }
  recordAudit(tx, ctx, {
    action: audit.action,
    targetType: "stock_document",
    targetIds: [doc.id],
    summary: { number, ...(audit.summary as object) },
  });
  return { id: doc.id, number, type: header.type, postedAt, lineCount: lines.length };
}
