import { checkStoredPlan, planRunner } from "@relief/core";
import { createSeededDatabase, zhIssues } from "@relief/core/testing";
import { areas, type ReliefDatabase } from "@relief/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, errorOf } from "../testing";

describe("dispatch API", () => {
  let database: ReliefDatabase;
  let incidentId: number;

  beforeAll(async () => {
    database = await createSeededDatabase();
    const ids = database.db
      .select()
      .from(areas)
      .all()
      .filter((a) => ["木洞镇", "麻柳嘴镇"].includes(a.name));
    const created = await callerAs(database, "diaodu").incidents.create({
      type: "flood",
      title: "木洞、麻柳嘴洪涝",
      startedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      areas: ids.map((a) => ({ areaId: a.id, affected: 2000, relocated: 900 })),
    });
    incidentId = created.id;
  });

  afterAll(() => planRunner().close());

  it("plans in the planner's worker thread and answers the plan view the checker accepts", async () => {
    const view = await callerAs(database, "diaodu").dispatch.plan({ incidentId, seed: 3 });
    expect(view.status).toBe("done");
    expect(view.summary).toMatchObject({ people: 1800 });
    expect(view.summary?.latestArrivalMinutes).toBeGreaterThan(0);
    expect(view.routes[0]?.warehouseId).toBeGreaterThan(0);
    expect(view.routes[0]?.stops[0]?.deliveries[0]?.itemId).toBeGreaterThan(0);
    expect(checkStoredPlan(database.db, view.planId)).toEqual([]);

    const reader = callerAs(database, "lingdao");
    expect(await reader.dispatch.get({ planId: view.planId })).toEqual(view);
    expect((await reader.dispatch.list({ incidentId }))[0]).toMatchObject({
      planId: view.planId,
      status: "done",
    });
    const reach = await reader.dispatch.reach();
    expect(reach).toHaveLength(23);
  });

  it("refuses bad input with a clear error and writes nothing", async () => {
    const dispatcher = callerAs(database, "diaodu");
    const plans = () => database.sqlite.prepare("SELECT count(*) AS n FROM dispatch_plans").get();
    const before = plans();
    expect((await errorOf(dispatcher.dispatch.plan({ incidentId: 99_999 }))).code).toBe("NOT_FOUND");
    const bad = await errorOf(dispatcher.dispatch.plan({ incidentId, timeLimitMs: 5 }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(zhIssues(bad.cause)).toEqual([
      { field: "timeLimitMs", message: "计算时限应在 100 至 60,000 毫秒之间" },
    ]);
    expect((await errorOf(dispatcher.dispatch.get({ planId: 99_999 }))).code).toBe("NOT_FOUND");
    expect(plans()).toEqual(before);
  });
});
