import { dispatchOrderLines, dispatchOrders, items, lots, type OrderStatus, type Tx } from "@relief/db";
import { type Message, msg } from "@relief/domain";
import { asc, eq } from "drizzle-orm";
import { type CoreContext, nowIso } from "../context";
import { ConflictError, type ErrorIssue, NotFoundError, UnauthorizedError } from "../errors";
import { instantIssues } from "../incidents/create";

/** What departure and receipt share: the order, its lines with their names, and the checks of a step. */

export type OrderRow = typeof dispatchOrders.$inferSelect;

export interface StepLine {
  id: number;
  lineNo: number;
  itemId: number;
  itemName: string;
  unit: string;
  lotId: number | null;
  lotCode: string | null;
  ownership: (typeof dispatchOrderLines.$inferSelect)["ownership"];
  quantity: number;
  calloffId: number | null;
}

export function loadOrder(tx: Tx, orderId: number): OrderRow {
  const order = tx.select().from(dispatchOrders).where(eq(dispatchOrders.id, orderId)).get();
  if (!order) throw new NotFoundError(msg("orders.error.orderNotFound", { id: orderId }));
  return order;
}

export function orderLines(tx: Tx, orderId: number): StepLine[] {
  return tx
    .select({
      id: dispatchOrderLines.id,
      lineNo: dispatchOrderLines.lineNo,
      itemId: dispatchOrderLines.itemId,
      itemName: items.name,
      unit: items.baseUnit,
      lotId: dispatchOrderLines.lotId,
      lotCode: lots.lotCode,
      ownership: dispatchOrderLines.ownership,
      quantity: dispatchOrderLines.quantity,
      calloffId: dispatchOrderLines.calloffId,
    })
    .from(dispatchOrderLines)
    .innerJoin(items, eq(items.id, dispatchOrderLines.itemId))
    .leftJoin(lots, eq(lots.id, dispatchOrderLines.lotId))
    .where(eq(dispatchOrderLines.orderId, orderId))
    .orderBy(asc(dispatchOrderLines.lineNo))
    .all();
}

/**
 * The ledger carries a line when it names a lot of the district's stock. An agreement line is the enterprise's
 * stock, called off and delivered by the enterprise: the ledger never held it.
 */
export function inLedger(line: StepLine): line is StepLine & { lotId: number; lotCode: string } {
  return line.lotId !== null && line.calloffId === null;
}

/** Refuses a step unless the order is in the status it starts from. */
export function requireStatus(
  order: OrderRow,
  from: OrderStatus,
  refusal: "orders.error.departNotReserved" | "orders.error.receiveNotDeparted",
): void {
  if (order.status === from) return;
  throw new ConflictError(
    msg(refusal, { number: order.number, status: msg(`orders.status.${order.status}`) }),
  );
}

/** The acting user's id; a step is always someone's. */
export function actorId(ctx: CoreContext): number {
  if (!ctx.actor) throw new UnauthorizedError();
  return ctx.actor.userId;
}

/** The step's time: as typed or now; never in the future, never before the step it follows. */
export function stepTime(
  ctx: CoreContext,
  typed: string | undefined,
  field: string,
  label: Message,
  after: { at: string; message: Message },
): { at: string; issues: ErrorIssue[] } {
  const now = nowIso(ctx);
  let at = typed ? new Date(typed).toISOString() : now;
  // People type times to the minute: one in the same minute as the step it follows (a departure confirmed
  // seconds after approval) is that step's time, not a time before it.
  const afterMs = Date.parse(after.at);
  if (Date.parse(at) < afterMs && Date.parse(at) >= afterMs - (afterMs % 60_000)) at = after.at;
  return { at, issues: instantIssues(at, field, label, now, after) };
}
