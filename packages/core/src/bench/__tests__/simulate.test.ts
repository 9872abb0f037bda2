import { DOCUMENT_TYPES, ISSUE_REASONS, type ReliefDatabase } from "@relief/db";
import { createTestDatabase } from "@relief/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyBalances } from "../../stock/verify";
import { type SimulationResult, simulateDistrict } from "../simulate";

const DAYS = 10;

let database: ReliefDatabase;
let result: SimulationResult;

/** Ten simulated days: long enough for reservations to be issued or released and near-expiry gifts to expire. */
beforeAll(async () => {
  database = createTestDatabase();
  result = await simulateDistrict(database, { days: DAYS, lastDay: "2026-06-30" });
});

const count = (sql: string) => (database.sqlite.prepare(sql).get() as { n: number }).n;

describe("simulated district", () => {
  it("is refused nothing and leaves a ledger that verifies clean", () => {
    expect(result.refused).toEqual({});
    const verify = verifyBalances(database.db);
    expect(verify.differences).toEqual([]);
    expect(verify.ledgerLines).toBe(result.rows.ledger_lines);
  });

  it("posts every kind of stock document and every kind of issue", () => {
    for (const type of DOCUMENT_TYPES) {
      expect(count(`SELECT COUNT(*) AS n FROM stock_documents WHERE type = '${type}'`), type).toBeGreaterThan(
        0,
      );
    }
    for (const reason of ISSUE_REASONS) {
      expect(
        count(`SELECT COUNT(*) AS n FROM stock_documents WHERE issue_reason = '${reason}'`),
        reason,
      ).toBeGreaterThan(0);
    }
    expect(
      count("SELECT COUNT(*) AS n FROM stock_documents WHERE type = 'issue' AND dispatch_ref IS NOT NULL"),
    ).toBeGreaterThan(0);
    expect(count("SELECT COUNT(*) AS n FROM stock_counts WHERE status = 'submitted'")).toBeGreaterThan(0);
  });

  it("keeps the commerce records and a snapshot for every day", () => {
    expect(count("SELECT COUNT(*) AS n FROM agreement_declarations")).toBeGreaterThan(0);
    expect(count("SELECT COUNT(*) AS n FROM agreement_verifications")).toBeGreaterThan(0);
    expect(
      count("SELECT COUNT(*) AS n FROM agreement_calloffs WHERE delivered_at IS NOT NULL"),
    ).toBeGreaterThan(0);
    expect(
      count("SELECT COUNT(*) AS n FROM stock_documents WHERE receipt_kind = 'agreement_calloff'"),
    ).toBeGreaterThan(0);
    expect(count("SELECT COUNT(DISTINCT day) AS n FROM coverage_snapshots WHERE trigger = 'daily'")).toBe(
      DAYS + 1,
    );
  });

  it("dates every record on its simulated day", () => {
    const range = database.sqlite
      .prepare("SELECT MIN(posted_at) AS first, MAX(posted_at) AS last FROM stock_documents")
      .get() as { first: string; last: string };
    expect(range.first >= "2026-06-19T16:00:00.000Z").toBe(true);
    expect(range.last < "2026-06-30T16:00:00.000Z").toBe(true);
    expect(result.firstDay).toBe("2026-06-20");
  });

  it("fills the registers to a district's size after a few years", () => {
    expect(result.rows.items).toBeGreaterThanOrEqual(600);
    expect(result.rows.warehouses).toBe(82);
    expect(count("SELECT COUNT(*) AS n FROM areas WHERE level = 'village'")).toBe(3000);
  });
});
