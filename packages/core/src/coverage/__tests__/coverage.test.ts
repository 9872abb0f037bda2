import { areas, coverageSnapshots, type ReliefDatabase } from "@relief/db";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { agreementViews } from "../../agreements/list";
import { terminateAgreement } from "../../agreements/save";
import { describeSoffice, throughLibreOffice } from "../../libreoffice.testing";
import { holdStock, setLotStatus } from "../../stock/hold";
import { receiveStock } from "../../stock/receive";
import { reserveStock } from "../../stock/reserve";
import { actorFor, contextFor, createSeededDatabase, demoIds, zhThrown } from "../../testing";
import { addDays, localDate } from "../../time";
import { listQuotas, quotasAt, updateQuota } from "../quotas";
import { exportCoverageReport } from "../report";
import { createShelter, listShelters, updateShelter } from "../shelters";
import { ensureDailySnapshot, getSnapshot, listSnapshots, takeSnapshot } from "../snapshots";
import { coverageByTownship, coverageSummary } from "../summary";

let database: ReliefDatabase;
let ids: ReturnType<typeof demoIds>;
let NOW: Date;
let now: string;
let today: string;

beforeEach(async () => {
  database = await createSeededDatabase();
  ids = demoIds(database);
  NOW = new Date();
  now = NOW.toISOString();
  today = localDate(NOW);
});

const admin = () => ({ ...contextFor(database), now: () => NOW });
const category = (code: string, at = now, input = {}) => {
  const found = coverageSummary(database.db, input, at).categories.find((c) => c.code === code);
  if (!found) throw new Error(`no category ${code}`);
  return found;
};

function receiveQuilts(
  quantity: number,
  lotCode: string,
  warehouse = "QJ01",
  kind: "purchase" | "donation" = "purchase",
) {
  return receiveStock({
    ctx: admin(),
    input: {
      warehouseId: ids.warehouse(warehouse),
      source: { kind },
      lines: [{ itemId: ids.item("MB-01"), lotCode, quantity }],
    },
  });
}

describe("usable stock", () => {
  it("counts received government and donated stock, and leaves out what is held or reserved", () => {
    const before = category("quilt");
    receiveQuilts(1_000, "MB-COV-1");
    receiveQuilts(500, "MB-COV-2", "QJ01", "donation");
    let after = category("quilt");
    expect(after.governmentQuantity - before.governmentQuantity).toBe(1_500);
    expect(after.governmentPeopleCovered - before.governmentPeopleCovered).toBe(1_500);

    holdStock({
      ctx: admin(),
      input: {
        warehouseId: ids.warehouse("QJ01"),
        note: "受潮待检",
        lines: [
          {
            itemId: ids.item("MB-01"),
            lotId: ids.lot("MB-01", "MB-COV-1"),
            ownership: "government",
            quantity: 200,
          },
        ],
      },
    });
    reserveStock({
      ctx: admin(),
      input: {
        warehouseId: ids.warehouse("QJ01"),
        dispatchRef: "DD-TEST-1",
        lines: [{ itemId: ids.item("MB-01"), lotId: ids.lot("MB-01", "MB-COV-2"), quantity: 100 }],
      },
    });
    after = category("quilt");
    expect(after.governmentQuantity - before.governmentQuantity).toBe(1_200);
  });

  it("leaves out quarantined lots, expired lots and stock at enterprise sites", () => {
    const before = category("quilt");
    receiveQuilts(300, "MB-COV-Q");
    setLotStatus({ ctx: admin(), input: { lotId: ids.lot("MB-01", "MB-COV-Q"), status: "quarantined" } });
    receiveQuilts(400, "MB-COV-E");
    receiveQuilts(700, "MB-COV-S", "QY03");
    expect(category("quilt").governmentQuantity - before.governmentQuantity).toBe(400);

    const water = () => category("drinking_water", `${addDays(today, 2)}T04:00:00.000Z`);
    const later = water().governmentQuantity;
    receiveStock({
      ctx: admin(),
      input: {
        warehouseId: ids.warehouse("QJ01"),
        source: { kind: "purchase" },
        lines: [
          { itemId: ids.item("YYS-1L"), lotCode: "YYS-COV", expiryDate: addDays(today, 1), quantity: 600 },
        ],
      },
    });
    expect(category("drinking_water").governmentQuantity).toBeGreaterThanOrEqual(600);
    expect(water().governmentQuantity).toBe(later);
  });
});

describe("agreement stock", () => {
  it("counts the latest verified figures of agreements in force, capped at the commitment, declared apart", () => {
    // Seeded water lines: 198,000 verified of 200,000; 60,000 declared, never verified; 12,000 verified of 20,000.
    const water = category("drinking_water");
    expect(water).toMatchObject({
      agreementQuantity: 210_000,
      verifiedQuantity: 210_000,
      declaredQuantity: 280_000,
    });
    expect(category("drinking_water", now, { countDeclared: true }).agreementQuantity).toBe(280_000);
    expect(water.flaggedEnterprises).toEqual(["示例百货商贸有限公司"]);
  });

  it("leaves out expired and terminated agreements, and never counts production capacity", () => {
    // The tent agreement (3,000 verified) has expired.
    expect(category("tent").agreementQuantity).toBe(0);
    const quilts = category("quilt");
    expect(quilts).toMatchObject({
      agreementQuantity: 20_000,
      capacityPerDay: 2_000,
      capacityPeoplePerDay: 2_000,
    });
    const water = agreementViews(database.db, {}, now).find((a) => a.number === "BNSW-XY-2026-001");
    terminateAgreement({
      ctx: { ...contextFor(database, actorFor(database, "shangwu")), now: () => NOW },
      input: { id: water?.id ?? 0, terminatedOn: today, reason: "测试" },
    });
    expect(category("drinking_water").agreementQuantity).toBe(12_000);
  });
});

describe("quotas", () => {
  it("keeps every version: a change applies from now, earlier instants keep the old quota", () => {
    const earlier = new Date(NOW.getTime() - 1_000).toISOString();
    const quiltId = category("quilt").categoryId;
    const later = new Date(NOW.getTime() + 1_000);
    updateQuota({
      ctx: { ...contextFor(database, actorFor(database, "minzheng")), now: () => later },
      input: {
        categoryId: quiltId,
        measure: "unit",
        unitLabel: "床",
        quantity: 1,
        perPersons: 2,
        note: "两人合用一床",
        estimate: false,
      },
    });
    expect(quotasAt(database.db, earlier).find((q) => q.categoryId === quiltId)).toMatchObject({
      perPersons: 1,
    });
    expect(quotasAt(database.db, later.toISOString()).find((q) => q.categoryId === quiltId)).toMatchObject({
      perPersons: 2,
      estimate: false,
      note: "两人合用一床",
    });
    expect(
      listQuotas(database.db, later.toISOString()).history.filter((q) => q.categoryId === quiltId),
    ).toHaveLength(2);
    const covered = coverageSummary(database.db, {}, later.toISOString()).categories.find(
      (c) => c.categoryId === quiltId,
    );
    expect(covered?.requiredQuantity).toBe(58_943);
  });

  it("rejects bad quotas with the field named, writing nothing", () => {
    const ctx = contextFor(database, actorFor(database, "minzheng"));
    const quiltId = category("quilt").categoryId;
    const versions = listQuotas(database.db, now).history.length;
    const input = { categoryId: quiltId, measure: "unit" as const, unitLabel: "床", quantity: 1, note: "x" };
    expect(zhThrown(() => updateQuota({ ctx, input: { ...input, quantity: 0 } }))).toContain("定额应大于 0");
    expect(zhThrown(() => updateQuota({ ctx, input: { ...input, days: 0 } }))).toContain("天数至少为 1");
    expect(
      zhThrown(() => updateQuota({ ctx, input: { ...input, basis: "household", perPersons: 3 } })),
    ).toContain("按户计的定额不填人数");
    expect(zhThrown(() => updateQuota({ ctx, input: { ...input, note: "" } }))).toContain("请填写调整原因");
    expect(() => updateQuota({ ctx, input: { ...input, categoryId: 9_999 } })).toThrow(
      "物资类别 #9999 不存在",
    );
    expect(listQuotas(database.db, now).history).toHaveLength(versions);
  });
});

describe("headline and townships", () => {
  it("reports the district figure with its target, bottleneck and government-only figure", () => {
    const summary = coverageSummary(database.db, {}, now);
    expect(summary).toMatchObject({ population: 1_178_856, targetRatio: 0.1, targetPeople: 117_886 });
    const required = summary.categories.filter((c) => c.required);
    const worst = Math.min(...required.map((c) => c.peopleCovered));
    expect(summary.headline.peopleCovered).toBe(worst);
    expect(required.find((c) => c.peopleCovered === worst)?.name).toBe(
      summary.headline.bottleneckCategory?.name,
    );
    expect(summary.headline.governmentPeopleCovered).toBe(
      Math.min(...required.map((c) => c.governmentPeopleCovered)),
    );
    expect(coverageSummary(database.db, { targetRatio: 0.2 }, now).targetPeople).toBe(235_771);
  });

  it("places stock in its warehouse's township, and agreement stock at its enterprise site", () => {
    const quilts = (name: string) =>
      coverageByTownship(database.db, {}, now)
        .find((t) => t.name === name)
        ?.categories.find((c) => c.name === "棉被");
    const before = quilts("木洞镇")?.governmentQuantity ?? 0;
    receiveQuilts(250, "MB-COV-MD", "MD01");
    expect((quilts("木洞镇")?.governmentQuantity ?? 0) - before).toBe(250);
    expect(quilts("界石镇")?.agreementQuantity).toBe(20_000);
    const townships = coverageByTownship(database.db, {}, now);
    expect(townships).toHaveLength(23);
    expect(townships.find((t) => t.name === "龙洲湾街道")).toMatchObject({
      population: 178_554,
      targetPeople: 17_855,
    });
  });
});

describe("shelters", () => {
  it("counts open shelters against 20 % of residents, per township and for the district", () => {
    const ctx = contextFor(database, actorFor(database, "minzheng"));
    const area = database.db
      .select({ id: areas.id })
      .from(areas)
      .where(and(eq(areas.name, "圣灯山镇"), eq(areas.level, "township")))
      .get();
    const shelter = createShelter({
      ctx,
      input: { name: "圣灯山测试广场", areaId: area?.id ?? 0, type: "square", capacity: 1_500 },
    });
    const township = () =>
      coverageByTownship(database.db, {}, now).find((t) => t.name === "圣灯山镇")?.shelters;
    expect(township()).toEqual({ targetRatio: 0.2, targetPeople: 4_400, capacity: 1_500, shortfall: 2_900 });
    expect(coverageSummary(database.db, {}, now).shelters).toEqual({
      targetRatio: 0.2,
      targetPeople: 235_771,
      capacity: 149_500,
      shortfall: 86_271,
    });
    updateShelter({ ctx, input: { ...shelter, id: shelter.id, status: "maintenance" } });
    expect(township()?.capacity).toBe(0);
    expect(listShelters(database.db).find((s) => s.id === shelter.id)).toMatchObject({
      status: "maintenance",
      areaName: "圣灯山镇",
    });
    const registered = listShelters(database.db).length;
    expect(() => createShelter({ ctx, input: { name: "x", areaId: 1, type: "park", capacity: 10 } })).toThrow(
      "所在镇街无效",
    );
    expect(
      zhThrown(() =>
        createShelter({ ctx, input: { name: "x", areaId: area?.id ?? 0, type: "park", capacity: -1 } }),
      ),
    ).toContain("容纳人数不能为负数");
    expect(listShelters(database.db)).toHaveLength(registered);
  });
});

describe("snapshots", () => {
  it("stores the figure on demand and once a day, for the trend; stored figures are never edited", () => {
    const taken = takeSnapshot({ ctx: admin() });
    const summary = coverageSummary(database.db, {}, now);
    expect(taken).toMatchObject({
      trigger: "manual",
      day: today,
      peopleCovered: summary.headline.peopleCovered,
      targetPeople: 117_886,
      shelterCapacity: 148_000,
    });
    expect(ensureDailySnapshot(admin())).toMatchObject({ trigger: "daily" });
    expect(ensureDailySnapshot(admin())).toBeNull();
    expect(listSnapshots(database.db, {}, now).map((s) => s.trigger)).toEqual(["manual", "daily"]);
    expect(getSnapshot(database.db, taken.id).summary.headline).toEqual(summary.headline);
    expect(() =>
      database.db
        .update(coverageSnapshots)
        .set({ peopleCovered: 1 })
        .where(eq(coverageSnapshots.id, taken.id))
        .run(),
    ).toThrow("immutable");
  });
});

describeSoffice("coverage report opened by LibreOffice", { timeout: 180_000 }, () => {
  it("shows the same figures as the summary, with notes and signature lines", () => {
    const summary = coverageSummary(database.db, {}, now);
    const report = exportCoverageReport(database.db, {}, now);
    expect(report.fileName).toBe(`救灾物资储备保障能力报表_${today}.xlsx`);
    const rows = throughLibreOffice(report.content);
    expect(rows[0]?.[0]).toBe("巴南区救灾物资储备保障能力报表");
    expect(rows[3]).toEqual(expect.arrayContaining(["常住人口", "1178856", "117886"]));
    expect(rows[4]?.[1]).toBe(String(summary.headline.peopleCovered));
    for (const c of summary.categories) {
      const row = rows.find((r) => r[1] === c.name);
      expect(row?.[5]).toBe(String(c.requiredQuantity));
      expect(row?.[9]).toBe(String(c.peopleCovered));
    }
    expect(rows.some((r) => r[0]?.startsWith("3. 以下类别的保障定额为估算值"))).toBe(true);
    // Flagged enterprises are named wherever their stock is counted, the report included.
    expect(
      rows.some(
        (r) =>
          r[0]?.includes("信用等级为 D，其协议储备仍计入上表，请关注：") &&
          r[0].includes("示例百货商贸有限公司"),
      ),
    ).toBe(true);
    expect(rows.at(-1)?.[0]).toBe("单位负责人：");
  });
});

describe("report of a stored snapshot", () => {
  it("exports the figure as it stood, dated as taken, even after stock changed", () => {
    const taken = takeSnapshot({ ctx: admin() });
    receiveQuilts(5_000, "MB-COV-LATER");
    const stored = exportCoverageReport(database.db, { snapshotId: taken.id }, now);
    const current = exportCoverageReport(database.db, {}, now);
    expect(stored.fileName).toBe(`救灾物资储备保障能力报表_${taken.day}.xlsx`);
    expect(Buffer.from(stored.content).equals(Buffer.from(current.content))).toBe(false);
    expect(() => exportCoverageReport(database.db, { snapshotId: 9_999 }, now)).toThrow(
      "覆盖率快照 #9999 不存在",
    );
  });
});
