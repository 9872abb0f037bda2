import { dispatchOrders, type Tx } from "@relief/db";
import { msg } from "@relief/domain";
import { and, eq } from "drizzle-orm";
import { ValidationError } from "../errors";

/**
 * A 调拨单 waiting to leave holds its stock reserved under its own number, and its departure issues exactly those
 * lots. Issued or sent by hand, the reservation would be gone when the truck is confirmed, and the departure
 * refused: such stock leaves through the order page only.
 */
export function assertNotOrderReservation(tx: Tx, dispatchRef: string | undefined): void {
  if (!dispatchRef) return;
  const order = tx
    .select({ number: dispatchOrders.number })
    .from(dispatchOrders)
    .where(and(eq(dispatchOrders.number, dispatchRef), eq(dispatchOrders.status, "reserved")))
    .get();
  if (order)
    throw new ValidationError(msg("stock.error.orderLeavesByDeparture", { order: order.number }), [
      { field: "dispatchRef", message: msg("stock.error.orderLeavesByDeparture", { order: order.number }) },
    ]);
}
