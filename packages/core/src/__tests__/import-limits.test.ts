import type { ReliefDatabase } from "@relief/db";
import { IMPORT_LIMITS, writeWorkbook } from "@relief/sheets";
import { zipBomb } from "@relief/sheets/testing";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { importAgreements, importDeclarations } from "../agreements/sheets";
import { importPopulation } from "../areas/population-sheet";
import type { CoreContext } from "../context";
import { importEnterprises } from "../enterprises/sheets";
import { TooManyRequestsError, ValidationError } from "../errors";
import { getDocument } from "../stock/documents";
import { MAX_DOCUMENT_LINES } from "../stock/schemas";
import { importReceipts } from "../stock/sheets";
import { actorFor, contextFor, createSeededDatabase, stockSnapshot, zhIssues } from "../testing";

type Import = (args: {
  ctx: CoreContext;
  input: { fileName: string; content: Uint8Array };
}) => Promise<unknown>;

const IMPORTS: Array<[string, Import, string]> = [
  ["population", importPopulation, "minzheng"],
  ["receipts", importReceipts, "minzheng"],
  ["enterprises", importEnterprises, "shangwu"],
  ["agreements", importAgreements, "shangwu"],
  ["declarations", importDeclarations, "shangwu"],
];

const RECEIPT_HEADERS = ["仓库编码", "物资编码", "批次号", "生产日期", "有效期至", "数量", "单位", "来源"];

/** Receipt rows for one warehouse and one item without shelf life, a lot per row. */
function receipts(rows: number): Uint8Array {
  const body = Array.from({ length: rows }, (_, i) => [
    "QJ01",
    "MB-01",
    `IMP-${i}`,
    null,
    null,
    1,
    null,
    "采购",
  ]);
  return writeWorkbook([{ name: "入库明细", rows: [RECEIPT_HEADERS, ...body] }]);
}

let database: ReliefDatabase;
beforeEach(async () => {
  database = await createSeededDatabase();
});

/** Everything an import can write: areas, registers, stock and the audit log. */
function tally() {
  const n = (table: string) =>
    (database.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const populations = database.sqlite.prepare("SELECT SUM(population) AS n FROM areas").get();
  return {
    stock: stockSnapshot(database),
    populations,
    enterprises: n("enterprises"),
    agreements: n("agreements"),
    declarations: n("agreement_declarations"),
  };
}

async function refusal(run: () => Promise<unknown>): Promise<unknown> {
  const before = tally();
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(tally()).toEqual(before);
  return error;
}

describe("limits every import obeys", () => {
  let bomb: Uint8Array;
  beforeAll(() => {
    bomb = zipBomb(60);
  });

  it.each(IMPORTS)(
    "%s: a zip bomb is refused before it is inflated, and nothing is written",
    async (_, run, user) => {
      const error = await refusal(() =>
        run({
          ctx: contextFor(database, actorFor(database, user)),
          input: { fileName: "炸弹.xlsx", content: bomb },
        }),
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect(zhIssues(error)).toEqual([
        { message: "文件解压后约 61 MB，超过上限 50 MB，请删除无关的工作表或分批导入" },
      ]);
    },
  );

  it("a file over the row cap is refused with the cap stated, before any row is checked", async () => {
    const rows = [["仓库编码"], ...Array.from({ length: IMPORT_LIMITS.rows + 1 }, () => ["QJ01"])];
    const error = await refusal(() =>
      importReceipts({
        ctx: contextFor(database),
        input: { fileName: "入库.xlsx", content: writeWorkbook([{ name: "入库明细", rows }]) },
      }),
    );
    expect(zhIssues(error)).toEqual([
      { message: "文件共 20,001 行，超过单次导入上限 20,000 行，请分批导入" },
    ]);
  });

  it("a full reader queue answers busy rather than blaming the file", async () => {
    const file = receipts(1);
    const runs = Array.from({ length: IMPORT_LIMITS.threads + IMPORT_LIMITS.queue + 1 }, () =>
      importReceipts({ ctx: contextFor(database), input: { fileName: "入库.xlsx", content: file } }),
    );
    const outcomes = await Promise.allSettled(runs);
    const refused = outcomes.filter((o) => o.status === "rejected").map((o) => o.reason);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(TooManyRequestsError);
    expect(refused[0].message).toBe("服务器正忙：同时导入的文件过多，请稍后再试");
  });
});

describe("receipt import over the document line cap", () => {
  it("splits a warehouse's rows into documents of at most the forms' line cap, audited as one import", async () => {
    const content = receipts(MAX_DOCUMENT_LINES + 500);
    const result = await importReceipts({
      ctx: contextFor(database, actorFor(database, "minzheng")),
      input: { fileName: "大批入库.xlsx", content },
    });
    const documents = result.documents.map((d) => getDocument(database.db, d.id));
    expect(documents.map((d) => [d.lines.length, d.note])).toEqual([
      [MAX_DOCUMENT_LINES, "由文件“大批入库.xlsx”导入（第 1 张，共 2 张）"],
      [500, "由文件“大批入库.xlsx”导入（第 2 张，共 2 张）"],
    ]);
    expect(documents[1]?.lines.at(-1)?.lotCode).toBe(`IMP-${MAX_DOCUMENT_LINES + 499}`);
    const audit = database.sqlite
      .prepare("SELECT action, target_type, target_ids, summary FROM audit_log WHERE action = ?")
      .all("stock.importReceipts") as Array<{ target_type: string; target_ids: string; summary: string }>;
    expect(audit).toHaveLength(1);
    expect(audit[0]?.target_type).toBe("stock_document");
    expect(JSON.parse(audit[0]?.target_ids ?? "[]")).toEqual(result.documents.map((d) => d.id));
    expect(JSON.parse(audit[0]?.summary ?? "{}")).toEqual({
      fileName: "大批入库.xlsx",
      bytes: content.byteLength,
      rows: MAX_DOCUMENT_LINES + 500,
      documents: result.documents.map((d) => d.number),
    });
  });

  it("imports a file at the row cap into one warehouse", { timeout: 120_000 }, async () => {
    const result = await importReceipts({
      ctx: contextFor(database),
      input: { fileName: "入库.xlsx", content: receipts(IMPORT_LIMITS.rows) },
    });
    expect(result.documents).toHaveLength(Math.ceil(IMPORT_LIMITS.rows / MAX_DOCUMENT_LINES));
    expect(result.documents.reduce((sum, d) => sum + d.lineCount, 0)).toBe(IMPORT_LIMITS.rows);
  });
});
