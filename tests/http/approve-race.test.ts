import type { AppRouter } from "@relief/api";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTwoServers } from "./process";
import { makeScarce, planned, signedIn } from "./trpc-client";

/**
 * Two dispatchers, one on each of two server processes over one database file, approve two plans that both
 * count on most of the same scarce stock at the same moment. The approvals queue on SQLite's write lock (BEGIN
 * IMMEDIATE) and each checks the stock inside its own transaction: the first wins, the second sees the stock
 * gone and is refused with what changed — never both.
 */
describe("two servers approving at once", { timeout: 180_000 }, () => {
  let servers: Awaited<ReturnType<typeof startTwoServers>>;

  beforeAll(async () => {
    servers = await startTwoServers("relief-approve-race-");
  });

  afterAll(() => servers.close());

  it("one approval wins, the other is refused naming what changed, and the stock is not oversubscribed", async () => {
    const [first, second] = await Promise.all(servers.urls.map((url) => signedIn(url, "diaodu")));
    if (!first || !second) throw new Error("two servers expected");
    const admin = await signedIn(servers.urls[0] as string, "admin");
    const warehouse = (await first.warehouses.list.query()).find((w) => w.code === "QJ01");
    const food = (await first.items.list.query()).find((i) => i.code === "FBSP-01");
    if (!warehouse || !food) throw new Error("demo data missing");
    const townships = (await first.areas.list.query()).areas.filter((a) => a.level === "township");
    const township = (name: string) => townships.find((t) => t.name === name)?.id ?? 0;

    // Every bag of food in the district set aside but 1,000 at QJ01: both plans will count on most of them.
    await makeScarce(first, food.id, warehouse.id, 1000);
    const startedAt = new Date(Date.now() - 30 * 60_000).toISOString();
    const incident = (name: string) =>
      first.incidents.create.mutate({
        type: "flood",
        title: `${name}洪涝`,
        startedAt,
        areas: [{ areaId: township(name), affected: 1000, relocated: 500 }],
      });
    const a = await incident("木洞镇");
    const b = await incident("丰盛镇");
    const planA = await first.dispatch.plan.mutate({ incidentId: a.id });
    const planB = await second.dispatch.plan.mutate({ incidentId: b.id });
    const wantA = planned(planA, warehouse.id, food.id);
    const wantB = planned(planB, warehouse.id, food.id);
    expect(wantA).toBeGreaterThan(0);
    expect(wantB).toBeGreaterThan(0);
    expect(wantA + wantB).toBeGreaterThan(1000);

    const outcome = (call: Promise<{ orders: Array<{ id: number; number: string }> }>) =>
      call.then(
        (result) => ({ ok: true as const, result }),
        (error: unknown) => {
          if (!(error instanceof TRPCClientError)) throw error;
          return { ok: false as const, error: error as TRPCClientError<AppRouter> };
        },
      );
    const [outA, outB] = await Promise.all([
      outcome(first.dispatch.approve.mutate({ planId: planA.planId })),
      outcome(second.dispatch.approve.mutate({ planId: planB.planId })),
    ]);
    const wins = [outA, outB].filter((o) => o.ok);
    expect(wins).toHaveLength(1);
    const winner = outA.ok
      ? { out: outA, incident: a, want: wantA }
      : { out: outB, incident: b, want: wantB };
    const loser = outA.ok ? { out: outB, incident: b, want: wantB } : { out: outA, incident: a, want: wantA };
    if (loser.out.ok || !winner.out.ok) throw new Error("one winner expected");

    // The refusal: 409, the conflict message, and the warehouse and item with planned against available now.
    const refusal = loser.out.error;
    expect(refusal.data?.httpStatus).toBe(409);
    expect(refusal.data?.code).toBe("CONFLICT");
    expect(refusal.message).toMatch(/^方案所依据的物资已有 \d+ 处变化，未生成任何调拨单，请重新制定方案$/);
    const changes = (refusal.data?.details?.issues ?? []).map((i) => i.message);
    expect(changes).toContain(
      `巴南区救灾物资储备库 的 方便食品（压缩干粮）：方案调运 ${loser.want} 袋，现可用 ${1000 - winner.want} 袋`,
    );

    // Nothing of the loser was written; the winner's orders hold exactly their reservations.
    expect((await first.dispatch.orders.query({ incidentId: loser.incident.id })).total).toBe(0);
    const orders = winner.out.result.orders;
    expect(orders.length).toBeGreaterThan(0);
    const reservations = await admin.stock.reservations.query({});
    const byOrder = new Map<string, number>();
    for (const r of reservations)
      if (r.dispatchRef !== "其他灾情")
        byOrder.set(r.dispatchRef, (byOrder.get(r.dispatchRef) ?? 0) + r.reserved);
    const ordered = new Map<string, number>();
    for (const o of orders) {
      const order = await admin.dispatch.order.query({ orderId: o.id });
      expect(order.status).toBe("reserved");
      ordered.set(
        o.number,
        order.lines.reduce((sum, l) => sum + l.quantity, 0),
      );
    }
    expect(byOrder).toEqual(ordered);
    const foodHeld = reservations
      .filter((r) => r.dispatchRef !== "其他灾情" && r.itemId === food.id && r.warehouseId === warehouse.id)
      .reduce((sum, r) => sum + r.reserved, 0);
    expect(foodHeld).toBe(winner.want);

    const { rows } = await admin.stock.balances.query({ warehouseId: warehouse.id, itemId: food.id });
    expect(rows.reduce((sum, r) => sum + r.available, 0)).toBe(1000 - winner.want);
    expect((await admin.stock.verify.query()).differences).toEqual([]);
  });
});
