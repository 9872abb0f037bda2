import { dispatchOrders, type Tx, vehicles } from "@relief/db";
import { msg } from "@relief/domain";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { type Movement, type PostedDocument, postDocument } from "../stock/ledger";
import { openReservations } from "../stock/reserve";
import { warehouseForPosting } from "../stock/scope";
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
import { DepartOrderInput } from "./schemas";

export interface DepartedOrder {
  orderId: number;
  number: string;
  departedAt: string;
  /** The dispatch issue that took the stock out; none for a drill or an order of agreement stock only. */
  issue: PostedDocument | null;
}

/** The truck that leaves: the plan's, or the one named now, which must be in service. */
function departingVehicle(tx: Tx, order: OrderRow, fields: DepartOrderInput) {
  const vehicleId = fields.vehicleId ?? order.vehicleId;
  if (vehicleId === null || vehicleId === undefined) return null;
  const vehicle = tx.select().from(vehicles).where(eq(vehicles.id, vehicleId)).get();
  if (!vehicle) throw new NotFoundError(msg("orders.error.vehicleNotFound", { id: vehicleId }));
  if (!vehicle.active || vehicle.status === "maintenance") {
    throw new ValidationError(msg("orders.error.vehicleUnusable", { plate: vehicle.plate }), [
      { field: "vehicleId", message: msg("orders.error.vehicleUnusable", { plate: vehicle.plate }) },
    ]);
  }
  return vehicle;
}

/**
 * The stock still reserved under the order's number must be exactly what its lines carry, lot by lot: the
 * issue then takes the reservation and nothing else. Anything released or issued meanwhile refuses departure.
 */
function checkReservation(tx: Tx, order: OrderRow, lines: Array<StepLine & { lotId: number }>): void {
  const held = new Map<string, number>();
  for (const r of openReservations(tx, order.number, order.sourceWarehouseId)) {
    const key = `${r.lotId}|${r.ownership}`;
    held.set(key, (held.get(key) ?? 0) + r.reserved);
  }
  const wanted = new Map<string, number>();
  for (const line of lines) {
    const key = `${line.lotId}|${line.ownership}`;
    wanted.set(key, (wanted.get(key) ?? 0) + line.quantity);
  }
  for (const line of lines) {
    const key = `${line.lotId}|${line.ownership}`;
    const reserved = held.get(key) ?? 0;
    if (reserved === wanted.get(key)) continue;
    throw new ConflictError(
      msg("orders.error.reservationChanged", {
        number: order.number,
        line: line.lineNo,
        item: line.itemName,
        lot: line.lotCode ?? "",
        reserved,
        quantity: wanted.get(key) ?? 0,
        unit: line.unit,
      }),
    );
  }
}

/**
 * 发车: the source warehouse confirms loading and departure. The order's reserved stock leaves the warehouse
 * as a dispatch issue under the order's number; an agreement line posts nothing (the enterprise's stock is
 * not in the ledger, its call-off is confirmed on receipt); the truck goes on task. Stock keepers confirm in
 * the warehouses they may post in, dispatchers anywhere. A drill records the departure and posts nothing,
 * nor changes the truck's status.
 */
export function departOrder({ ctx, input }: { ctx: CoreContext; input: DepartOrderInput }): DepartedOrder {
  const fields = DepartOrderInput.parse(input);
  const userId = actorId(ctx);
  return withTransaction(ctx, (tx) => {
    const order = loadOrder(tx, fields.orderId);
    requireStatus(order, "reserved", "orders.error.departNotReserved");
    warehouseForPosting(tx, ctx, order.sourceWarehouseId, { forDispatch: true });
    const { at, issues } = stepTime(ctx, fields.departedAt, "departedAt", msg("orders.field.departedAt"), {
      at: order.createdAt,
      message: msg("orders.error.departedBeforeApproval", { approved: localDateTime(order.createdAt) }),
    });
    if (issues[0]) throw new ValidationError(issues[0].message, issues);
    const vehicle = departingVehicle(tx, order, fields);
    const stock = orderLines(tx, order.id).filter(inLedger);

    let issue: PostedDocument | null = null;
    if (!order.drill && stock.length > 0) {
      checkReservation(tx, order, stock);
      const movements: Movement[] = stock.map((line, index) => ({
        warehouseId: order.sourceWarehouseId,
        itemId: line.itemId,
        lotId: line.lotId,
        ownership: line.ownership,
        onHand: -line.quantity,
        reserved: -line.quantity,
        line: index,
      }));
      issue = postDocument(
        tx,
        ctx,
        {
          type: "issue",
          warehouseId: order.sourceWarehouseId,
          issueReason: "dispatch",
          dispatchRef: order.number,
          reference: order.number,
        },
        movements,
        { action: "stock.issue", summary: { reason: "dispatch", dispatchRef: order.number } },
      );
    }
    if (vehicle && !order.drill && vehicle.status !== "on_task") {
      tx.update(vehicles)
        .set({ status: "on_task", updatedAt: nowIso(ctx) })
        .where(eq(vehicles.id, vehicle.id))
        .run();
    }
    const changed = vehicle && vehicle.id !== order.vehicleId;
    const truck = {
      vehicleId: vehicle?.id ?? null,
      vehicleLabel: changed ? vehicle.plate : order.vehicleLabel,
      plate: fields.plate ?? (changed ? vehicle.plate : order.plate),
      driver: fields.driver ?? (changed ? vehicle.driver : order.driver),
      driverPhone: fields.driverPhone ?? (changed ? vehicle.phone : order.driverPhone),
    };
    tx.update(dispatchOrders)
      .set({ status: "departed", departedAt: at, departedBy: userId, ...truck })
      .where(eq(dispatchOrders.id, order.id))
      .run();
    recordAudit(tx, ctx, {
      action: "dispatch.depart",
      targetType: "dispatch_order",
      targetIds: [order.id],
      summary: { number: order.number, departedAt: at, drill: order.drill, issue: issue?.number, ...truck },
    });
    return { orderId: order.id, number: order.number, departedAt: at, issue };
  });
}
