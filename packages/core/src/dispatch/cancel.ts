import { agreementCalloffs, dispatchOrders, dispatchPlans, type Tx } from "@relief/db";
import { msg } from "@relief/domain";
import { and, asc, eq, isNull } from "drizzle-orm";
import { cancelCalloff } from "../agreements/calloffs";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, NotFoundError, UnauthorizedError } from "../errors";
import { openReservations, releaseReservation } from "../stock/reserve";
import { CancelDispatchInput, CancelOrderInput, CancelPlanInput } from "./order-schemas";

type OrderRow = typeof dispatchOrders.$inferSelect;

/** What a cancellation did: the orders it cancelled, and those of the plan that had left and stay as they are. */
export interface CancelResult {
  cancelled: Array<{ id: number; number: string }>;
  remaining: Array<{ id: number; number: string; status: OrderRow["status"] }>;
}

function refuseUnlessCancellable(order: OrderRow): void {
  const number = order.number;
  if (order.status === "cancelled") throw new ConflictError(msg("orders.error.orderCancelled", { number }));
  if (order.status === "departed") throw new ConflictError(msg("orders.error.orderDeparted", { number }));
  if (order.status === "received") throw new ConflictError(msg("orders.error.orderReceived", { number }));
}

/**
 * Undoes one undeparted order: releases what is still reserved under its number, withdraws the call-offs it
 * made under its number (the incident's own call-offs stay: they were asked for the incident, and a re-plan
 * draws on them again), and records who cancelled it, when and why. A drill's order held nothing.
 */
export function cancelOne(tx: Tx, ctx: CoreContext, order: OrderRow, reason: string, at: string): void {
  const actor = ctx.actor as NonNullable<CoreContext["actor"]>;
  const inner: CoreContext = { ...ctx, db: tx };
  if (!order.drill) {
    if (openReservations(tx, order.number).length > 0)
      releaseReservation({ ctx: inner, input: { dispatchRef: order.number, note: reason } });
    const calloffs = tx
      .select({ id: agreementCalloffs.id })
      .from(agreementCalloffs)
      .where(
        and(
          eq(agreementCalloffs.dispatchRef, order.number),
          isNull(agreementCalloffs.cancelledAt),
          isNull(agreementCalloffs.deliveredAt),
        ),
      )
      .all();
    for (const c of calloffs) cancelCalloff({ ctx: inner, input: { id: c.id, reason } });
  }
  tx.update(dispatchOrders)
    .set({ status: "cancelled", cancelledAt: at, cancelledBy: actor.userId, cancelReason: reason })
    .where(eq(dispatchOrders.id, order.id))
    .run();
}

/** Cancels one dispatch order before it departs; nothing is written when it has departed or is cancelled. */
export function cancelOrder({ ctx, input }: { ctx: CoreContext; input: CancelOrderInput }): CancelResult {
  if (!ctx.actor) throw new UnauthorizedError();
  const fields = CancelOrderInput.parse(input);
  const at = nowIso(ctx);
  return withTransaction(ctx, (tx) => {
    const order = tx.select().from(dispatchOrders).where(eq(dispatchOrders.id, fields.orderId)).get();
    if (!order) throw new NotFoundError(msg("orders.error.orderNotFound", { id: String(fields.orderId) }));
    refuseUnlessCancellable(order);
    cancelOne(tx, ctx, order, fields.reason, at);
    recordAudit(tx, ctx, {
      action: "dispatch.cancel",
      targetType: "dispatch_order",
      targetIds: [order.id],
      summary: { ...fields, number: order.number },
    });
    return { cancelled: [{ id: order.id, number: order.number }], remaining: [] };
  });
}

/**
 * Cancels a plan: every order not yet departed is cancelled as `cancelOrder` would; departed and received ones
 * stay and are named in the answer. A plan left with nothing on the road is cancelled as a whole (it can no
 * longer be approved); an unapproved plan is simply marked cancelled.
 */
export function cancelPlan({ ctx, input }: { ctx: CoreContext; input: CancelPlanInput }): CancelResult {
  if (!ctx.actor) throw new UnauthorizedError();
  const fields = CancelPlanInput.parse(input);
  const at = nowIso(ctx);
  return withTransaction(ctx, (tx) => {
    const plan = tx.select().from(dispatchPlans).where(eq(dispatchPlans.id, fields.planId)).get();
    if (!plan) throw new NotFoundError(msg("dispatch.error.planNotFound", { id: String(fields.planId) }));
    const version = plan.version;
    if (plan.cancelledAt) throw new ConflictError(msg("orders.error.planCancelled", { version }));
    const orders = tx
      .select()
      .from(dispatchOrders)
      .where(eq(dispatchOrders.planId, plan.id))
      .orderBy(asc(dispatchOrders.id))
      .all();
    const open = orders.filter((o) => o.status === "reserved");
    const remaining = orders.filter((o) => o.status === "departed" || o.status === "received");
    if (plan.approvedAt && open.length === 0)
      throw new ConflictError(msg("orders.error.planNothingToCancel", { version }));
    for (const order of open) cancelOne(tx, ctx, order, fields.reason, at);
    if (remaining.length === 0)
      tx.update(dispatchPlans).set({ cancelledAt: at }).where(eq(dispatchPlans.id, plan.id)).run();
    recordAudit(tx, ctx, {
      action: "dispatch.cancel",
      targetType: "dispatch_plan",
      targetIds: [plan.id],
      summary: { ...fields, cancelled: open.map((o) => o.number), remaining: remaining.map((o) => o.number) },
    });
    return {
      cancelled: open.map((o) => ({ id: o.id, number: o.number })),
      remaining: remaining.map((o) => ({ id: o.id, number: o.number, status: o.status })),
    };
  });
}

/** `dispatch.cancel`: one order (`orderId`) or a whole plan (`planId`), with the reason. */
export function cancelDispatch({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: CancelDispatchInput;
}): CancelResult {
  const fields = CancelDispatchInput.parse(input);
  return fields.orderId !== undefined
    ? cancelOrder({ ctx, input: { orderId: fields.orderId, reason: fields.reason } })
    : cancelPlan({ ctx, input: { planId: fields.planId as number, reason: fields.reason } });
}
