import { createSeededDatabase, demoIds, zhIssues } from "@relief/core/testing";
import type { ReliefDatabase } from "@relief/db";
import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, errorOf } from "../testing";

/** The stock page's lists through the API: each answers one page with its total, never the whole table. */
describe("stock lists a page at a time", () => {
  let database: ReliefDatabase;
  let ids: ReturnType<typeof demoIds>;
  beforeAll(async () => {
    database = await createSeededDatabase();
    ids = demoIds(database);
  });

  it("stock.balances answers a page, the total and the sums over every matching balance", async () => {
    const leader = callerAs(database, "lingdao");
    const whole = await leader.stock.balances({ pageSize: 200 });
    expect(whole.total).toBeGreaterThan(3);
    const page = await leader.stock.balances({ page: 2, pageSize: 3, sort: "onHand", order: "desc" });
    expect(page.rows).toHaveLength(3);
    expect(page.total).toBe(whole.total);
    const byOnHand = [...whole.rows].sort((a, b) => b.onHand - a.onHand);
    expect(page.rows.map((r) => r.onHand)).toEqual(byOnHand.slice(3, 6).map((r) => r.onHand));
    expect(page.totals.onHand).toBe(whole.rows.reduce((sum, r) => sum + r.onHand, 0));

    const water = await leader.stock.balances({ itemId: ids.item("YYS-1L"), pageSize: 1 });
    expect(water.rows).toHaveLength(1);
    expect(water.totals).toMatchObject({ items: 1, itemId: ids.item("YYS-1L") });
  });

  it("stock.itemTotals pages items; stock.lots, stock.expiry and stock.rotation page theirs", async () => {
    const leader = callerAs(database, "lingdao");
    const items = await leader.stock.itemTotals({ pageSize: 2, sort: "onHand", order: "desc" });
    expect(items.rows).toHaveLength(2);
    expect(items.rows[0]?.onHand).toBeGreaterThanOrEqual(items.rows[1]?.onHand ?? 0);
    const lots = await leader.stock.lots({ itemId: ids.item("FBSP-01"), pageSize: 2, sort: "lot" });
    expect(lots.rows).toHaveLength(2);
    expect(lots.total).toBeGreaterThan(2);
    const expiring = await leader.stock.expiry({ withinDays: 3650, pageSize: 2 });
    expect(expiring.rows.length).toBeLessThanOrEqual(2);
    expect(expiring.total).toBe(expiring.counts.expiring);
    const rotation = await leader.stock.rotation({ withinDays: 3650, pageSize: 2 });
    expect(rotation.total).toBe(expiring.counts.rotation);
    expect(rotation.rows.length).toBe(Math.min(2, rotation.total));
  });

  it("stock.card answers a page with the balance carried over from the lines before it", async () => {
    const caller = callerAs(database, "admin");
    const selection = { itemId: ids.item("YYS-1L") };
    const whole = await caller.stock.card({ ...selection, pageSize: 200 });
    expect(whole.total).toBeGreaterThan(2);
    const second = await caller.stock.card({ ...selection, page: 2, pageSize: 1 });
    expect(second.rows).toEqual([whole.rows[1]]);
    expect(second).toMatchObject({ opening: whole.opening, closing: whole.closing, total: whole.total });
  });

  it("refuses a page over 200 rows and an unknown sort column, naming the field", async () => {
    const caller = callerAs(database, "admin");
    for (const call of [
      caller.stock.balances({ pageSize: 500 }),
      caller.stock.lots({ pageSize: 201 }),
      caller.stock.card({ itemId: ids.item("YYS-1L"), pageSize: 1000 }),
    ]) {
      const error = await errorOf(call);
      expect(error.code).toBe("BAD_REQUEST");
      expect(zhIssues(error.cause)[0]?.message).toContain("每页最多 200 行");
    }
    const sort = await errorOf(caller.stock.itemTotals({ sort: "lotHolders" as unknown as "item" }));
    expect(sort.code).toBe("BAD_REQUEST");
    expect(zhIssues(sort.cause)[0]?.message).toContain("排序列应为");
  });
});
