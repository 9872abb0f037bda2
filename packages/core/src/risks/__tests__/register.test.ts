import type { ReliefDatabase } from "@relief/db";
import { riskVersions, roadEdges } from "@relief/db";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contextFor, createSeededDatabase, stockSnapshot, zhThrown } from "../../testing";
import { risksAt, updateRisk } from "../register";

const count = (database: ReliefDatabase) =>
  (database.sqlite.prepare("SELECT COUNT(*) AS n FROM risk_versions").get() as { n: number }).n;

describe("risk register", () => {
  let database: ReliefDatabase;
  let fengsheng: number;
  let mugao: number;
  beforeAll(async () => {
    database = await createSeededDatabase();
    const now = new Date().toISOString();
    fengsheng = risksAt(database.db, now).find((r) => r.township === "丰盛镇")?.areaId as number;
    mugao = database.db.select().from(roadEdges).where(eq(roadEdges.code, "R056")).get()?.id as number;
  });

  it("seeds the Banan defaults, each with its basis and marked as an estimate", () => {
    const register = risksAt(database.db, new Date().toISOString());
    expect(new Set(register.map((r) => r.township)).size).toBe(23);
    expect(register.every((r) => r.estimate && r.basis.length > 0)).toBe(true);
    const flood = register.find((r) => r.township === "木洞镇" && r.hazard === "flood");
    expect(flood?.closedRoads.map((r) => r.name)).toContain("木洞—麻柳汽车渡");
    expect(flood?.people).toBe(Math.round(0.03 * 35000));
  });

  it("a change adds a version effective now; the earlier one still answers for the past", () => {
    const before = new Date(Date.now() - 1000).toISOString();
    const changed = updateRisk({
      ctx: contextFor(database),
      input: {
        areaId: fengsheng,
        hazard: "landslide",
        relocated: 1200,
        weight: 1.5,
        closedRoadIds: [mugao],
        basis: "2025 年地质灾害隐患点排查",
        estimate: false,
        note: "按排查结果更新",
      },
    });
    expect(changed).toMatchObject({ relocated: 1200, shareOfResidents: null, people: 1200, weight: 1.5 });
    expect(changed?.closedRoads.map((r) => r.name)).toEqual(["木高路"]);
    const past = risksAt(database.db, before).find((r) => r.areaId === fengsheng && r.hazard === "landslide");
    expect(past?.shareOfResidents).toBe(0.02);
    const versions = database.db.select().from(riskVersions).where(eq(riskVersions.areaId, fengsheng)).all();
    expect(versions.filter((v) => v.hazard === "landslide")).toHaveLength(2);
  });

  it("a hazard taken off the register leaves the current register and keeps its history", () => {
    const off = updateRisk({
      ctx: contextFor(database),
      input: { areaId: fengsheng, hazard: "earthquake", weight: 0, active: false, note: "不再单列" },
    });
    expect(off).toBeNull();
    const now = new Date(Date.now() + 1000).toISOString();
    expect(risksAt(database.db, now).some((r) => r.areaId === fengsheng && r.hazard === "earthquake")).toBe(
      false,
    );
  });

  it.each([
    ["a negative size", { relocated: -5 }, "转移安置人数应为不小于 0 的整数"],
    ["a share above 1", { shareOfResidents: 1.5 }, "占常住人口比例应在 0 到 1 之间"],
    ["both sizes", { relocated: 10, shareOfResidents: 0.1 }, "二者只填其一"],
    ["a negative weight", { relocated: 10, weight: -1 }, "可能性权重应在 0 到 100 之间"],
    ["an unknown road", { relocated: 10, closedRoadIds: [999_999] }, "路段 999999 不存在或已停用"],
    ["an unknown township", { relocated: 10, areaId: 999_999 }, "镇街 999999 不存在或不是镇街级区域"],
    ["no reason", { relocated: 10, note: " " }, "请填写修改原因"],
  ])("refuses %s in Chinese and writes nothing", (_, change, text) => {
    const rows = count(database);
    const audit = stockSnapshot(database).audit;
    const thrown = zhThrown(() =>
      updateRisk({
        ctx: contextFor(database),
        input: { areaId: fengsheng, hazard: "flood", weight: 1, note: "测试", ...change },
      }),
    );
    expect(thrown).toContain(text);
    expect(count(database)).toBe(rows);
    expect(stockSnapshot(database).audit).toBe(audit);
  });
});
