import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTwoServers } from "./process";
import { call, login } from "./raw";

describe("parallel issues of the same lot", { timeout: 120_000 }, () => {
  let servers: Awaited<ReturnType<typeof startTwoServers>>;
  let urls: string[];

  beforeAll(async () => {
    servers = await startTwoServers("relief-race-");
    urls = servers.urls;
  });

  afterAll(() => servers.close());

  it("never hands out more than is there, across two server processes", async () => {
    const cookies = await Promise.all(urls.map((url) => login(url, "admin")));
    const warehouses = (
      await call(urls[0] as string, cookies[0] as string, "warehouses.list", undefined, "GET")
    ).body.result?.data as Array<{ id: number; code: string }>;
    const items = (await call(urls[0] as string, cookies[0] as string, "items.list", undefined, "GET")).body
      .result?.data as Array<{ id: number; code: string }>;
    const warehouseId = warehouses.find((w) => w.code === "QJ01")?.id;
    const itemId = items.find((i) => i.code === "ZP-12")?.id;
    // 1,500 tents; 60 requests of 50 ask for 3,000.
    const attempts = Array.from({ length: 60 }, (_, i) =>
      call(
        urls[i % 2] as string,
        cookies[i % 2] as string,
        "stock.issue",
        { warehouseId, reason: "dispatch", lines: [{ itemId, quantity: 50 }] },
        "POST",
      ),
    );
    const results = await Promise.all(attempts);
    const ok = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status !== 200);
    expect(ok).toHaveLength(30);
    expect(refused.every((r) => r.status === 400 && r.body.error?.message.includes("可用 0 顶"))).toBe(true);
    const balances = (
      await call(urls[1] as string, cookies[1] as string, "stock.balances", { warehouseId, itemId }, "GET")
    ).body.result?.data as { totals: { onHand: number } };
    expect(balances.totals.onHand).toBe(0);
    const verify = (await call(urls[0] as string, cookies[0] as string, "stock.verify", undefined, "GET"))
      .body.result?.data as { differences: unknown[] };
    expect(verify.differences).toEqual([]);
  });
});
