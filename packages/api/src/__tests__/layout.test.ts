import { layoutRunner } from "@relief/core";
import { createSeededDatabase, stockSnapshot } from "@relief/core/testing";
import type { ReliefDatabase } from "@relief/db";
import { zh } from "@relief/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, errorOf } from "../testing";

/** Through the API, on the Banan demo data, with the engine in its worker thread as the server runs it. */
describe("layout API on the Banan demo data", () => {
  let database: ReliefDatabase;
  beforeAll(async () => {
    database = await createSeededDatabase();
  });
  afterAll(() => layoutRunner().close());

  it("evaluates every township × hazard of the register and the district-wide 10 %", async () => {
    const register = await callerAs(database, "lingdao").risks.list();
    const evaluation = await callerAs(database, "diaodu").layout.evaluate({});
    expect(evaluation.scenarios.map((s) => s.id).sort()).toEqual(
      [...register.map((r) => `A${r.areaId}:${r.hazard}`), "district"].sort(),
    );
    const district = evaluation.scenarios.find((s) => s.id === "district");
    expect(district).toMatchObject({ areaId: null, hazard: "district", people: 117_886 });
    for (const s of evaluation.scenarios) expect(s.servedInTime).toBeLessThanOrEqual(s.people);
    // The landslides that cut every road to 接龙镇 and 石龙镇 leave them to their own stores, which hold no tents.
    expect(evaluation.worst).toMatchObject({ share: 0 });
    expect(evaluation.worst?.scenarioId).toMatch(/:landslide$/);
    expect(evaluation.weightedMean.share).toBeGreaterThan(0);
  }, 60_000);

  it("refuses a bad change to the register in Chinese and writes nothing", async () => {
    const [risk] = await callerAs(database, "minzheng").risks.list();
    if (!risk) throw new Error("no register");
    const before = stockSnapshot(database).audit;
    const error = await errorOf(
      callerAs(database, "minzheng").risks.update({
        areaId: risk.areaId,
        hazard: risk.hazard,
        relocated: -1,
        weight: 1,
        note: "测试",
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(stockSnapshot(database).audit).toBe(before);
    expect((await callerAs(database, "minzheng").risks.list()).find((r) => r.id === risk.id)).toEqual(risk);
  });

  it("the register's history: civil affairs change a hazard with a reason, the leader reads who, when, why and what", async () => {
    const [risk] = await callerAs(database, "minzheng").risks.list();
    if (!risk) throw new Error("no register");
    const { total } = await callerAs(database, "lingdao").risks.history({});
    await callerAs(database, "minzheng").risks.update({
      areaId: risk.areaId,
      hazard: risk.hazard,
      relocated: risk.people + 100,
      weight: risk.weight,
      closedRoadIds: risk.closedRoads.map((r) => r.id),
      basis: risk.basis,
      note: "汛前复核",
    });
    const history = await callerAs(database, "diaodu").risks.history({ areaId: risk.areaId, pageSize: 1 });
    expect(history.rows).toHaveLength(1);
    expect(history.rows[0]).toMatchObject({
      note: "汛前复核",
      previousId: risk.id,
      relocated: risk.people + 100,
    });
    expect(history.rows[0]?.changes.find((c) => c.field === "relocated")?.after).toBe(risk.people + 100);
    expect((await callerAs(database, "lingdao").risks.history({})).total).toBe(total + 1);
    // The scenario changed with it; put it back for the tests below.
    await callerAs(database, "minzheng").risks.update({
      areaId: risk.areaId,
      hazard: risk.hazard,
      ...(risk.relocated === null
        ? { shareOfResidents: risk.shareOfResidents }
        : { relocated: risk.relocated }),
      weight: risk.weight,
      closedRoadIds: risk.closedRoads.map((r) => r.id),
      basis: risk.basis,
      note: "恢复",
    });
  });

  it("advises with a budget, gives the same advice again, and lists the purchases as .xlsx", async () => {
    const caller = callerAs(database, "minzheng");
    const advice = await caller.layout.advise({ maxTruckloads: 10, budgetYuan: 2_000_000 });
    expect(advice.purchases.length).toBeGreaterThan(0);
    expect(advice.purchases.reduce((s, p) => s + p.costYuan, 0)).toBeLessThanOrEqual(2_000_000);
    expect(advice.after.worst?.share).toBeGreaterThanOrEqual(advice.before.worst?.share ?? 1);
    expect(zh(advice.purchases[0]?.reason ?? { key: "common.error.failed", params: {} })).toContain("短板");
    const again = await caller.layout.advise({ maxTruckloads: 10, budgetYuan: 2_000_000 });
    expect(again.adviceId).toBe(advice.adviceId);
    const sheet = await callerAs(database, "lingdao").layout.purchaseSheet({ adviceId: advice.adviceId });
    expect(sheet.fileName).toMatch(/^储备物资采购清单-\d+-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(Buffer.from(sheet.contentBase64, "base64").subarray(0, 2).toString()).toBe("PK");
  }, 120_000);

  it("accepting an advice without transfers is refused; nothing moves", async () => {
    const caller = callerAs(database, "minzheng");
    const advice = await caller.layout.advise({ maxTruckloads: 0 });
    const ledger = stockSnapshot(database);
    const error = await errorOf(caller.layout.accept({ adviceId: advice.adviceId }));
    expect(error.message).toContain("没有调拨");
    expect(stockSnapshot(database)).toEqual(ledger);
    expect((await caller.layout.drafts({})).total).toBe(0);
  }, 60_000);

  it("10 truckloads move stock into the cut-off townships' stores; accepting makes drafts and moves nothing", async () => {
    const caller = callerAs(database, "minzheng");
    const advice = await caller.layout.advise({ maxTruckloads: 10 });
    expect(advice.truckloads.reduce((s, l) => s + l.loads, 0)).toBeLessThanOrEqual(10);
    expect(new Set(advice.transfers.map((t) => t.toWarehouse))).toEqual(
      new Set(["接龙镇救灾物资储备点", "石龙镇救灾物资储备点"]),
    );
    expect(advice.after.worst?.share).toBeGreaterThan(0);
    const ledger = stockSnapshot(database);
    const drafts = await caller.layout.accept({ adviceId: advice.adviceId });
    expect(drafts.map((d) => d.status)).toEqual(["draft", "draft"]);
    expect(drafts.flatMap((d) => d.lines).length).toBe(advice.transfers.length);
    expect({ ...stockSnapshot(database), audit: 0 }).toEqual({ ...ledger, audit: 0 });
    expect((await callerAs(database, "lingdao").layout.drafts({ status: "draft" })).total).toBe(2);
    expect((await errorOf(caller.layout.accept({ adviceId: advice.adviceId }))).code).toBe("CONFLICT");
  }, 120_000);

  it("prices: civil affairs set them, refusals name the item", async () => {
    const caller = callerAs(database, "minzheng");
    const [first] = await caller.layout.prices();
    if (!first) throw new Error("no prices");
    expect(first.estimate).toBe(true);
    const updated = await caller.layout.setPrices({
      prices: [{ itemId: first.itemId, priceYuan: 99, estimate: false }],
    });
    expect(updated.find((p) => p.itemId === first.itemId)).toMatchObject({ priceYuan: 99, estimate: false });
    const error = await errorOf(caller.layout.setPrices({ prices: [{ itemId: 999_999, priceYuan: 1 }] }));
    expect(error.code).toBe("BAD_REQUEST");
  });
});
