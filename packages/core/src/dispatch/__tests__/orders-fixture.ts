import { agreementCalloffs, areas, dispatchOrders, incidents, type ReliefDatabase } from "@relief/db";
import { asc, count, eq } from "drizzle-orm";
import type { CoreContext } from "../../context";
import { stockInputs } from "../../coverage/inputs";
import { quotasAt } from "../../coverage/quotas";
import { createIncident } from "../../incidents/create";
import { availableByWarehouseItem } from "../../stock/balances";
import { reserveStock } from "../../stock/reserve";
import { verifyBalances } from "../../stock/verify";
import { actorFor, contextFor, createSeededDatabase, demoIds } from "../../testing";
import { localDate } from "../../time";
import { approvePlan } from "../approve";
import { planDispatch } from "../plan";
import { inlinePlanner } from "../pool";

/** Shared setting of the approval and cancellation tests: the clock pinned near the real one (the demo lots are dated from seeding). */
export const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
export const STARTED = new Date(NOW.getTime() - 30 * 60_000).toISOString();
const planner = { runner: inlinePlanner() };

export async function ordersWorld() {
  const database: ReliefDatabase = await createSeededDatabase();
  const ctx: CoreContext = { ...contextFor(database, actorFor(database, "diaodu")), now: () => NOW };
  const ids = demoIds(database);
  const areaId = (name: string) =>
    database.db.select().from(areas).where(eq(areas.name, name)).get()?.id ?? 0;
  const incident = (names: string[], options: { relocated?: number; drill?: boolean } = {}) => {
    const relocated = options.relocated ?? 800;
    const id = createIncident({
      ctx,
      input: {
        type: "flood",
        title: "洪涝",
        startedAt: STARTED,
        drill: options.drill ?? false,
        areas: names.map((name) => ({ areaId: areaId(name), affected: relocated * 2, relocated })),
      },
    }).id;
    const number = database.db.select().from(incidents).where(eq(incidents.id, id)).get()?.number ?? "";
    return { id, number };
  };
  const plan = (incidentId: number) =>
    planDispatch({ ctx, input: { incidentId, timeLimitMs: 30_000 } }, planner);
  /** An incident at these townships, planned and approved: its 调拨单 in the order they were made. */
  const approvedOrders = async (names: string[], options: { relocated?: number; drill?: boolean } = {}) => {
    const flood = incident(names, options);
    const view = await plan(flood.id);
    approvePlan({ ctx, input: { planId: view.planId } });
    const orders = database.db
      .select()
      .from(dispatchOrders)
      .where(eq(dispatchOrders.incidentId, flood.id))
      .orderBy(asc(dispatchOrders.id))
      .all();
    if (orders.length === 0) throw new Error("the plan made no order");
    return { flood, view, orders };
  };
  /** Sets aside, under another dispatch, all of an item's promisable stock in the district but `keep` at `warehouse`. */
  const scarce = (itemId: number, warehouseId: number, keep: number) => {
    for (const row of availableByWarehouseItem(database.db, localDate(NOW.toISOString())))
      if (row.itemId === itemId && row.available > 0) {
        const left = row.warehouseId === warehouseId ? keep : 0;
        if (row.available <= left) continue;
        reserveStock({
          ctx: contextFor(database),
          input: {
            warehouseId: row.warehouseId,
            dispatchRef: "其他灾情",
            lines: [{ itemId, quantity: row.available - left }],
          },
        });
      }
  };
  const available = (warehouseId: number, itemId: number) =>
    availableByWarehouseItem(database.db, localDate(NOW.toISOString())).find(
      (r) => r.warehouseId === warehouseId && r.itemId === itemId,
    )?.available ?? 0;
  /** The coverage figure's usable government stock per category, district-wide, in the quota's measure. */
  const coverageStock = () =>
    new Map(
      [
        ...(stockInputs(database.db, quotasAt(database.db, NOW.toISOString()), NOW.toISOString())
          .byArea.get(0)
          ?.values() ?? []),
      ].map((c) => [c.categoryId, c.government]),
    );
  const calloffCount = () => database.db.select({ n: count() }).from(agreementCalloffs).get()?.n ?? 0;
  const orderCount = () => database.db.select({ n: count() }).from(dispatchOrders).get()?.n ?? 0;
  const verify = () => verifyBalances(database.db).differences;
  return {
    database,
    ctx,
    ids,
    incident,
    plan,
    approvedOrders,
    scarce,
    available,
    coverageStock,
    calloffCount,
    orderCount,
    verify,
  };
}
