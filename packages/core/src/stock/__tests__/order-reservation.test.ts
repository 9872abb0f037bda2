import { warehouses } from "@relief/db";
import { ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ordersWorld } from "../../dispatch/__tests__/orders-fixture";
import { stockSnapshot, zhThrown } from "../../testing";
import { issueStock } from "../issue";
import { listReservations } from "../reserve";
import { transferStock } from "../transfer";

/**
 * A 调拨单 waiting to leave keeps its stock reserved under its number, and its departure issues exactly those lots:
 * a clerk cannot issue or send them by hand (the reservation picker shows the order, not choosable).
 */
describe("a dispatch order's reservation leaves by its departure only", () => {
  it("refuses an issue or transfer from it, naming the order, and writes nothing", async () => {
    const w = await ordersWorld();
    const {
      orders: [order],
    } = await w.approvedOrders(["木洞镇"], { relocated: 300 });
    if (!order) throw new Error("no order");
    const reserved = listReservations(w.database.db, { dispatchRef: order.number });
    expect(reserved.length).toBeGreaterThan(0);
    expect(reserved.every((r) => r.orderStatus === "reserved")).toBe(true);
    const line = reserved[0] as (typeof reserved)[number];

    const before = stockSnapshot(w.database);
    const lines = [{ itemId: line.itemId, lotId: line.lotId, quantity: 1 }];
    expect(
      zhThrown(() =>
        issueStock({
          ctx: w.ctx,
          input: {
            warehouseId: line.warehouseId,
            reason: "dispatch",
            dispatchRef: order.number,
            releaseRest: true,
            lines,
          },
        }),
      ),
    ).toContain(`${order.number} 是待出发的调拨单`);
    const other = w.database.db
      .select({ id: warehouses.id })
      .from(warehouses)
      .where(ne(warehouses.id, line.warehouseId))
      .get();
    if (!other) throw new Error("the demo data has one warehouse");
    expect(
      zhThrown(() =>
        transferStock({
          ctx: w.ctx,
          input: {
            fromWarehouseId: line.warehouseId,
            toWarehouseId: other.id,
            dispatchRef: order.number,
            lines,
          },
        }),
      ),
    ).toContain("确认出发时出库");
    expect(stockSnapshot(w.database)).toEqual(before);
  });
});
