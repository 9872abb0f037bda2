import {
  agreementCalloffs,
  type DiscrepancyOutcome,
  dispatchOrderLines,
  dispatchOrders,
  stockDocuments,
  type Tx,
  vehicles,
} from "@relief/db";
import { msg } from "@relief/domain";
import { and, eq, ne } from "drizzle-orm";
import type { z } from "zod";
import { confirmCalloff } from "../agreements/calloffs";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { type ErrorIssue, ValidationError } from "../errors";
import { type PostedDocument, postDocument } from "../stock/ledger";
import { localDateTime } from "../time";
import {
  actorId,
  inLedger,
  loadOrder,
  type OrderRow,
  orderLines,
  requireStatus,
  type StepLine,
  stepTime,
} from "./order-step";
import { ReceiveOrderInput } from "./schemas";

type ReceiptLine = z.output<typeof ReceiveOrderInput>["lines"][number];

interface Received {
  line: StepLine;
  quantity: number;
  note: string | null;
  /** What fell short, what became of it and why. */
  short: { quantity: number; outcome: DiscrepancyOutcome; reason: string } | null;
}

export interface ReceivedOrder {
  orderId: number;
  number: string;
  receivedAt: string;
  /** The receipt that put a returned shortfall back on the source warehouse's shelves. */
  returned: PostedDocument | null;
}

/**
 * Matches the receipt to the order line by line: every line once, no more than departed, and a shortfall
 * accounted for. All problems are reported together, each beside its line.
 */
function matchLines(order: OrderRow, lines: StepLine[], typed: ReceiptLine[]): Received[] {
  const issues: ErrorIssue[] = [];
  const byId = new Map(lines.map((line) => [line.id, line]));
  const listed = new Set<number>();
  const matched: Received[] = [];
  typed.forEach((entry, index) => {
    const field = `lines.${index}`;
    const line = byId.get(entry.lineId);
    if (!line) {
      issues.push({
        field: `${field}.lineId`,
        message: msg("orders.error.lineUnknown", { lineId: entry.lineId, number: order.number }),
      });
      return;
    }
    const names = { line: line.lineNo, item: line.itemName };
    if (listed.has(line.id)) {
      issues.push({ field: `${field}.lineId`, message: msg("orders.error.lineTwice", names) });
      return;
    }
    listed.add(line.id);
    const missing = line.quantity - entry.quantity;
    if (missing < 0) {
      const message = msg("orders.error.overDeparted", {
        ...names,
        received: entry.quantity,
        quantity: line.quantity,
        unit: line.unit,
      });
      issues.push({ field: `${field}.quantity`, message });
      return;
    }
    if (missing > 0 && !entry.discrepancy) {
      const message = msg("orders.error.shortWithoutOutcome", { ...names, missing, unit: line.unit });
      issues.push({ field: `${field}.discrepancy`, message });
      return;
    }
    if (missing === 0 && entry.discrepancy) {
      issues.push({
        field: `${field}.discrepancy`,
        message: msg("orders.error.outcomeWithoutShortfall", names),
      });
      return;
    }
    matched.push({
      line,
      quantity: entry.quantity,
      note: entry.note || null,
      short: entry.discrepancy ? { quantity: missing, ...entry.discrepancy } : null,
    });
  });
  for (const line of lines) {
    if (!listed.has(line.id)) {
      issues.push({
        field: "lines",
        message: msg("orders.error.lineMissing", { line: line.lineNo, item: line.itemName }),
      });
    }
  }
  if (issues.length > 0) {
    const several = msg("orders.error.receiptLines", { count: issues.length });
    throw new ValidationError(issues.length === 1 && issues[0] ? issues[0].message : several, issues);
  }
  return matched;
}

/**
 * A returned shortfall comes back as a receipt of kind 归还入库 into the source warehouse, the same lot and
 * ownership it left as, tied to the order's issue. Not a reversal: a reversal undoes a whole document, and
 * the rest of the issue was delivered.
 */
function postReturn(tx: Tx, ctx: CoreContext, order: OrderRow, received: Received[]): PostedDocument | null {
  const back = received.filter((r) => r.short?.outcome === "returned" && inLedger(r.line));
  if (back.length === 0) return null;
  const issue = tx
    .select({ id: stockDocuments.id })
    .from(stockDocuments)
    .where(and(eq(stockDocuments.dispatchRef, order.number), eq(stockDocuments.type, "issue")))
    .get();
  return postDocument(
    tx,
    ctx,
    {
      type: "receipt",
      warehouseId: order.sourceWarehouseId,
      receiptKind: "return",
      relatedDocumentId: issue?.id ?? null,
      dispatchRef: order.number,
      reference: order.number,
    },
    back.map((r) => ({
      warehouseId: order.sourceWarehouseId,
      itemId: r.line.itemId,
      lotId: r.line.lotId as number,
      ownership: r.line.ownership,
      onHand: r.short?.quantity ?? 0,
    })),
    { action: "stock.receive", summary: { kind: "return", dispatchRef: order.number } },
  );
}

/**
 * An agreement line's call-off is confirmed with what the township received, so the enterprise's fill rate
 * and credit grade read the delivery. A call-off of the incident may feed several orders: it is confirmed
 * once every order still drawing on it has been received, with their total. One the commerce bureau has
 * already confirmed or cancelled keeps its record.
 */
function confirmCalloffs(
  tx: Tx,
  ctx: CoreContext,
  received: Received[],
  receipt: { at: string; signer: string },
): string[] {
  const ids = [...new Set(received.flatMap((r) => (r.line.calloffId === null ? [] : [r.line.calloffId])))];
  return ids.flatMap((id) => {
    const calloff = tx.select().from(agreementCalloffs).where(eq(agreementCalloffs.id, id)).get();
    if (!calloff || calloff.deliveredAt !== null || calloff.cancelledAt !== null) return [];
    const drawing = tx
      .select({ received: dispatchOrderLines.receivedQuantity })
      .from(dispatchOrderLines)
      .innerJoin(dispatchOrders, eq(dispatchOrders.id, dispatchOrderLines.orderId))
      .where(and(eq(dispatchOrderLines.calloffId, id), ne(dispatchOrders.status, "cancelled")))
      .all();
    if (drawing.some((d) => d.received === null)) return [];
    const shortfalls = received.filter((r) => r.line.calloffId === id && r.short).map((r) => r.short?.reason);
    confirmCalloff({
      ctx: { ...ctx, db: tx },
      input: {
        id,
        deliveredQuantity: drawing.reduce((sum, d) => sum + (d.received ?? 0), 0),
        deliveredAt: receipt.at,
        confirmedBy: receipt.signer,
        note: shortfalls.length > 0 ? shortfalls.join("；") : null,
      },
    });
    return [calloff.number];
  });
}

/** The truck is free again once no other real order it carries is still on the road. */
function freeVehicle(tx: Tx, ctx: CoreContext, order: OrderRow): void {
  if (order.drill || order.vehicleId === null) return;
  const stillOut = tx
    .select({ id: dispatchOrders.id })
    .from(dispatchOrders)
    .where(
      and(
        eq(dispatchOrders.vehicleId, order.vehicleId),
        eq(dispatchOrders.status, "departed"),
        eq(dispatchOrders.drill, false),
        ne(dispatchOrders.id, order.id),
      ),
    )
    .get();
  if (stillOut) return;
  tx.update(vehicles)
    .set({ status: "available", updatedAt: nowIso(ctx) })
    .where(and(eq(vehicles.id, order.vehicleId), eq(vehicles.status, "on_task")))
    .run();
}

/**
 * 签收: the receiving township's receipt, which a dispatcher may record on its behalf. Each line's quantity
 * received; a shortfall is never dropped: returned to the warehouse (posted back as a receipt) or lost (it
 * left with the issue; recorded with its reason). An agreement line confirms its call-off's delivery with
 * what arrived, which the enterprise's credit grade reads. A drill records the receipt and posts nothing.
 */
export function receiveOrder({ ctx, input }: { ctx: CoreContext; input: ReceiveOrderInput }): ReceivedOrder {
  const fields = ReceiveOrderInput.parse(input);
  const userId = actorId(ctx);
  return withTransaction(ctx, (tx) => {
    const order = loadOrder(tx, fields.orderId);
    requireStatus(order, "departed", "orders.error.receiveNotDeparted");
    const departedAt = order.departedAt ?? order.createdAt;
    const { at, issues } = stepTime(ctx, fields.receivedAt, "receivedAt", msg("orders.field.receivedAt"), {
      at: departedAt,
      message: msg("orders.error.receivedBeforeDeparture", { departed: localDateTime(departedAt) }),
    });
    if (issues[0]) throw new ValidationError(issues[0].message, issues);
    const received = matchLines(order, orderLines(tx, order.id), fields.lines);

    const returned = order.drill ? null : postReturn(tx, ctx, order, received);
    for (const r of received) {
      tx.update(dispatchOrderLines)
        .set({
          receivedQuantity: r.quantity,
          discrepancyQuantity: r.short?.quantity ?? null,
          discrepancyOutcome: r.short?.outcome ?? null,
          discrepancyReason: r.short?.reason ?? null,
          note: r.note,
        })
        .where(eq(dispatchOrderLines.id, r.line.id))
        .run();
    }
    const calloffs = order.drill ? [] : confirmCalloffs(tx, ctx, received, { at, signer: fields.signer });
    tx.update(dispatchOrders)
      .set({ status: "received", receivedAt: at, receivedBy: userId, signer: fields.signer })
      .where(eq(dispatchOrders.id, order.id))
      .run();
    freeVehicle(tx, ctx, order);
    recordAudit(tx, ctx, {
      action: "dispatch.receive",
      targetType: "dispatch_order",
      targetIds: [order.id],
      summary: {
        number: order.number,
        receivedAt: at,
        signer: fields.signer,
        drill: order.drill,
        returned: returned?.number,
        calloffs,
        discrepancies: received
          .filter((r) => r.short)
          .map((r) => ({ line: r.line.lineNo, item: r.line.itemName, ...r.short })),
      },
    });
    return { orderId: order.id, number: order.number, receivedAt: at, returned };
  });
}
