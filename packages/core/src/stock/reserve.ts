import type { DbOrTx, Ownership, Tx } from "@relief/db";
import { msg, type OrderStatus } from "@relief/domain";
import { sql } from "drizzle-orm";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ValidationError } from "../errors";
import { localDate } from "../time";
import { type PostedDocument, postDocument } from "./ledger";
import { inBaseUnits } from "./lines";
import { pickStock } from "./pick";
import { type ReleaseInput, ReservationsInput, type ReserveInput } from "./schemas";
import { warehouseForPosting } from "./scope";

/**
 * 预留: sets usable stock aside for a dispatch. Reserved stock stays on hand but is no longer available
 * to anything else; the dispatch later issues it (`stock.issue` with the same dispatch reference) or
 * releases it. `usableOn` (a district day, default today) leaves out lots expired by then: a dispatch order
 * reserves only what is still usable on its delivery day. `approvedPlan`: reserved by an approved plan's order,
 * in any warehouse, whoever the district lets approve.
 */
export function reserveStock(
  { ctx, input }: { ctx: CoreContext; input: ReserveInput },
  { usableOn, approvedPlan }: { usableOn?: string; approvedPlan?: boolean } = {},
): PostedDocument {
  return withTransaction(ctx, (tx) => {
    const warehouse = warehouseForPosting(tx, ctx, input.warehouseId, { forDispatch: true, approvedPlan });
    const { items: lineItems, lines: requests } = inBaseUnits(tx, input.lines);
    const allocations = pickStock(tx, requests, lineItems, {
      warehouseId: warehouse.id,
      warehouseName: warehouse.name,
      today: usableOn ?? localDate(nowIso(ctx)),
    });
    return postDocument(
      tx,
      ctx,
      {
        type: "reserve",
        warehouseId: warehouse.id,
        dispatchRef: input.dispatchRef,
        note: input.note ?? null,
      },
      allocations.map((a) => ({
        warehouseId: warehouse.id,
        itemId: a.itemId,
        lotId: a.lotId,
        ownership: a.ownership,
        reserved: a.quantity,
      })),
      { action: "stock.reserve", summary: input },
    );
  });
}

interface OpenReservation {
  warehouseId: number;
  itemId: number;
  lotId: number;
  ownership: Ownership;
  reserved: number;
}

/** What a dispatch still holds reserved, per warehouse and balance key. */
export function openReservations(tx: Tx, dispatchRef: string, warehouseId?: number): OpenReservation[] {
  return tx.all<OpenReservation>(
    sql`SELECT ll.warehouse_id AS warehouseId, ll.item_id AS itemId, ll.lot_id AS lotId, ll.ownership,
               SUM(ll.reserved_delta) AS reserved
        FROM ledger_lines ll JOIN stock_documents d ON d.id = ll.document_id
        WHERE d.dispatch_ref = ${dispatchRef} ${warehouseId ? sql`AND ll.warehouse_id = ${warehouseId}` : sql``}
        GROUP BY ll.warehouse_id, ll.item_id, ll.lot_id, ll.ownership
        HAVING SUM(ll.reserved_delta) > 0
        ORDER BY ll.warehouse_id`,
  );
}

/** Posts the release of everything `rows` (one warehouse's open reservations of the dispatch) still hold. */
function postRelease(
  tx: Tx,
  ctx: CoreContext,
  dispatchRef: string,
  warehouseId: number,
  rows: OpenReservation[],
  audit: { note?: string | null; summary: Record<string, unknown> },
): PostedDocument {
  warehouseForPosting(tx, ctx, warehouseId, { forDispatch: true });
  return postDocument(
    tx,
    ctx,
    { type: "release", warehouseId, dispatchRef, note: audit.note ?? null },
    rows.map((r) => ({ ...r, reserved: -r.reserved })),
    { action: "stock.release", summary: audit.summary },
  );
}

/** 释放预留: gives back everything a dispatch still holds reserved (in one warehouse, or in all). */
export function releaseReservation({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: ReleaseInput;
}): PostedDocument[] {
  return withTransaction(ctx, (tx) => {
    const open = openReservations(tx, input.dispatchRef, input.warehouseId);
    if (open.length === 0)
      throw new ValidationError(msg("stock.error.noOpenReservation", { dispatch: input.dispatchRef }));
    const byWarehouse = new Map<number, OpenReservation[]>();
    for (const row of open) {
      const rows = byWarehouse.get(row.warehouseId);
      if (rows) rows.push(row);
      else byWarehouse.set(row.warehouseId, [row]);
    }
    return [...byWarehouse].map(([warehouseId, rows]) =>
      postRelease(tx, ctx, input.dispatchRef, warehouseId, rows, { note: input.note, summary: input }),
    );
  });
}

/**
 * "Release the rest": after an issue or transfer that took part of a dispatch's reservation, gives back what
 * the dispatch still holds in that warehouse, inside the posting's transaction. Nothing left, nothing posted.
 * The flag needs the dispatch's reference (the input schema says so first; this keeps the rule for callers
 * that skip it).
 */
export function releaseRestAfter(
  tx: Tx,
  ctx: CoreContext,
  posting: { warehouseId: number; dispatchRef?: string; releaseRest?: boolean; document: PostedDocument },
): PostedDocument | null {
  if (!posting.releaseRest) return null;
  if (!posting.dispatchRef)
    throw new ValidationError(msg("stock.error.releaseNeedsDispatch"), [
      { field: "dispatchRef", message: msg("stock.error.releaseNeedsDispatch") },
    ]);
  const rows = openReservations(tx, posting.dispatchRef, posting.warehouseId);
  if (rows.length === 0) return null;
  return postRelease(tx, ctx, posting.dispatchRef, posting.warehouseId, rows, {
    summary: {
      dispatchRef: posting.dispatchRef,
      warehouseId: posting.warehouseId,
      after: posting.document.number,
    },
  });
}

export interface ReservationView {
  dispatchRef: string;
  warehouseId: number;
  warehouseName: string;
  itemId: number;
  itemName: string;
  baseUnit: string;
  lotId: number;
  lotCode: string;
  ownership: Ownership;
  reserved: number;
  /** When the reference is a 调拨单's number, the order's status ("reserved": it leaves by its departure). */
  orderStatus: OrderStatus | null;
}

/**
 * What each dispatch (or one) still holds reserved, per warehouse, item and lot. The documents of dispatches
 * lead (CROSS JOIN fixes the order): without it the planner walks every ledger line of every warehouse.
 */
export function listReservations(db: DbOrTx, input: ReservationsInput = {}): ReservationView[] {
  const q = ReservationsInput.parse(input);
  return db.all<ReservationView>(sql`
    SELECT d.dispatch_ref AS dispatchRef, ll.warehouse_id AS warehouseId, w.name AS warehouseName,
           ll.item_id AS itemId, i.name AS itemName, i.base_unit AS baseUnit, ll.lot_id AS lotId,
           l.lot_code AS lotCode, ll.ownership, SUM(ll.reserved_delta) AS reserved,
           (SELECT o.status FROM dispatch_orders o WHERE o.number = d.dispatch_ref) AS orderStatus
    FROM stock_documents d
    CROSS JOIN ledger_lines ll ON ll.document_id = d.id
    JOIN warehouses w ON w.id = ll.warehouse_id
    JOIN items i ON i.id = ll.item_id
    JOIN lots l ON l.id = ll.lot_id
    WHERE d.dispatch_ref IS NOT NULL ${q.dispatchRef ? sql`AND d.dispatch_ref = ${q.dispatchRef}` : sql``}
      ${q.warehouseId ? sql`AND ll.warehouse_id = ${q.warehouseId}` : sql``}
    GROUP BY d.dispatch_ref, ll.warehouse_id, ll.item_id, ll.lot_id, ll.ownership
    HAVING SUM(ll.reserved_delta) > 0
    ORDER BY d.dispatch_ref, w.code, i.code, l.lot_code`);
}
