import type { ReliefDatabase } from "@relief/db";
import { beforeEach, describe, expect, it } from "vitest";
import { contextFor, createSeededDatabase, demoIds, stockSnapshot, zhIssues, zhThrown } from "../../testing";
import { exportCountSheet } from "../count-sheet";
import { getCount, openCount, recordCount, submitCount } from "../counts";

let database: ReliefDatabase;
let ids: ReturnType<typeof demoIds>;

beforeEach(async () => {
  database = await createSeededDatabase();
  ids = demoIds(database);
});

/** A count of 木洞镇 (MD01): JTB-01 100 个 (箱 = 4), MB-01 500 床 (包 = 10), YYS-1L 2,400 瓶 (箱 = 12). */
function openMuDong() {
  const ctx = contextFor(database);
  const count = openCount({ ctx, input: { warehouseId: ids.warehouse("MD01") } });
  const lines = getCount(database.db, count.id).lines;
  const line = (code: string) => lines.find((l) => l.itemCode === code)?.id ?? 0;
  return { ctx, count, line };
}

const countedOf = (countId: number) =>
  Object.fromEntries(getCount(database.db, countId).lines.map((l) => [l.itemCode, l.counted]));

const failure = (action: () => unknown) => {
  try {
    action();
  } catch (cause) {
    return cause;
  }
  throw new Error("expected the action to throw");
};

describe("counts in packs", () => {
  it("converts whole packs plus loose units and stores base units", () => {
    const { ctx, count, line } = openMuDong();
    recordCount({
      ctx,
      input: {
        countId: count.id,
        lines: [
          { lineId: line("MB-01"), packs: { unit: "包", count: 49 }, counted: 7 },
          { lineId: line("YYS-1L"), packs: { unit: "箱", count: 200 }, counted: null },
          { lineId: line("JTB-01"), counted: 100 },
        ],
      },
    });
    expect(countedOf(count.id)).toEqual({ "MB-01": 497, "YYS-1L": 2_400, "JTB-01": 100 });
    const audit = database.sqlite
      .prepare("SELECT summary FROM audit_log WHERE action = 'stock.recordCount' ORDER BY id DESC LIMIT 1")
      .get() as { summary: string };
    expect(JSON.parse(audit.summary)).toMatchObject({ lines: 3, inPacks: 2 });
  });

  it("refuses a pack the item does not have, naming the line, and writes nothing", () => {
    const { ctx, count, line } = openMuDong();
    const before = stockSnapshot(database);
    const cause = failure(() =>
      recordCount({
        ctx,
        input: {
          countId: count.id,
          lines: [
            { lineId: line("JTB-01"), counted: 100 },
            { lineId: line("MB-01"), packs: { unit: "箱", count: 3 }, counted: 0 },
          ],
        },
      }),
    );
    expect(zhIssues(cause)).toEqual([
      {
        field: `line.${line("MB-01")}`,
        message: "“棉被”批次 MB-2022-03：“棉被”没有单位“箱”（可用：床、包）",
      },
    ]);
    expect(stockSnapshot(database)).toEqual(before);
    expect(countedOf(count.id)).toEqual({ "MB-01": null, "YYS-1L": null, "JTB-01": null });
  });

  it("refuses fractions and negative counts, and a total past the line ceiling", () => {
    const { ctx, count, line } = openMuDong();
    const before = stockSnapshot(database);
    const record = (lines: unknown) =>
      recordCount({ ctx, input: { countId: count.id, lines } as Parameters<typeof recordCount>[0]["input"] });
    expect(
      zhIssues(
        failure(() => record([{ lineId: line("MB-01"), packs: { unit: "包", count: 1.5 }, counted: 0 }])),
      ),
    ).toEqual([{ field: "lines.0.packs.count", message: "整件数应为整数" }]);
    expect(
      zhThrown(() => record([{ lineId: line("MB-01"), packs: { unit: "包", count: 2 }, counted: -1 }])),
    ).toBe("盘点数量不能为负数");
    expect(
      zhThrown(() =>
        record([{ lineId: line("YYS-1L"), packs: { unit: "箱", count: 100_000_000 }, counted: 0 }]),
      ),
    ).toMatch(/^“瓶装饮用水”批次 YYS-A：整件数折合 1,200,000,000 瓶，超过单行上限/);
    expect(stockSnapshot(database)).toEqual(before);
    expect(countedOf(count.id)["YYS-1L"]).toBeNull();
  });
});

describe("submitting a count with uncounted lines", () => {
  it("says how many lines are left, names the first few, and posts nothing", () => {
    const { ctx, count, line } = openMuDong();
    recordCount({ ctx, input: { countId: count.id, lines: [{ lineId: line("MB-01"), counted: 490 }] } });
    const before = stockSnapshot(database);
    const cause = failure(() => submitCount({ ctx, input: { countId: count.id } }));
    expect(zhThrown(() => submitCount({ ctx, input: { countId: count.id } }))).toBe(
      "还有 2 行未盘点，全部录入实盘数量后才能提交：“家庭应急包”批次 JTB-2024-05、“瓶装饮用水”批次 YYS-A",
    );
    expect(zhIssues(cause).map((i) => i.field)).toEqual([`line.${line("JTB-01")}`, `line.${line("YYS-1L")}`]);
    expect(stockSnapshot(database)).toEqual(before);
    expect(getCount(database.db, count.id)).toMatchObject({ status: "open", adjustmentDocumentId: null });
  });

  it("lists three lines and how many more", () => {
    const ctx = contextFor(database);
    const count = openCount({ ctx, input: { warehouseId: ids.warehouse("QJ01") } });
    const lines = getCount(database.db, count.id).lines.length;
    expect(lines).toBeGreaterThan(4);
    expect(zhThrown(() => submitCount({ ctx, input: { countId: count.id } }))).toMatch(
      new RegExp(`^还有 ${lines} 行未盘点，.*：(“[^”]+”批次 [^、]+、){3}另 ${lines - 3} 行$`),
    );
  });
});

describe("count sheet", () => {
  it("exports the count as 盘点表_<number>.xlsx", () => {
    const { count } = openMuDong();
    const file = exportCountSheet(database.db, { countId: count.id });
    expect(file.fileName).toBe(`盘点表_${count.number}.xlsx`);
    expect(Buffer.from(file.content).subarray(0, 2).toString()).toBe("PK");
    expect(zhThrown(() => exportCountSheet(database.db, { countId: 999_999 }))).toBe(
      "盘点单 #999,999 不存在",
    );
  });

  it("reads the opener, warehouse and the lines' particulars for the printed sheet", () => {
    const { count } = openMuDong();
    const sheet = getCount(database.db, count.id);
    expect(sheet).toMatchObject({ warehouseCode: "MD01", openedByName: expect.any(String) });
    expect(sheet.lines.map((l) => [l.itemCode, l.lotCode])).toEqual([
      ["JTB-01", "JTB-2024-05"],
      ["MB-01", "MB-2022-03"],
      ["YYS-1L", "YYS-A"],
    ]);
    expect(sheet.lines[1]).toMatchObject({ specification: "2 kg 棉絮，200×230 cm" });
  });
});
