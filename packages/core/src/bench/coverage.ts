/**
 * pnpm bench:coverage — the coverage summary on a district-sized ledger: the Banan demo plus 500 more items,
 * 10,000 lots (some expired, some quarantined) and 1,000,000 ledger lines across 20 government warehouses,
 * next to a plain aggregate SQL query over the same balance cache measured in the same run; the summary is
 * timed before and after the planner's statistics are gathered the way the server does at start.
 *
 *   pnpm bench:coverage [--lines 1000000] [--lots 10000]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { migrateDatabase, openDatabase, refreshStatistics } from "@relief/db";
import { coverageSummary } from "../coverage/summary";
import { seedBanan } from "../seed/banan";
import { addDays, localDate } from "../time";
import { prng, time } from "./support";

const { values } = parseArgs({
  options: {
    lines: { type: "string", default: "1000000" },
    lots: { type: "string", default: "10000" },
  },
});
const TOTAL = Number(values.lines);
const LOTS = Number(values.lots);
const ITEMS = 500;
const WAREHOUSES = 20;
const PER_DOC = 100;

const random = prng(42);
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;

const dir = mkdtempSync(path.join(tmpdir(), "relief-bench-coverage-"));
const database = openDatabase(path.join(dir, "bench.db"));
migrateDatabase(database.db);
await seedBanan({ ctx: { db: database.db, actor: null } });
const { sqlite } = database;
const now = new Date().toISOString();
const today = localDate(now);

const setup = time(() =>
  sqlite.transaction(() => {
    const categories = sqlite
      .prepare("SELECT category_id AS id FROM quotas GROUP BY category_id")
      .all() as Array<{ id: number }>;
    const townships = sqlite.prepare("SELECT id FROM areas WHERE level = 'township'").all() as Array<{
      id: number;
    }>;
    const existing = sqlite.prepare("SELECT id FROM warehouses WHERE kind <> 'enterprise'").all() as Array<{
      id: number;
    }>;
    const warehouseIds = existing.map((w) => w.id);
    const addWarehouse = sqlite.prepare(
      "INSERT INTO warehouses (code, name, kind, organisation, area_id, created_at, updated_at) VALUES (?, ?, 'township_point', '镇街', ?, ?, ?) RETURNING id",
    );
    for (let i = warehouseIds.length; i < WAREHOUSES; i++) {
      warehouseIds.push(
        (addWarehouse.get(`BW${i}`, `基准储备点${i}`, pick(townships).id, now, now) as { id: number }).id,
      );
    }
    const addItem = sqlite.prepare(
      "INSERT INTO items (code, name, category_id, base_unit, kg_per_unit, m3_per_unit, created_at, updated_at) VALUES (?, ?, ?, '件', ?, ?, ?, ?) RETURNING id",
    );
    const addLot = sqlite.prepare(
      "INSERT INTO lots (item_id, lot_code, expiry_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    );
    const lots: Array<{ itemId: number; lotId: number }> = [];
    for (let i = 0; i < ITEMS; i++) {
      const itemId = (
        addItem.get(
          `B-${i}`,
          `基准物资${i}`,
          pick(categories).id,
          1 + random() * 20,
          0.01 + random() * 0.2,
          now,
          now,
        ) as { id: number }
      ).id;
      for (let l = 0; l < LOTS / ITEMS; l++) {
        // One lot in twenty has expired, one in a hundred is quarantined.
        const expiry =
          random() < 0.05 ? addDays(today, -30) : addDays(today, 30 + Math.floor(random() * 900));
        const status = random() < 0.01 ? "quarantined" : "available";
        lots.push({
          itemId,
          lotId: (addLot.get(itemId, `BL${l}`, expiry, status, now, now) as { id: number }).id,
        });
      }
    }
    const addDocument = sqlite.prepare(
      "INSERT INTO stock_documents (number, type, warehouse_id, receipt_kind, posted_at) VALUES (?, 'receipt', ?, 'purchase', ?) RETURNING id",
    );
    const addLine = sqlite.prepare(
      "INSERT INTO ledger_lines (document_id, warehouse_id, item_id, lot_id, ownership, on_hand_delta) VALUES (?, ?, ?, ?, ?, ?)",
    );
    for (let d = 0; d < TOTAL / PER_DOC; d++) {
      const warehouseId = pick(warehouseIds);
      const documentId = (addDocument.get(`BENCH-${d}`, warehouseId, now) as { id: number }).id;
      // Ownership comes with the receipt: purchases and allocations (80 %), donations, agreement call-offs.
      const r = random();
      const ownership = r < 0.8 ? "government" : r < 0.9 ? "donation" : "agreement";
      for (let n = 0; n < PER_DOC; n++) {
        const lot = pick(lots);
        addLine.run(documentId, warehouseId, lot.itemId, lot.lotId, ownership, 1 + Math.floor(random() * 50));
      }
    }
    // The balance cache as posting would have left it: the ledger summed per key.
    sqlite.exec(`
      INSERT INTO balances (warehouse_id, item_id, lot_id, ownership, on_hand, reserved, on_hold, in_transit)
      SELECT warehouse_id, item_id, lot_id, ownership, SUM(on_hand_delta), 0, 0, 0
      FROM ledger_lines WHERE document_id IN (SELECT id FROM stock_documents WHERE number LIKE 'BENCH-%')
      GROUP BY warehouse_id, item_id, lot_id, ownership
      ON CONFLICT (warehouse_id, item_id, lot_id, ownership) DO UPDATE SET on_hand = on_hand + excluded.on_hand`);
    // Some stock reserved for dispatch and some on hold, as in daily work.
    sqlite.exec("UPDATE balances SET reserved = on_hand / 10 WHERE (warehouse_id + lot_id) % 7 = 0");
    sqlite.exec("UPDATE balances SET on_hold = on_hand / 20 WHERE (warehouse_id + lot_id) % 11 = 0");
  })(),
);

const counts = {
  lines: (sqlite.prepare("SELECT COUNT(*) AS n FROM ledger_lines").get() as { n: number }).n,
  lots: (sqlite.prepare("SELECT COUNT(*) AS n FROM lots").get() as { n: number }).n,
  keys: (sqlite.prepare("SELECT COUNT(*) AS n FROM balances").get() as { n: number }).n,
};

const plainSql = sqlite.prepare(`
  SELECT i.category_id, SUM(b.on_hand - b.reserved - b.on_hold) AS available
  FROM balances b JOIN items i ON i.id = b.item_id
  GROUP BY i.category_id`);

function runs(fn: () => unknown, n = 9): number[] {
  fn(); // warm the page cache and statement cache
  return Array.from({ length: n }, () => time(fn).ms).sort((a, b) => a - b);
}
// First as a server that never gathered statistics would answer, then as the server does since it
// refreshes them at start (refreshStatistics, PRAGMA optimize=0x10002).
const unanalyzed = runs(() => coverageSummary(database.db, {}, now));
const analysis = time(() => refreshStatistics(sqlite, "open"));
const plain = runs(() => plainSql.all());
const summary = runs(() => coverageSummary(database.db, {}, now));
const figure = coverageSummary(database.db, {}, now);
const median = (xs: number[]) => xs[Math.floor(xs.length / 2)] ?? 0;

console.log(
  `\nCoverage benchmark: ${counts.lines.toLocaleString()} ledger lines, ${counts.lots.toLocaleString()} lots, ${counts.keys.toLocaleString()} balance keys, ${WAREHOUSES} government warehouses (set-up ${(setup.ms / 1000).toFixed(1)} s)\n`,
);
console.log("| query | median | min | max | ratio to baseline |");
console.log("| --- | --- | --- | --- | --- |");
console.log(
  `| plain aggregate SQL: available per category (baseline) | ${median(plain).toFixed(1)} ms | ${plain[0]?.toFixed(1)} ms | ${plain.at(-1)?.toFixed(1)} ms | 1.00 |`,
);
console.log(
  `| coverage.summary (usable stock, agreements, quotas, shelters) | ${median(summary).toFixed(1)} ms | ${summary[0]?.toFixed(1)} ms | ${summary.at(-1)?.toFixed(1)} ms | ${(median(summary) / median(plain)).toFixed(2)} |`,
);
console.log(
  `| coverage.summary without planner statistics | ${median(unanalyzed).toFixed(1)} ms | ${unanalyzed[0]?.toFixed(1)} ms | ${unanalyzed.at(-1)?.toFixed(1)} ms | ${(median(unanalyzed) / median(plain)).toFixed(2)} |`,
);
console.log(`\nstatistics gathered at start (PRAGMA optimize=0x10002): ${analysis.ms.toFixed(0)} ms`);
console.log(
  `\nheadline: ${figure.headline.peopleCovered.toLocaleString()} of ${figure.targetPeople.toLocaleString()} people (bottleneck ${figure.headline.bottleneckCategory?.name ?? "—"})`,
);
console.log(`goal: coverage.summary < 100 ms — ${median(summary) < 100 ? "met" : "NOT met"}`);
database.close();
rmSync(dir, { recursive: true, force: true });
