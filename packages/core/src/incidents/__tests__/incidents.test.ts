import { areas, items, type ReliefDatabase } from "@relief/db";
import { renderMessage } from "@relief/domain";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { CoreContext } from "../../context";
import { receiveStock } from "../../stock/receive";
import { actorFor, contextFor, createSeededDatabase, demoIds, zhIssues } from "../../testing";
import { localDate } from "../../time";
import { createIncident } from "../create";
import { incidentNeeds, needsForPlanning, overrideNeed } from "../needs";
import { removePackageLine, setPackageLine } from "../package";
import { reportIncident } from "../report";
import type { CreateIncidentInput } from "../schemas";
import { assertIncidentOpen, closeIncident } from "../status";
import { getIncident, listIncidents } from "../view";

let database: ReliefDatabase;
let ids: ReturnType<typeof demoIds>;
let dispatcher: CoreContext;
const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();

function area(name: string): number {
  const row = database.db.select({ id: areas.id }).from(areas).where(eq(areas.name, name)).get();
  if (!row) throw new Error(`no area ${name}`);
  return row.id;
}

/** A village of the register under a township, with its own household size or none. */
function village(township: string, name: string, householdSize: number | null = null): number {
  return database.db
    .insert(areas)
    .values({
      parentId: area(township),
      level: "village",
      kind: "village",
      name,
      population: 1000,
      populationYear: 2020,
      populationBasis: "estimate",
      householdSize,
      updatedAt: NOW.toISOString(),
    })
    .returning({ id: areas.id })
    .get().id;
}

function flood(changes: Partial<CreateIncidentInput> = {}): CreateIncidentInput {
  return {
    type: "flood",
    title: "木洞镇、麻柳嘴镇洪涝",
    startedAt: minutesAgo(30),
    areas: [
      { areaId: area("木洞镇"), affected: 5000, relocated: 1200 },
      { areaId: area("麻柳嘴镇"), affected: 2000, relocated: 300 },
    ],
    ...changes,
  };
}

function written() {
  const count = (table: string) =>
    (database.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return ["incidents", "incident_reports", "incident_report_areas", "incident_package_lines"]
    .concat(["incident_need_overrides", "audit_log"])
    .map((t) => [t, count(t)]);
}

/** Runs an action that must fail, and checks that nothing was written. */
function refused(action: () => unknown): unknown {
  const before = written();
  let error: unknown;
  try {
    action();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(Error);
  expect(written()).toEqual(before);
  return error;
}

beforeEach(async () => {
  database = await createSeededDatabase();
  ids = demoIds(database);
  dispatcher = { ...contextFor(database, actorFor(database, "diaodu")), now: () => NOW };
});

describe("creating an incident", () => {
  it("writes the incident, its initial report and a package from the quotas, numbered by its start day", () => {
    const { id } = createIncident({ ctx: dispatcher, input: flood() });
    const incident = getIncident(database.db, id);
    expect(incident.number).toBe(`ZQ-${localDate(minutesAgo(30)).replaceAll("-", "")}-01`);
    expect(incident.status).toBe("open");
    expect(Date.parse(incident.deadlineAt) - Date.parse(incident.startedAt)).toBe(10 * 3_600_000);
    expect(incident.reports).toHaveLength(1);
    expect(incident.reports[0]).toMatchObject({ kind: "initial", reportedAt: NOW.toISOString() });
    expect(incident.areas.map((a) => [a.name, a.affected, a.relocated, a.reportKind])).toEqual([
      ["木洞镇", 5000, 1200, "initial"],
      ["麻柳嘴镇", 2000, 300, "initial"],
    ]);
    expect(incident.totals).toEqual({ areas: 2, affected: 7000, relocated: 1500 });
    const line = (code: string) => incident.package.find((l) => l.itemCode === code);
    expect(line("ZP-12")).toMatchObject({
      quantity: 1,
      perPersons: 3,
      basis: "person",
      days: null,
      edited: false,
    });
    expect(line("YYS-1L")).toMatchObject({ quantity: 3, perPersons: 1, days: 3 });
    expect(line("FBSP-01")).toMatchObject({ quantity: 0.5, days: 3 });
    // Categories not required (family kits, lights) stay out of the package.
    expect(line("JTB-01")).toBeUndefined();
    expect(line("ZMD-01")).toBeUndefined();
  });

  it("numbers drills apart and in sequence per start day", () => {
    const day = localDate(minutesAgo(30)).replaceAll("-", "");
    const number = (input: CreateIncidentInput) =>
      getIncident(database.db, createIncident({ ctx: dispatcher, input }).id).number;
    expect(number(flood())).toBe(`ZQ-${day}-01`);
    expect(number(flood({ drill: true }))).toBe(`YL-${day}-01`);
    expect(number(flood())).toBe(`ZQ-${day}-02`);
  });

  it("takes the season from the start day: padded coats in winter only", () => {
    const year = NOW.getUTCFullYear();
    const latest = (month: string) =>
      [`${year}-${month}-15T04:00:00.000Z`, `${year - 1}-${month}-15T04:00:00.000Z`].find(
        (at) => Date.parse(at) <= NOW.getTime(),
      ) ?? "";
    const coats = (startedAt: string) =>
      getIncident(
        database.db,
        createIncident({ ctx: dispatcher, input: flood({ startedAt }) }).id,
      ).package.some((l) => l.itemCode === "MDY-01");
    expect(coats(latest("01"))).toBe(true);
    expect(coats(latest("07"))).toBe(false);
  });

  it("picks the category's item with the most usable stock and converts a kg quota to its units", () => {
    const water = database.db.select().from(items).where(eq(items.code, "YYS-1L")).get();
    if (!water) throw new Error("no water");
    const add = (code: string) =>
      database.db
        .insert(items)
        .values({ ...water, id: undefined, code, name: code, kgPerUnit: 0.5 })
        .returning({ id: items.id })
        .get().id;
    // A lower code with no stock does not win; a half-litre bottle with the most stock does.
    add("YYS-0");
    const half = add("YYS-05L");
    receiveStock({
      ctx: { ...contextFor(database), now: () => NOW },
      input: {
        warehouseId: ids.warehouse("QJ01"),
        source: { kind: "purchase" },
        lines: [{ itemId: half, lotCode: "HALF-1", productionDate: localDate(NOW), quantity: 5_000_000 }],
      },
    });
    const { id } = createIncident({ ctx: dispatcher, input: flood() });
    const lines = getIncident(database.db, id).package.filter((l) => l.categoryId === water.categoryId);
    expect(lines).toEqual([expect.objectContaining({ itemCode: "YYS-05L", quantity: 6, days: 3 })]);
  });
});

describe("refusals: a clear error naming the line, nothing written", () => {
  it("refuses an unknown area, the whole district, a duplicate and a village beside its township", () => {
    const muDong = area("木洞镇");
    const inside = village("木洞镇", "中坝村");
    const people = { affected: 10, relocated: 5 };
    const error = refused(() =>
      createIncident({
        ctx: dispatcher,
        input: flood({
          areas: [
            { areaId: muDong, ...people },
            { areaId: 999_999, ...people },
            { areaId: area("巴南区"), ...people },
            { areaId: muDong, ...people },
            { areaId: inside, ...people },
          ],
        }),
      }),
    );
    expect(zhIssues(error)).toEqual([
      { field: "areas.1.areaId", message: "第 2 行：区域 #999999 不存在" },
      { field: "areas.2.areaId", message: "第 3 行：巴南区是全区，请选择镇街或村（社区）" },
      { field: "areas.3.areaId", message: "第 4 行：木洞镇与第 1 行重复" },
      { field: "areas.4.areaId", message: "第 5 行：中坝村属于第 1 行的木洞镇，人数会重复统计" },
    ]);
    expect((error as Error).message).toBe("第 2 行：区域 #999999 不存在（共 4 处问题）");
    expect(renderMessage((error as { text: never }).text, "en-US")).toBe(
      "Line 2: Area #999999 does not exist (4 problems in all)",
    );
  });

  it("refuses negative or fractional people, more relocated than affected, and no areas", () => {
    const muDong = area("木洞镇");
    const negative = refused(() =>
      createIncident({
        ctx: dispatcher,
        input: flood({ areas: [{ areaId: muDong, affected: -1, relocated: 0 }] }),
      }),
    );
    expect(zhIssues(negative)).toContainEqual({ field: "areas.0.affected", message: "受灾人口不能为负数" });
    const fractional = refused(() =>
      createIncident({
        ctx: dispatcher,
        input: flood({ areas: [{ areaId: muDong, affected: 10, relocated: 2.5 }] }),
      }),
    );
    expect(zhIssues(fractional)).toContainEqual({
      field: "areas.0.relocated",
      message: "紧急转移安置人口应为整数",
    });
    const over = refused(() =>
      createIncident({
        ctx: dispatcher,
        input: flood({ areas: [{ areaId: muDong, affected: 10, relocated: 11 }] }),
      }),
    );
    expect(zhIssues(over)).toEqual([
      { field: "areas.0.relocated", message: "紧急转移安置人口不能多于受灾人口" },
    ]);
    const none = refused(() => createIncident({ ctx: dispatcher, input: flood({ areas: [] }) }));
    expect(zhIssues(none)).toEqual([{ field: "areas", message: "请至少填写一个受灾区域" }]);
  });

  it("refuses a start in the future or more than a year ago", () => {
    const future = refused(() =>
      createIncident({ ctx: dispatcher, input: flood({ startedAt: minutesAgo(-60) }) }),
    );
    expect(zhIssues(future)[0]?.field).toBe("startedAt");
    expect((future as Error).message).toMatch(/^发生时间不能晚于当前时间/);
    const old = refused(() =>
      createIncident({ ctx: dispatcher, input: flood({ startedAt: minutesAgo(400 * 24 * 60) }) }),
    );
    expect((old as Error).message).toMatch(/^发生时间不能早于 \d{4}-\d{2}-\d{2}（一年以前）$/);
  });
});

describe("reports", () => {
  it("a follow-up supersedes the initial report, each keeping its figures", () => {
    const { id } = createIncident({ ctx: dispatcher, input: flood() });
    const later = { ...dispatcher, now: () => new Date(NOW.getTime() + 60 * 60_000) };
    reportIncident({
      ctx: later,
      input: {
        incidentId: id,
        kind: "follow_up",
        reportedAt: new Date(NOW.getTime() + 50 * 60_000).toISOString(),
        areas: [
          { areaId: area("木洞镇"), affected: 6000, relocated: 1800 },
          { areaId: area("丰盛镇"), affected: 800, relocated: 100 },
        ],
        note: "丰盛镇道路中断",
      },
    });
    const incident = getIncident(database.db, id);
    expect(incident.reports.map((r) => [r.kind, r.totals.relocated])).toEqual([
      ["follow_up", 1900],
      ["initial", 1500],
    ]);
    expect(incident.areas.map((a) => [a.name, a.relocated, a.reportKind])).toEqual([
      ["木洞镇", 1800, "follow_up"],
      ["丰盛镇", 100, "follow_up"],
    ]);
    expect(incident.totals.relocated).toBe(1900);
    const page = listIncidents(database.db, { search: "木洞" });
    expect(page.rows[0]).toMatchObject({ id, relocated: 1900, latestReportKind: "follow_up" });
  });

  it("refuses a report before the initial one, and follow-ups after a verified report", () => {
    const { id } = createIncident({ ctx: dispatcher, input: flood() });
    const figures = flood().areas;
    const early = refused(() =>
      reportIncident({
        ctx: dispatcher,
        input: { incidentId: id, kind: "follow_up", reportedAt: minutesAgo(5), areas: figures },
      }),
    );
    expect(zhIssues(early)[0]?.field).toBe("reportedAt");
    reportIncident({
      ctx: dispatcher,
      input: { incidentId: id, kind: "verified", reportedAt: NOW.toISOString(), areas: figures },
    });
    const followUp = refused(() =>
      reportIncident({
        ctx: dispatcher,
        input: { incidentId: id, kind: "follow_up", reportedAt: NOW.toISOString(), areas: figures },
      }),
    );
    expect((followUp as Error).message).toMatch(/已核报，不能再续报/);
    // A correction comes as another verified report.
    reportIncident({
      ctx: dispatcher,
      input: { incidentId: id, kind: "verified", reportedAt: NOW.toISOString(), areas: figures.slice(0, 1) },
    });
    expect(getIncident(database.db, id).areas).toHaveLength(1);
  });

  it("a closed incident refuses reports, package edits and overrides", () => {
    const { id } = createIncident({ ctx: dispatcher, input: flood() });
    closeIncident({ ctx: dispatcher, input: { id } });
    const incident = getIncident(database.db, id);
    expect(incident).toMatchObject({ status: "closed", closedAt: NOW.toISOString() });
    const closed = `灾情 ${incident.number} 已结束，只能查看`;
    const actions = [
      () =>
        reportIncident({
          ctx: dispatcher,
          input: { incidentId: id, kind: "follow_up", reportedAt: NOW.toISOString(), areas: flood().areas },
        }),
      () =>
        setPackageLine({
          ctx: dispatcher,
          input: { incidentId: id, itemId: ids.item("JTB-01"), quantity: 1 },
        }),
      () => removePackageLine({ ctx: dispatcher, input: { incidentId: id, itemId: ids.item("ZP-12") } }),
      () =>
        overrideNeed({
          ctx: dispatcher,
          input: {
            incidentId: id,
            areaId: area("木洞镇"),
            itemId: ids.item("ZP-12"),
            quantity: 1,
            reason: "x",
          },
        }),
      () => assertIncidentOpen(database.db, id),
    ];
    for (const action of actions) expect((refused(action) as Error).message).toBe(closed);
    expect((refused(() => closeIncident({ ctx: dispatcher, input: { id } })) as Error).message).toBe(
      `灾情 ${incident.number} 已经结束`,
    );
  });
});

describe("needs", () => {
  it("computes relocated × package per area, per household by the area's (or its township's) household size", () => {
    database.db.update(areas).set({ householdSize: 3 }).where(eq(areas.name, "麻柳嘴镇")).run();
    const inherits = village("麻柳嘴镇", "石坪村");
    const own = village("麻柳嘴镇", "新华村", 2);
    const { id } = createIncident({
      ctx: dispatcher,
      input: flood({
        areas: [
          { areaId: area("木洞镇"), affected: 1000, relocated: 245 },
          { areaId: inherits, affected: 400, relocated: 300 },
          { areaId: own, affected: 400, relocated: 301 },
        ],
      }),
    });
    setPackageLine({
      ctx: dispatcher,
      input: { incidentId: id, itemId: ids.item("JTB-01"), quantity: 1, basis: "household" },
    });
    const needs = incidentNeeds(database.db, id);
    const need = (areaId: number, code: string) =>
      needs.find((n) => n.areaId === areaId && n.itemId === ids.item(code));
    // 245 ÷ 2.45 = 100 households; 300 ÷ 3 (the township's) = 100; 301 ÷ 2 = 150.5 → 151.
    expect(need(area("木洞镇"), "JTB-01")).toMatchObject({ quantity: 100, computed: 100, overridden: null });
    expect(need(inherits, "JTB-01")?.quantity).toBe(100);
    expect(need(own, "JTB-01")?.quantity).toBe(151);
    // Tents: 1 per 3 persons, rounded up; water 3 bottles a day for 3 days.
    expect(need(area("木洞镇"), "ZP-12")?.quantity).toBe(82);
    expect(need(inherits, "ZP-12")?.quantity).toBe(100);
    expect(need(area("木洞镇"), "YYS-1L")?.quantity).toBe(245 * 9);
    expect(getIncident(database.db, id).package.find((l) => l.itemCode === "JTB-01")?.edited).toBe(true);
  });

  it("an override replaces the computed need with who and why; null returns to the computed figure", () => {
    const { id } = createIncident({ ctx: dispatcher, input: flood() });
    const muDong = area("木洞镇");
    const tent = ids.item("ZP-12");
    overrideNeed({
      ctx: dispatcher,
      input: { incidentId: id, areaId: muDong, itemId: tent, quantity: 500, reason: "安置点已有帐篷 " },
    });
    const find = () => incidentNeeds(database.db, id).find((n) => n.areaId === muDong && n.itemId === tent);
    expect(find()).toMatchObject({
      quantity: 500,
      computed: 400,
      overridden: { quantity: 500, reason: "安置点已有帐篷", at: NOW.toISOString() },
    });
    expect(find()?.overridden?.by).toBeTruthy();
    overrideNeed({
      ctx: dispatcher,
      input: { incidentId: id, areaId: muDong, itemId: tent, quantity: null, reason: "恢复" },
    });
    expect(find()).toMatchObject({ quantity: 400, overridden: null });
    expect(getIncident(database.db, id).overrides.map((o) => o.quantity)).toEqual([null, 500]);

    // An override can add an item the package lacks, and survives the line's removal.
    overrideNeed({
      ctx: dispatcher,
      input: {
        incidentId: id,
        areaId: muDong,
        itemId: ids.item("FDJ-5KW"),
        quantity: 2,
        reason: "安置点供电",
      },
    });
    removePackageLine({ ctx: dispatcher, input: { incidentId: id, itemId: tent } });
    const planning = needsForPlanning(database.db, id);
    expect(planning.incident).toMatchObject({ id, drill: false, status: "open" });
    expect(planning.areas[0]).toMatchObject({ areaId: muDong, townshipAreaId: muDong, people: 1200 });
    expect(planning.areas[0]?.needs[ids.item("FDJ-5KW")]).toBe(2);
    expect(planning.areas[0]?.needs[tent]).toBeUndefined();
  });

  it("refuses an override without a reason or for an area not affected", () => {
    const { id } = createIncident({ ctx: dispatcher, input: flood() });
    const tent = ids.item("ZP-12");
    const blank = refused(() =>
      overrideNeed({
        ctx: dispatcher,
        input: { incidentId: id, areaId: area("木洞镇"), itemId: tent, quantity: 1, reason: " " },
      }),
    );
    expect(zhIssues(blank)).toEqual([{ field: "reason", message: "请填写调整原因" }]);
    const elsewhere = refused(() =>
      overrideNeed({
        ctx: dispatcher,
        input: { incidentId: id, areaId: area("丰盛镇"), itemId: tent, quantity: 1, reason: "x" },
      }),
    );
    expect((elsewhere as Error).message).toMatch(/^丰盛镇不在灾情 ZQ-\d{8}-01 最新报告的受灾区域中$/);
  });
});

describe("listing", () => {
  it("filters by drill, type, status and start day, and sorts by start", () => {
    const a = createIncident({ ctx: dispatcher, input: flood({ startedAt: minutesAgo(300) }) }).id;
    const b = createIncident({ ctx: dispatcher, input: flood({ type: "landslide", drill: true }) }).id;
    closeIncident({ ctx: dispatcher, input: { id: a } });
    const ids_ = (input: Parameters<typeof listIncidents>[1]) =>
      listIncidents(database.db, input).rows.map((r) => r.id);
    expect(ids_({ sort: "startedAt", order: "desc" })).toEqual([b, a]);
    expect(ids_({ drill: true })).toEqual([b]);
    expect(ids_({ type: "flood" })).toEqual([a]);
    expect(ids_({ status: "open" })).toEqual([b]);
    const tomorrow = localDate(new Date(NOW.getTime() + 86_400_000));
    expect(ids_({ from: tomorrow })).toEqual([]);
    expect(listIncidents(database.db, { pageSize: 1 }).total).toBe(2);
  });
});
