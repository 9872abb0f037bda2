import { createSeededDatabase, zhIssues } from "@relief/core/testing";
import type { ReliefDatabase } from "@relief/db";
import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, errorOf } from "../testing";

/** The dispatcher's incident over the API: the issue's flood in 木洞镇 and 麻柳嘴镇. */
describe("incidents over the API", () => {
  let database: ReliefDatabase;
  let township: (name: string) => number;
  beforeAll(async () => {
    database = await createSeededDatabase();
    const { areas } = await callerAs(database, "lingdao").areas.list({ level: "township" });
    township = (name) => areas.find((a) => a.name === name)?.id ?? 0;
  });

  it("creates an incident the others read, with needs per area and item", async () => {
    const dispatcher = callerAs(database, "diaodu");
    const { id } = await dispatcher.incidents.create({
      type: "flood",
      title: "木洞镇洪涝",
      startedAt: new Date(Date.now() - 3_600_000).toISOString(),
      areas: [
        { areaId: township("木洞镇"), affected: 3000, relocated: 900 },
        { areaId: township("麻柳嘴镇"), affected: 1000, relocated: 300 },
      ],
    });
    const leader = callerAs(database, "lingdao");
    const incident = await leader.incidents.get({ id });
    expect(incident.totals).toEqual({ areas: 2, affected: 4000, relocated: 1200 });
    const needs = await leader.incidents.needs({ incidentId: id });
    const tents = needs.find(
      (n) => n.areaId === township("木洞镇") && n.itemId === incident.package[0]?.itemId,
    );
    expect(tents).toMatchObject({ quantity: 300, computed: 300, overridden: null });
    const page = await callerAs(database, "shangwu").incidents.list({ sort: "startedAt", order: "desc" });
    expect(page.rows[0]).toMatchObject({ id, relocated: 1200, drill: false, status: "open" });
  });

  it("refuses bad areas with each problem beside its line, named by its field", async () => {
    const error = await errorOf(
      callerAs(database, "diaodu").incidents.create({
        type: "landslide",
        title: "丰盛镇滑坡",
        startedAt: new Date().toISOString(),
        areas: [
          { areaId: township("丰盛镇"), affected: 10, relocated: 20 },
          { areaId: 424_242, affected: 1, relocated: 0 },
        ],
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(zhIssues(error.cause)).toEqual([
      { field: "areas.0.relocated", message: "紧急转移安置人口不能多于受灾人口" },
    ]);
    const incidents = await callerAs(database, "diaodu").incidents.list({ search: "丰盛镇滑坡" });
    expect(incidents.total).toBe(0);
  });
});
