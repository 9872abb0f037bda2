import { createSeededDatabase, demoIds, zhIssues } from "@relief/core/testing";
import type { ReliefDatabase } from "@relief/db";
import { beforeEach, describe, expect, it } from "vitest";
import { callerAs, errorOf } from "../testing";

/** Rows in every table a refused call must leave as they were. */
function tally(database: ReliefDatabase) {
  const n = (table: string) =>
    (database.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return ["stock_documents", "ledger_lines", "lots", "agreement_declarations", "audit_log"].map(n);
}

describe("quantity ceiling and date windows at the API", () => {
  let database: ReliefDatabase;
  beforeEach(async () => {
    database = await createSeededDatabase();
  });

  it("stock.adjust with 2^53 − 1 packs is a 400 naming the line, and nothing is written", async () => {
    const ids = demoIds(database);
    const before = tally(database);
    const error = await errorOf(
      callerAs(database, "admin").stock.adjust({
        warehouseId: ids.warehouse("QJ01"),
        reasonId: ids.reason("found"),
        lines: [
          {
            itemId: ids.item("YYS-1L"),
            lotId: ids.lot("YYS-1L", "YYS-A"),
            quantity: Number.MAX_SAFE_INTEGER,
            unit: "箱",
          },
        ],
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(zhIssues(error.cause)).toEqual([
      expect.objectContaining({ message: "调整数量超过单行上限 1,000,000,000" }),
    ]);
    // Within the typed ceiling, but not once packs are converted.
    const converted = await errorOf(
      callerAs(database, "admin").stock.adjust({
        warehouseId: ids.warehouse("QJ01"),
        reasonId: ids.reason("found"),
        lines: [
          {
            itemId: ids.item("YYS-1L"),
            lotId: ids.lot("YYS-1L", "YYS-A"),
            quantity: 900_000_000,
            unit: "箱",
          },
        ],
      }),
    );
    expect(converted.code).toBe("BAD_REQUEST");
    expect(converted.message).toBe("第 1 行数量折合 10,800,000,000 瓶，超过单行上限 1,000,000,000 瓶");
    expect(tally(database)).toEqual(before);
    expect((await callerAs(database, "admin").stock.verify()).differences).toEqual([]);
  });

  it("refuses year 0000 and 9999 in filters and records with 400, and a declaration dated 1900", async () => {
    const admin = callerAs(database, "admin");
    const before = tally(database);
    const refusals = [
      admin.stock.documents({ from: "0000-01-01" }),
      admin.stock.card({ itemId: 1, to: "9999-12-31" }),
      admin.audit.list({ from: "0000-01-01T00:00:00Z" }),
      admin.audit.list({ to: "9999-12-31T23:59:59Z" }),
      admin.quotas.list({ at: "9999-01-01T00:00:00Z" }),
      admin.agreements.declare({ lineId: 1, declaredOn: "1900-01-01", quantity: 1 }),
    ];
    const errors = await Promise.all(refusals.map(errorOf));
    expect(errors.map((e) => e.code)).toEqual(Array(refusals.length).fill("BAD_REQUEST"));
    expect(errors.map((e) => zhIssues(e.cause)[0]?.message)).toEqual([
      "开始日期不能早于 1970-01-01",
      "结束日期不能晚于 2100-12-31",
      "开始时间不能早于 1970-01-01",
      "结束时间不能晚于 2100-12-31",
      "查询时间不能晚于 2100-12-31",
      "申报日期不能早于 2000-01-01",
    ]);
    expect(tally(database)).toEqual(before);
  });
});
