import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createCaller } from "@relief/api";
import { apiContext, errorOf } from "@relief/api/testing";
import { inlineReadJobs, offloadFor, type ReadJobRunner, runReadJob } from "@relief/core";
import { createSeededDatabase, demoIds } from "@relief/core/testing";
import { openDatabase, type ReliefDatabase } from "@relief/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReadJobPool } from "../read-jobs/pool";

/**
 * The long reads on a database file run in worker threads with their own read-only connection: same answers
 * as on the request thread, domain errors kept, and the request thread free meanwhile.
 */
describe("read jobs in worker threads", () => {
  let dir: string;
  let database: ReliefDatabase;
  let pool: ReadJobRunner;
  const NOW = "2026-03-01T04:00:00.000Z";

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "relief-read-jobs-"));
    const file = path.join(dir, "relief.db");
    const seeded = await createSeededDatabase();
    seeded.sqlite.prepare("VACUUM INTO ?").run(file);
    seeded.close();
    database = openDatabase(file);
    pool = createReadJobPool(file, { threads: 1 });
  });

  afterAll(async () => {
    await pool.close();
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function callerWith(runner: ReadJobRunner) {
    const { ctx } = apiContext(database, "admin");
    return createCaller({ ...ctx, offload: offloadFor(runner, {}) });
  }

  it("answers verify and every export as the request thread does", async () => {
    const ids = demoIds(database);
    const card = { itemId: ids.item("ZP-12") };
    expect(await pool.run("stock.verify", null, NOW)).toEqual(
      runReadJob(database.db, "stock.verify", null, NOW),
    );
    for (const [kind, input] of [
      ["stock.exportBalances", {}],
      ["stock.exportCard", card],
      ["stock.exportExpiry", { withinDays: 365 }],
      ["stock.exportRotation", { withinDays: 365, sort: "onHand", order: "desc" }],
      ["areas.exportPopulation", null],
      ["agreements.export", null],
      ["agreements.exportDeclarations", null],
      ["coverage.exportReport", {}],
    ] as const) {
      const inWorker = await pool.run(kind, input as never, NOW);
      const inline = runReadJob(database.db, kind, input as never, NOW);
      expect(inWorker.fileName).toBe(inline.fileName);
      expect(Buffer.from(inWorker.content).equals(Buffer.from(inline.content))).toBe(true);
    }

    // The district-wide figures that sum every balance: the same answer from either thread.
    for (const [kind, input] of [
      ["coverage.summary", {}],
      ["coverage.byTownship", { countDeclared: true }],
      ["dispatch.reach", null],
      ["stock.balances", { page: 2, pageSize: 20, sort: "available", order: "desc" }],
      ["stock.itemTotals", { sort: "onHand" }],
    ] as const) {
      expect(await pool.run(kind, input as never, NOW)).toEqual(
        runReadJob(database.db, kind, input as never, NOW),
      );
    }

    const admin = callerWith(pool);
    expect((await admin.stock.verify()).differences).toEqual([]);
    const districtPage = await admin.stock.balances({ pageSize: 10 });
    expect(districtPage.rows).toHaveLength(10);
    expect(districtPage.total).toBeGreaterThan(10);
    const download = await admin.stock.exportBalances({ warehouseId: ids.warehouse("QY01") });
    expect(download.fileName).toMatch(/^库存报表_.*\.xlsx$/);
    expect(download.contentBase64.length).toBeGreaterThan(0);
  });

  it("sees what the server's connection committed after the thread started", async () => {
    await pool.run("stock.verify", null, NOW);
    const before = (await pool.run("stock.verify", null, NOW)).ledgerLines;
    const { ctx } = apiContext(database, "admin");
    const ids = demoIds(database);
    await createCaller(ctx).stock.receive({
      warehouseId: ids.warehouse("QY01"),
      source: { kind: "purchase" },
      lines: [{ itemId: ids.item("ZP-12"), quantity: 5, lotCode: "ZP-READ-JOBS" }],
    });
    expect((await pool.run("stock.verify", null, NOW)).ledgerLines).toBe(before + 1);
  });

  it("answers a domain error from the worker as the API would on the request thread", async () => {
    const missing = { itemId: 999_999 };
    const inline = await errorOf(callerWith(inlineReadJobs(database.db)).stock.exportCard(missing));
    const fromWorker = await errorOf(callerWith(pool).stock.exportCard(missing));
    expect(fromWorker.code).toBe(inline.code);
    expect(fromWorker.message).toBe(inline.message);
  });
});

describe("the request thread while a long read job runs", () => {
  let dir: string;
  let file: string;
  let pool: ReadJobRunner;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "relief-read-jobs-large-"));
    file = path.join(dir, "relief.db");
    const seeded = await createSeededDatabase();
    // A ledger of a million lines, like a district's after some years: copies of the demo lines that move
    // nothing, so verify still finds no difference but has to sum them all.
    seeded.sqlite.exec(`
      INSERT INTO ledger_lines (document_id, warehouse_id, item_id, lot_id, ownership)
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000),
        demo AS (SELECT row_number() OVER (ORDER BY id) - 1 AS k, * FROM ledger_lines),
        size AS (SELECT COUNT(*) AS c FROM demo)
      SELECT document_id, warehouse_id, item_id, lot_id, ownership
      FROM n, size JOIN demo ON demo.k = n.i % size.c`);
    seeded.sqlite.prepare("VACUUM INTO ?").run(file);
    seeded.close();
    pool = createReadJobPool(file, { threads: 1 });
    await pool.run("areas.exportPopulation", null, new Date().toISOString());
  });

  afterAll(async () => {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps a 5 ms timer firing while verify runs in a worker, which it could not inline", async () => {
    const database = openDatabase(file);
    try {
      const now = new Date().toISOString();
      const inlineStart = performance.now();
      const inline = runReadJob(database.db, "stock.verify", null, now);
      const inlineMs = performance.now() - inlineStart;

      const gaps: number[] = [];
      let last = performance.now();
      const ticker = setInterval(() => {
        const at = performance.now();
        gaps.push(at - last);
        last = at;
      }, 5);
      const inWorker = await pool.run("stock.verify", null, now);
      clearInterval(ticker);

      expect(inWorker).toEqual(inline);
      expect(inline.ledgerLines).toBeGreaterThan(1_000_000);
      // Inline, the thread was held for the whole sum; meanwhile the timer kept turning.
      expect(gaps.length).toBeGreaterThan(10);
      expect(Math.max(...gaps)).toBeLessThan(inlineMs / 2);
    } finally {
      database.close();
    }
  });
});
