import type { ReliefDatabase } from "@relief/db";
import { roadEdges, users } from "@relief/db";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { actorFor, contextFor, createSeededDatabase, zhIssues } from "../../testing";
import { riskHistory } from "../history";
import { risksAt, updateRisk } from "../register";

describe("the risk register's history", () => {
  let database: ReliefDatabase;
  let fengsheng: number;
  let seeded: number;
  beforeAll(async () => {
    database = await createSeededDatabase();
    fengsheng = risksAt(database.db, new Date().toISOString()).find((r) => r.township === "丰盛镇")
      ?.areaId as number;
    seeded = riskHistory(database.db, {}).total;
  });

  it("lists the seeded versions, each a first version setting every field, recorded by nobody", () => {
    const page = riskHistory(database.db, { areaId: fengsheng, pageSize: 200 });
    expect(page.total).toBeGreaterThan(0);
    for (const v of page.rows) {
      expect(v).toMatchObject({ township: "丰盛镇", previousId: null, recordedByName: null });
      expect(v.changes.map((c) => c.field)).toEqual([
        "relocated",
        "shareOfResidents",
        "weight",
        "closedRoads",
        "basis",
        "estimate",
        "active",
      ]);
      expect(v.changes.every((c) => c.before === null)).toBe(true);
    }
  });

  it("a change is listed first, with who, when, the reason and only what it changed", () => {
    const ctx = contextFor(database, actorFor(database, "minzheng"));
    const [seed] = riskHistory(database.db, { areaId: fengsheng, hazard: "landslide" }).rows;
    if (!seed) throw new Error("no seeded landslide for 丰盛镇");
    const road = database.db.select().from(roadEdges).where(eq(roadEdges.code, "R056")).get();
    if (!road) throw new Error("no road R056");
    updateRisk({
      ctx,
      input: {
        areaId: fengsheng,
        hazard: "landslide",
        relocated: 1234,
        weight: seed.weight,
        closedRoadIds: [...seed.closedRoads.map((r) => r.id), road.id],
        basis: seed.basis,
        estimate: seed.estimate,
        note: "2026 年汛前排查",
      },
    });
    const page = riskHistory(database.db, { pageSize: 2 });
    expect(page.total).toBe(seeded + 1);
    expect(page.rows).toHaveLength(2);
    const [latest] = page.rows;
    const minzheng = database.db.select().from(users).where(eq(users.username, "minzheng")).get();
    expect(latest).toMatchObject({
      township: "丰盛镇",
      hazard: "landslide",
      note: "2026 年汛前排查",
      recordedByName: minzheng?.displayName,
      previousId: seed.id,
      relocated: 1234,
    });
    expect(latest?.changes.map((c) => c.field)).toEqual(
      seed.relocated === null
        ? ["relocated", "shareOfResidents", "closedRoads"]
        : ["relocated", "closedRoads"],
    );
    expect(latest?.changes.find((c) => c.field === "relocated")).toEqual({
      field: "relocated",
      before: seed.relocated,
      after: 1234,
    });
    const roads = latest?.changes.find((c) => c.field === "closedRoads");
    expect(roads?.after).toEqual([...seed.closedRoads, { id: road.id, code: road.code, name: road.name }]);
    expect(
      riskHistory(database.db, { areaId: fengsheng, hazard: "landslide" }).rows.map((v) => v.id),
    ).toEqual([latest?.id, seed.id]);
    // Pages neither overlap nor skip.
    const all = riskHistory(database.db, { pageSize: 200 }).rows.map((v) => v.id);
    const paged = [1, 2, 3].flatMap((p) =>
      riskHistory(database.db, { page: p, pageSize: 30 }).rows.map((v) => v.id),
    );
    expect(paged).toEqual(all.slice(0, 90));
  });

  it("refuses an unknown hazard and a page below 1 by name", () => {
    const issues = (input: unknown) => {
      try {
        riskHistory(database.db, input as never);
      } catch (cause) {
        return zhIssues(cause);
      }
      throw new Error("expected a refusal");
    };
    expect(issues({ hazard: "tsunami" })).toEqual([
      { field: "hazard", message: expect.stringContaining("灾种") },
    ]);
    expect(issues({ page: 0 })[0]?.field).toBe("page");
  });
});
