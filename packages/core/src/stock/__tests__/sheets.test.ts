import { lots, type ReliefDatabase } from "@relief/db";
import { writeWorkbook } from "@relief/sheets";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { ValidationError } from "../../errors";
import { describeSoffice, throughLibreOffice } from "../../libreoffice.testing";
import { formatCount, MAX_LINE_QUANTITY } from "../../limits";
import { actorFor, contextFor, createSeededDatabase, demoIds, stockSnapshot, zhIssues } from "../../testing";
import { listBalances } from "../balances";
import { getDocument } from "../documents";
import { issueStock } from "../issue";
import { exportBalances, exportCard, importReceipts, receiptTemplate } from "../sheets";

const HEADERS = [
  "仓库编码",
  "物资编码",
  "批次号",
  "生产日期",
  "有效期至",
  "数量",
  "单位",
  "来源",
  "权属",
  "单据参考号",
];
const sheet = (rows: unknown[][], headers: unknown[] = HEADERS) =>
  writeWorkbook([{ name: "入库明细", rows: [headers, ...rows] }]);

let database: ReliefDatabase;
let ids: ReturnType<typeof demoIds>;

beforeEach(async () => {
  database = await createSeededDatabase();
  ids = demoIds(database);
});

async function rejected(content: Uint8Array, username = "minzheng"): Promise<ValidationError> {
  const before = stockSnapshot(database);
  let error: unknown;
  try {
    await importReceipts({
      ctx: contextFor(database, actorFor(database, username)),
      input: { fileName: "入库.xlsx", content },
    });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ValidationError);
  expect(stockSnapshot(database)).toEqual(before);
  return error as ValidationError;
}

describe("receipt import", () => {
  it("posts one receipt per warehouse, converting packs, with each line's ownership", async () => {
    const result = await importReceipts({
      ctx: contextFor(database, actorFor(database, "minzheng")),
      input: {
        fileName: "入库.xlsx",
        content: sheet([
          ["QJ01", "YYS-1L", "YYS-IMP", "2026-10-01", null, 10, "箱", "采购", null, "采购合同 2026-18"],
          ["QJ01", "MB-01", "MB-DON-X", null, null, 50, "床", "采购", "捐赠", "采购合同 2026-18"],
          ["MD01", "ZP-12", "ZP-IMP", null, null, 5, null, "调拨", null, null],
        ]),
      },
    });
    expect(result.documents.map((d) => d.number.slice(0, 2))).toEqual(["RK", "RK"]);
    const qj = getDocument(database.db, result.documents[0]?.id ?? 0);
    expect(qj).toMatchObject({
      receiptKind: "purchase",
      reference: "采购合同 2026-18",
      note: "由文件“入库.xlsx”导入",
    });
    expect(qj.lines.map((l) => [l.itemCode, l.onHandDelta, l.ownership, l.expiryDate])).toEqual([
      ["YYS-1L", 120, "government", "2027-10-01"],
      ["MB-01", 50, "donation", null],
    ]);
    expect(getDocument(database.db, result.documents[1]?.id ?? 0).receiptKind).toBe("central_allocation");
  });

  it("accepts Excel date cells", async () => {
    const serial = 46_023; // 2026-01-01
    await importReceipts({
      ctx: contextFor(database),
      input: {
        fileName: "x.xlsx",
        content: sheet([["QJ01", "FBSP-01", "FB-SERIAL", serial, null, 3, "箱", "采购", null, null]]),
      },
    });
    const lot = listBalances(database.db, { itemId: ids.item("FBSP-01") }).find(
      (b) => b.lotCode === "FB-SERIAL",
    );
    expect(lot).toMatchObject({ productionDate: "2026-01-01", expiryDate: "2028-01-01", onHand: 30 });
  });

  it("lists every bad row and column and writes nothing", async () => {
    const error = await rejected(
      sheet([
        ["XX99", "MB-01", "L1", null, null, 1, null, "采购", null, null],
        ["SW01", "MB-01", "L2", null, null, 1, null, "采购", null, null],
        ["QJ01", "NOPE", "L3", null, null, 1, null, "采购", null, null],
        ["QJ01", "YYS-1L", "L4", "2026-13-01", null, 1, null, "采购", null, null],
        ["QJ01", "YYS-1L", "L5", null, null, 1, null, "采购", null, null],
        ["QJ01", "YYS-1L", "YYS-A", "2020-01-01", null, 1, null, "采购", null, null],
        ["QJ01", "MB-01", "L7", null, null, 0, null, "采购", null, null],
        ["QJ01", "MB-01", "L8", null, null, 2.5, null, "采购", null, null],
        ["QJ01", "MB-01", "L9", "2026-05-01", "2026-04-01", 1, null, "采购", null, null],
        ["MD01", "ZDC-01", "D1", "2025-01-01", null, 1, null, "采购", null, null],
        ["MD01", "ZDC-01", "D1", "2025-02-01", null, 1, null, "采购", null, null],
        ["JL01", "MB-01", "J1", null, null, 1, null, "采购", null, "单号 1"],
        ["JL01", "MB-01", "J2", null, null, 1, null, "采购", null, "单号 2"],
      ]),
    );
    expect(error.message).toBe(`文件“入库.xlsx”有 ${error.issues.length} 处错误，未导入任何数据`);
    expect(zhIssues(error)).toEqual([
      { row: 2, column: "仓库编码", message: "没有编码为“XX99”的仓库" },
      { row: 3, column: "仓库编码", message: "您无权在仓库“区商务委应急商品储备仓”记账" },
      { row: 4, column: "物资编码", message: "物资目录中没有编码为“NOPE”的物资" },
      { row: 5, column: "生产日期", message: "生产日期应为日期（如 2026-03-01），实际为“2026-13-01”" },
      { row: 6, column: "有效期至", message: "“瓶装饮用水”有保质期，请填写生产日期或有效期" },
      { row: 7, column: "批次号", message: expect.stringContaining("“瓶装饮用水”批次 YYS-A 已登记") },
      { row: 8, column: "数量", message: "数量不能小于 1，实际为 0" },
      { row: 9, column: "数量", message: "数量应为整数，实际为 2.5" },
      { row: 10, column: "有效期至", message: "有效期至（2026-04-01）应晚于生产日期（2026-05-01）" },
      { row: 12, column: "批次号", message: "与第 11 行同一批次但日期不同" },
      { row: 14, column: "来源", message: "同一仓库的各行来源和单据参考号须一致（与第 13 行不同）" },
    ]);
  });

  it("rejects a unit the item does not have, a file without the columns, and a file that is not Excel", async () => {
    expect(
      zhIssues(
        await rejected(sheet([["QJ01", "YYS-1L", "U1", "2026-01-01", null, 1, "桶", "采购", null, null]])),
      ),
    ).toEqual([{ row: 2, column: "单位", message: "“瓶装饮用水”没有单位“桶”（可用：瓶、箱）" }]);
    expect((await rejected(sheet([["QJ01", 1]], ["仓库编码", "数量"]))).issues.map((i) => i.column)).toEqual([
      "物资编码",
      "批次号",
      "来源",
    ]);
    expect(zhIssues(await rejected(new TextEncoder().encode("not a workbook")))).toEqual([
      { message: "文件不是 Excel 表格，请使用下载的 .xlsx 模板" },
    ]);
  });

  it("registers a new lot named by several rows once, and reuses a registered lot", async () => {
    const before = database.db
      .select()
      .from(lots)
      .where(and(eq(lots.itemId, ids.item("YYS-1L")), eq(lots.lotCode, "YYS-A")))
      .get();
    const result = await importReceipts({
      ctx: contextFor(database, actorFor(database, "minzheng")),
      input: {
        fileName: "入库.xlsx",
        content: sheet([
          ["QJ01", "YYS-1L", "YYS-TWICE", "2026-06-01", null, 2, "箱", "采购", null, null],
          ["MD01", "YYS-1L", "YYS-TWICE", "2026-06-01", null, 3, "箱", "调拨", null, null],
          ["QJ01", "YYS-1L", "YYS-TWICE", "2026-06-01", null, 5, null, "采购", null, null],
          ["QJ01", "YYS-1L", "YYS-A", null, null, 7, null, "采购", null, null],
        ]),
      },
    });
    const registered = database.db
      .select()
      .from(lots)
      .where(and(eq(lots.itemId, ids.item("YYS-1L")), eq(lots.lotCode, "YYS-TWICE")))
      .all();
    expect(registered).toHaveLength(1);
    expect(registered[0]).toMatchObject({
      productionDate: "2026-06-01",
      expiryDate: "2027-06-01",
      status: "available",
      statusNote: null,
    });
    const lines = result.documents.flatMap((d) =>
      getDocument(database.db, d.id).lines.map((l) => [l.lotId, l.lotCode, l.onHandDelta]),
    );
    expect(lines).toEqual([
      [registered[0]?.id, "YYS-TWICE", 24],
      [registered[0]?.id, "YYS-TWICE", 5],
      [before?.id, "YYS-A", 7],
      [registered[0]?.id, "YYS-TWICE", 36],
    ]);
    expect(
      database.db
        .select()
        .from(lots)
        .where(eq(lots.id, before?.id ?? 0))
        .get(),
      "the registered lot keeps its dates",
    ).toEqual(before);
  });

  it("refuses a quantity cell over the line ceiling the core sets, naming row and column", async () => {
    const error = await rejected(
      sheet([
        ["QJ01", "MB-01", "MAX", null, null, MAX_LINE_QUANTITY, null, "采购", null, null],
        ["QJ01", "MB-01", "OVER", null, null, MAX_LINE_QUANTITY + 1, null, "采购", null, null],
      ]),
    );
    expect(zhIssues(error)).toEqual([
      {
        row: 3,
        column: "数量",
        message: `数量不能大于 ${formatCount(MAX_LINE_QUANTITY)}，实际为 ${MAX_LINE_QUANTITY + 1}`,
      },
    ]);
  });

  it("offers a template that lists the warehouse and item codes", async () => {
    const template = receiptTemplate(database.db);
    expect(template.fileName).toBe("入库导入模板.xlsx");
    expect(Buffer.from(template.content).subarray(0, 2).toString()).toBe("PK");
  });
});

// LibreOffice takes a while to start, more so on a busy machine.
describeSoffice("exports opened by LibreOffice", { timeout: 180_000 }, () => {
  it("the stock report shows the same figures as the balances", async () => {
    const report = throughLibreOffice(
      exportBalances(database.db, { warehouseId: ids.warehouse("QJ01") }).content,
    );
    expect(report[0]?.[0]).toBe("救灾物资库存报表");
    const header = report[2] ?? [];
    expect(header).toEqual([
      "仓库编码",
      "仓库",
      "物资编码",
      "物资",
      "批次",
      "权属",
      "生产日期",
      "有效期至",
      "状态",
      "单位",
      "在库",
      "已预留",
      "冻结",
      "在途",
      "可用",
    ]);
    const food = report.find((r) => r[4] === "FBSP-A");
    expect(food).toMatchObject({ 0: "QJ01", 8: "隔离待检", 10: "4000", 14: "0" });
    const balances = listBalances(database.db, { warehouseId: ids.warehouse("QJ01") });
    expect(report.length - 3).toBe(balances.length);
    const onHand = report.slice(3).reduce((sum, r) => sum + Number(r[10]), 0);
    expect(onHand).toBe(balances.reduce((sum, b) => sum + b.onHand, 0));
  });

  it("the stock card shows the running balance", async () => {
    issueStock({
      ctx: contextFor(database),
      input: {
        warehouseId: ids.warehouse("QJ01"),
        reason: "dispatch",
        lines: [{ itemId: ids.item("ZP-12"), quantity: 120 }],
      },
    });
    const card = throughLibreOffice(
      exportCard(database.db, { itemId: ids.item("ZP-12"), warehouseId: ids.warehouse("QJ01") }).content,
    );
    const lines = card.slice(3).map((r) => [r[2], r[8], r[9], r[10]]);
    expect(lines).toEqual([
      ["期初结存", "", "", "0"],
      ["入库", "1500", "", "1500"],
      ["出库", "", "120", "1380"],
      ["期末结存", "", "", "1380"],
    ]);
  });
});
