import { areas, auditLog, type ReliefDatabase } from "@relief/db";
import { renderMessage } from "@relief/domain";
import { writeWorkbook } from "@relief/sheets";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { ValidationError } from "../../errors";
import { contextFor, createSeededDatabase, zhIssues } from "../../testing";
import { listAreas, listVillages } from "../list";
import { exportPopulation, importPopulation, populationTemplate } from "../population-sheet";

const HEADERS = ["镇街", "村/社区", "常住人口", "统计年份", "数据依据", "户均人口"];

function sheet(rows: unknown[][], headers: unknown[] = HEADERS): Uint8Array {
  return writeWorkbook([{ name: "人口", rows: [headers, ...rows] }]);
}

function snapshot(database: ReliefDatabase) {
  return {
    areas: database.db.select().from(areas).all(),
    audit: database.db.select({ n: count() }).from(auditLog).get()?.n,
  };
}

async function rejected(database: ReliefDatabase, content: Uint8Array): Promise<ValidationError> {
  const before = snapshot(database);
  let caught: unknown;
  try {
    await importPopulation({ ctx: contextFor(database), input: { fileName: "人口.xlsx", content } });
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ValidationError);
  expect(snapshot(database)).toEqual(before);
  return caught as ValidationError;
}

function population(database: ReliefDatabase, name: string): number | undefined {
  return database.db.select().from(areas).where(eq(areas.name, name)).get()?.population;
}

describe("population import", () => {
  let database: ReliefDatabase;
  beforeEach(async () => {
    database = await createSeededDatabase();
  });

  it("updates the townships named in a valid file and audits the import", async () => {
    const result = await importPopulation({
      ctx: contextFor(database),
      input: {
        fileName: "人口.xlsx",
        content: sheet([
          ["鱼洞街道", "", 151_234, 2023, "官方统计", 2.5],
          ["木洞镇", null, "36,000", null, null, null],
        ]),
      },
    });
    expect(result).toMatchObject({ updated: 2, created: 0, districtPopulation: 1_178_856 });
    expect(result.townshipTotal).toBe(1_178_856 + 1_234 + 1_000);
    const yudong = database.db.select().from(areas).where(eq(areas.name, "鱼洞街道")).get();
    expect(yudong).toMatchObject({ population: 151_234, populationYear: 2023, populationBasis: "official" });
    expect(yudong?.householdSize).toBe(2.5);
    // Optional columns left blank keep the recorded values.
    expect(database.db.select().from(areas).where(eq(areas.name, "木洞镇")).get()).toMatchObject({
      population: 36_000,
      populationYear: 2020,
      populationBasis: "estimate",
    });
    const audit = database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "areas.importPopulation"))
      .get();
    expect(JSON.parse(audit?.summary ?? "{}")).toMatchObject({ fileName: "人口.xlsx", updated: 2 });
    expect(JSON.parse(audit?.targetIds ?? "[]")).toHaveLength(2);
  });

  it("creates a village under its township, and updates it on a second import", async () => {
    const ctx = contextFor(database);
    const file = (n: number) => sheet([["木洞镇", "中坝村", n, 2024, "普查", null]]);
    expect(await importPopulation({ ctx, input: { fileName: "a.xlsx", content: file(2100) } })).toMatchObject(
      {
        created: 1,
        updated: 0,
      },
    );
    expect(await importPopulation({ ctx, input: { fileName: "a.xlsx", content: file(2200) } })).toMatchObject(
      {
        created: 0,
        updated: 1,
      },
    );
    const mudong = listAreas(database.db).areas.find((a) => a.name === "木洞镇");
    const village = listVillages(database.db, { townshipId: mudong?.id }).rows.find(
      (a) => a.name === "中坝村",
    );
    expect(village).toMatchObject({
      level: "village",
      kind: "village",
      population: 2200,
      parentId: mudong?.id,
    });
    expect(mudong?.childrenPopulation).toBe(2200);
  });

  it("rejects an unknown township, naming the row and column, and writes nothing", async () => {
    const error = await rejected(
      database,
      sheet([
        ["鱼洞街道", "", 1, null, null, null],
        ["不存在镇", "", 5, null, null, null],
      ]),
    );
    expect(zhIssues(error)).toEqual([
      { row: 3, column: "镇街", message: "巴南区没有名为“不存在镇”的街道或镇" },
    ]);
    expect(population(database, "鱼洞街道")).toBe(150_000);
  });

  it("rejects negative and non-integer populations and lists every bad row at once", async () => {
    const error = await rejected(
      database,
      sheet([
        ["鱼洞街道", "", -5, null, null, null],
        ["木洞镇", "", 12.5, null, null, null],
        ["石龙镇", "", "一万", null, null, null],
        ["丰盛镇", "", 15_500, 1900, "猜的", 0],
      ]),
    );
    expect(zhIssues(error)).toEqual([
      { row: 2, column: "常住人口", message: "常住人口不能小于 0，实际为 -5" },
      { row: 3, column: "常住人口", message: "常住人口应为整数，实际为 12.5" },
      { row: 4, column: "常住人口", message: "常住人口应为整数，实际为“一万”" },
      { row: 5, column: "统计年份", message: "统计年份不能小于 1949，实际为 1900" },
      { row: 5, column: "数据依据", message: "数据依据应为 普查、官方统计、估算 之一，实际为“猜的”" },
      { row: 5, column: "户均人口", message: "户均人口应在 1–10 之间，实际为 0" },
    ]);
    expect(error.message).toContain("6 处错误");
  });

  it("states a row's problems in English to an English reader; headers and names stay as written", async () => {
    const error = await rejected(
      database,
      sheet([
        ["鱼洞街道", "", -5, null, null, null],
        ["不存在镇", "", 100, null, null, null],
      ]),
    );
    expect(error.issues.map((i) => renderMessage(i.message, "en-US"))).toEqual([
      "常住人口 cannot be less than 0, found -5",
      "巴南区 has no township named “不存在镇”",
    ]);
  });

  it("checks the township names of a file that also has other errors, listing all in row order", async () => {
    const error = await rejected(
      database,
      sheet([
        ["鱼洞街道", "", -1, null, null, null],
        ["不存在镇", "", 5, null, null, null],
        ["木洞镇", "", "很多", null, null, null],
      ]),
    );
    expect(error.issues.map((i) => [i.row, i.column])).toEqual([
      [2, "常住人口"],
      [3, "镇街"],
      [4, "常住人口"],
    ]);
  });

  it("rejects a township listed twice", async () => {
    const error = await rejected(
      database,
      sheet([
        ["鱼洞街道", "", 1, null, null, null],
        ["莲花街道", "", 2, null, null, null],
        ["鱼洞街道", "", 3, null, null, null],
      ]),
    );
    expect(zhIssues(error)).toEqual([{ row: 4, column: "镇街", message: "与第 2 行重复（鱼洞街道）" }]);
  });

  it("rejects a blank required cell", async () => {
    const error = await rejected(
      database,
      sheet([
        ["", "", 100, null, null, null],
        ["鱼洞街道", "", null, 2020, null, null],
      ]),
    );
    expect(zhIssues(error)).toEqual([
      { row: 2, column: "镇街", message: "“镇街”不能为空" },
      { row: 3, column: "常住人口", message: "“常住人口”不能为空" },
    ]);
  });

  it("rejects a file without the required columns", async () => {
    const error = await rejected(database, sheet([["鱼洞街道", 100]], ["名称", "人数"]));
    expect(zhIssues(error)).toEqual([
      { row: 1, column: "镇街", message: "缺少必需的列“镇街”" },
      { row: 1, column: "常住人口", message: "缺少必需的列“常住人口”" },
    ]);
  });

  it("rejects a file that is not a spreadsheet", async () => {
    const error = await rejected(database, new TextEncoder().encode("镇街,常住人口\n鱼洞街道,100\n"));
    expect(zhIssues(error)).toEqual([{ message: "文件不是 Excel 表格，请使用下载的 .xlsx 模板" }]);
  });

  it("rejects a damaged spreadsheet and one with no data rows", async () => {
    const damaged = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
    expect(zhIssues(await rejected(database, damaged))).toEqual([
      { message: "无法读取该 Excel 文件，文件可能已损坏" },
    ]);
    expect(zhIssues(await rejected(database, sheet([])))).toEqual([{ message: "表格中没有数据行" }]);
  });

  it("exports current figures in the import layout, so an export re-imports unchanged", async () => {
    const exported = exportPopulation(database.db, new Date("2026-11-29T00:00:00Z"));
    expect(exported.fileName).toBe("巴南区常住人口_2026-11-29.xlsx");
    const before = listAreas(database.db).areas.map((a) => a.population);
    const result = await importPopulation({
      ctx: contextFor(database),
      input: { fileName: "x.xlsx", content: exported.content },
    });
    expect(result.updated).toBe(23);
    expect(listAreas(database.db).areas.map((a) => a.population)).toEqual(before);
  });

  it("offers a template listing every township with the figures left blank", async () => {
    const template = populationTemplate(database.db);
    const error = await rejected(database, template.content);
    expect(error.issues).toHaveLength(23);
    expect(zhIssues(error)[0]).toEqual({ row: 2, column: "常住人口", message: "“常住人口”不能为空" });
  });
});
