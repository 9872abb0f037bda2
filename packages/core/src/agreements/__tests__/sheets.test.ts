import { agreementDeclarations, agreements, auditLog, enterprises, type ReliefDatabase } from "@relief/db";
import { zh } from "@relief/domain";
import { readFirstSheet, writeWorkbook } from "@relief/sheets";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { exportEnterprises, importEnterprises } from "../../enterprises/sheets";
import { ValidationError } from "../../errors";
import { actorFor, contextFor, createSeededDatabase, zhIssues } from "../../testing";
import { addDays, localDate } from "../../time";
import { agreementViews } from "../list";
import {
  agreementTemplate,
  declarationTemplate,
  exportAgreements,
  exportDeclarations,
  importAgreements,
  importDeclarations,
} from "../sheets";

let database: ReliefDatabase;
const now = new Date().toISOString();
const today = localDate(now);

beforeEach(async () => {
  database = await createSeededDatabase();
});

const commerce = () => contextFor(database, actorFor(database, "shangwu"));
const file = (rows: unknown[][]) => ({
  fileName: "测试.xlsx",
  content: writeWorkbook([{ name: "Sheet1", rows }]),
});
/** The sheet as rows of cells, the header first (blank rows left out). */
const grid = async (content: Uint8Array) => {
  const sheet = await readFirstSheet(content);
  if (!("rows" in sheet)) throw new Error(zh(sheet.message));
  return [sheet.header.cells, ...sheet.rows.map((r) => r.cells)];
};
const tally = () => ({
  enterprises: database.db.select({ n: count() }).from(enterprises).get()?.n,
  agreements: database.db.select({ n: count() }).from(agreements).get()?.n,
  declarations: database.db.select({ n: count() }).from(agreementDeclarations).get()?.n,
  audit: database.db.select({ n: count() }).from(auditLog).get()?.n,
});

async function issuesOf(
  action: () => Promise<unknown>,
): Promise<Array<{ row?: number; column?: string; message: string }>> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ValidationError) return zhIssues(error);
    throw error;
  }
  throw new Error("expected the import to be rejected");
}

const ENTERPRISE_HEADERS = [
  "企业名称",
  "统一社会信用代码",
  "企业类型",
  "重点联系企业",
  "所在镇街",
  "地址",
  "经度",
  "纬度",
  "合作状态",
  "联系人",
  "联系人职务",
  "联系电话",
];

describe("enterprise sheet", () => {
  it("round-trips: an exported register imports back as updates; a new code registers an enterprise", async () => {
    const exported = await grid(exportEnterprises(database.db, now).content);
    expect(exported[0]).toEqual([...ENTERPRISE_HEADERS, "信用等级", "信用分"]);
    expect(exported).toHaveLength(11);
    const rows = [
      ...exported,
      [
        "重庆某某饮用水批发有限公司",
        "91110000600037341L",
        "批发零售",
        "是",
        "鱼洞街道",
        "",
        null,
        null,
        "",
        "张某",
        "",
        "13800000000",
      ],
    ];
    expect(await importEnterprises({ ctx: commerce(), input: file(rows) })).toEqual({
      created: 1,
      updated: 10,
    });
    const added = database.db
      .select()
      .from(enterprises)
      .where(eq(enterprises.creditCode, "91110000600037341L"))
      .get();
    expect(added).toMatchObject({ name: "重庆某某饮用水批发有限公司", keySupplier: true, status: "active" });
  });

  it("rejects a file with bad rows, listing each row and column, and writes nothing", async () => {
    const before = tally();
    const issues = await issuesOf(() =>
      importEnterprises({
        ctx: commerce(),
        input: file([
          ENTERPRISE_HEADERS,
          ["甲公司", "91350100M000100Y44", "批发零售", "", "", "", null, null, "", "", "", ""],
          ["乙公司", "91350100M000100Y43", "批发零售", "", "", "", null, null, "", "", "", ""],
          ["丙公司", "91350100M000100Y43", "批发零售", "", "", "", null, null, "", "", "", ""],
          ["丁公司", "91110000600037341L", "工厂", "", "火星镇", "", null, null, "", "", "", ""],
          ["戊公司", "91500113MA5U7A1B2J", "批发零售", "", "", "", null, null, "", "李某", "", ""],
          ["己公司", "91500113MA5U7A1B2J", "批发零售", "", "", "", null, null, "", "李某", "", "123"],
        ]),
      }),
    );
    expect(issues).toEqual([
      {
        row: 2,
        column: "统一社会信用代码",
        message: "统一社会信用代码校验位错误：第 18 位应为“3”，实际为“4”",
      },
      { row: 4, column: "统一社会信用代码", message: "与第 3 行重复" },
      {
        row: 5,
        column: "企业类型",
        message: "企业类型应为 生产企业、批发零售、物流运输、其他 之一，实际为“工厂”",
      },
      { row: 6, column: "联系电话", message: "填写联系人时须填写联系电话" },
      { row: 7, column: "联系电话", message: "请填写 11 位手机号或带区号的固定电话" },
    ]);
    expect(tally()).toEqual(before);
  });
});

const AGREEMENT_HEADERS = [
  "协议编号",
  "企业统一社会信用代码",
  "协议类型",
  "开始日期",
  "结束日期",
  "签订日期",
  "物资编码",
  "车型",
  "承诺数量",
  "单位",
  "响应时限（小时）",
  "存放仓库编码",
  "单价（元）",
  "储备资金（元）",
  "轮换责任",
  "申报周期（月）",
];
const WATER = "91500113MA5U7A1B2J"; // 巴南示例饮品批发有限公司, warehouse QY01
const start = addDays(today, -1);
const end = addDays(today, 364);

describe("agreement sheet", () => {
  it("imports agreements with their lines; money in yuan becomes fen", async () => {
    const result = await importAgreements({
      ctx: commerce(),
      input: file([
        AGREEMENT_HEADERS,
        [
          "T-XY-1",
          WATER,
          "协议储备",
          start,
          end,
          null,
          "YYS-1L",
          null,
          100,
          "箱",
          6,
          "QY01",
          18.5,
          22200,
          "轮换",
          3,
        ],
        [
          "T-XY-1",
          WATER,
          "协议储备",
          start,
          end,
          null,
          "FBSP-01",
          null,
          500,
          null,
          6,
          "QY01",
          null,
          null,
          null,
          3,
        ],
        [
          "T-YL-2",
          WATER,
          "运力储备",
          start,
          end,
          null,
          null,
          "6.8米中型货车",
          3,
          null,
          4,
          null,
          null,
          null,
          null,
        ],
      ]),
    });
    expect(result).toEqual({ agreements: 2, lines: 3 });
    const imported = agreementViews(database.db, {}, now).find((a) => a.number === "T-XY-1");
    expect(imported?.lines.map((l) => [l.itemCode, l.quantity, l.unitPriceFen, l.reserveFundFen])).toEqual([
      ["YYS-1L", 1200, 1850, 2_220_000],
      ["FBSP-01", 500, null, null],
    ]);
    // 申报周期: three-monthly as written, monthly when left empty.
    const cadence = (number: string) =>
      agreementViews(database.db, {}, now).find((a) => a.number === number)?.declarationMonths;
    expect([cadence("T-XY-1"), cadence("T-YL-2")]).toEqual([3, 1]);
    expect((await grid(agreementTemplate(database.db).content))[0]).toEqual(AGREEMENT_HEADERS);
  });

  it("refuses a cadence outside 1–12 months, or one that differs between the lines of an agreement", async () => {
    const before = tally();
    const line = (number: string, item: string, months: unknown) => [
      number,
      WATER,
      "协议储备",
      start,
      end,
      null,
      item,
      null,
      100,
      null,
      6,
      "QY01",
      null,
      null,
      null,
      months,
    ];
    const issues = await issuesOf(() =>
      importAgreements({
        ctx: commerce(),
        input: file([
          AGREEMENT_HEADERS,
          line("T-7", "YYS-1L", 13),
          line("T-8", "YYS-1L", 2),
          line("T-8", "FBSP-01", 6),
          line("T-9", "YYS-1L", 1.5),
        ]),
      }),
    );
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [2, "申报周期（月）"],
      [4, "申报周期（月）"],
      [5, "申报周期（月）"],
    ]);
    expect(issues[1]?.message).toBe("与同一协议第 3 行的“申报周期（月）”不一致");
    expect(issues[0]?.message).toContain("申报周期");
    expect(tally()).toEqual(before);
  });

  it("rejects duplicate numbers, end before start, unknown codes, negative quantities and foreign warehouses", async () => {
    const before = tally();
    // An export re-imported: every agreement number is registered already.
    const exported = (await grid(exportAgreements(database.db, now).content)).map((r) => r.slice(0, 15));
    const duplicateIssues = await issuesOf(() =>
      importAgreements({ ctx: commerce(), input: file(exported) }),
    );
    expect(duplicateIssues[0]).toEqual({ row: 2, column: "协议编号", message: "协议编号已存在" });
    expect(duplicateIssues.every((i) => i.message === "协议编号已存在")).toBe(true);

    const issues = await issuesOf(() =>
      importAgreements({
        ctx: commerce(),
        input: file([
          AGREEMENT_HEADERS,
          [
            "T-1",
            WATER,
            "协议储备",
            end,
            start,
            null,
            "YYS-1L",
            null,
            100,
            null,
            6,
            "QY01",
            null,
            null,
            null,
          ],
          [
            "T-2",
            "91110000600037341L",
            "协议储备",
            start,
            end,
            null,
            "YYS-1L",
            null,
            100,
            null,
            6,
            "QY01",
            null,
            null,
            null,
          ],
          ["T-3", WATER, "协议储备", start, end, null, "NOPE", null, 100, null, 6, "QY01", null, null, null],
          ["T-4", WATER, "协议储备", start, end, null, "YYS-1L", null, -5, null, 6, "QY01", null, null, null],
          ["T-5", WATER, "协议储备", start, end, null, "YYS-1L", null, 5, null, 6, "QY02", null, null, null],
          ["T-6", WATER, "协议储备", start, end, null, "YYS-1L", null, 5, null, 6, "QY01", -1, null, null],
          ["T-5", WATER, "产能储备", start, end, null, "FBSP-01", null, 5, null, 6, null, null, null, null],
        ]),
      }),
    );
    expect(issues).toEqual([
      { row: 2, column: "结束日期", message: `结束日期（${start}）早于开始日期（${end}）` },
      {
        row: 3,
        column: "企业统一社会信用代码",
        message: "没有统一社会信用代码为 91110000600037341L 的已登记企业",
      },
      { row: 4, column: "物资编码", message: "物资目录中没有编码为“NOPE”的物资" },
      { row: 5, column: "承诺数量", message: "承诺数量不能小于 1，实际为 -5" },
      { row: 6, column: "存放仓库编码", message: "“示例粮油鱼洞仓”不属于企业“巴南示例饮品批发有限公司”" },
      { row: 7, column: "单价（元）", message: "单价不能为负数，实际为 -1" },
      { row: 8, column: "协议类型", message: "与同一协议第 6 行的“协议类型”不一致" },
    ]);
    expect(tally()).toEqual(before);
  });
});

describe("declaration sheet", () => {
  it("imports what an enterprise filled into its prefilled sheet, recorded as imported", async () => {
    const water = agreementViews(database.db, {}, now).find((a) => a.number === "BNSW-XY-2026-001");
    const template = await grid(declarationTemplate(database.db, now, water?.enterpriseId).content);
    expect(template[1]).toEqual([
      "BNSW-XY-2026-001",
      1,
      "YYS-1L",
      null,
      null,
      "瓶",
      null,
      "巴南示例饮品批发有限公司",
      "瓶装饮用水",
      "示例饮品批发李家沱仓",
      200000,
    ]);
    const filled = template.map((r, i) =>
      i === 0 ? r : [r[0], r[1], r[2], today, 16_800, "箱", "月度申报"],
    );
    expect(await importDeclarations({ ctx: commerce(), input: file(filled) })).toEqual({ declarations: 1 });
    const line = agreementViews(database.db, {}, now).find((a) => a.number === "BNSW-XY-2026-001")?.lines[0];
    expect(line?.latestDeclaration).toEqual({ declaredOn: today, quantity: 201_600 });
    const exported = await grid(exportDeclarations(database.db, now).content);
    expect(exported.find((r) => r[0] === "BNSW-XY-2026-001" && r[7] === today)?.slice(8, 10)).toEqual([
      201_600,
      "表格导入",
    ]);
  });

  it("rejects unknown agreements and lines, a wrong item, future dates and negative figures", async () => {
    const before = tally();
    const headers = ["协议编号", "行号", "物资编码", "申报日期", "申报数量", "单位", "备注"];
    const issues = await issuesOf(() =>
      importDeclarations({
        ctx: commerce(),
        input: file([
          headers,
          ["NO-SUCH", 1, null, today, 1, null, null],
          ["BNSW-XY-2026-001", 9, null, today, 1, null, null],
          ["BNSW-XY-2026-001", 1, "MB-01", today, 1, null, null],
          ["BNSW-XY-2026-001", 1, null, addDays(today, 1), 1, null, null],
          ["BNSW-XY-2026-003", 1, null, today, -1, null, null],
          ["BNSW-XY-2026-003", 2, null, today, 1, "吨", null],
        ]),
      }),
    );
    expect(issues).toEqual([
      { row: 2, column: "协议编号", message: "没有编号为“NO-SUCH”的协议储备" },
      { row: 3, column: "行号", message: "协议 BNSW-XY-2026-001 没有第 9 行" },
      {
        row: 4,
        column: "物资编码",
        message: "协议 BNSW-XY-2026-001 第 1 行的物资是 YYS-1L（瓶装饮用水），不是 MB-01",
      },
      { row: 5, column: "申报日期", message: `申报日期不能晚于今天（${today}）` },
      { row: 6, column: "申报数量", message: "申报数量不能小于 0，实际为 -1" },
      { row: 7, column: "单位", message: "“折叠床”没有单位“吨”（可用：张）" },
    ]);
    expect(tally()).toEqual(before);
  });
});
