/**
 * pnpm bench:ledger — posting throughput of the stock ledger against a raw better-sqlite3 insert baseline
 * measured in the same run on the same kind of database file, and the time to read available stock for all
 * warehouses × items once the ledger holds a million lines.
 *
 *   pnpm bench:ledger [--lines 1000000] [--lines-per-document 100]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  areas,
  itemCategories,
  items,
  lots,
  migrateDatabase,
  openDatabase,
  users,
  warehouses,
} from "@relief/db";
import { withTransaction } from "../context";
import { availableByWarehouseItem } from "../stock/balances";
import { type Movement, postDocument } from "../stock/ledger";
import { receiveStock } from "../stock/receive";
import { verifyBalances } from "../stock/verify";
import { contextFor } from "../testing";
import { prng, time } from "./support";

const { values } = parseArgs({
  options: {
    lines: { type: "string", default: "1000000" },
    "lines-per-document": { type: "string", default: "100" },
  },
});
const TOTAL = Number(values.lines);
const PER_DOC = Number(values["lines-per-document"]);
const WAREHOUSES = 20;
const ITEMS = 500;
const LOTS_PER_ITEM = 20; // 10,000 lots

const dir = mkdtempSync(path.join(tmpdir(), "relief-bench-"));
const database = openDatabase(path.join(dir, "bench.db"));
migrateDatabase(database.db);
const at = new Date().toISOString();
const { db, sqlite } = database;

const area = db
  .insert(areas)
  .values({
    level: "township",
    kind: "town",
    name: "基准镇",
    population: 1,
    populationYear: 2020,
    populationBasis: "estimate",
    updatedAt: at,
  })
  .returning()
  .get();
const admin = db
  .insert(users)
  .values({
    username: "admin",
    displayName: "admin",
    role: "admin",
    passwordHash: "x",
    createdAt: at,
    updatedAt: at,
  })
  .returning()
  .get();
const category = db.insert(itemCategories).values({ code: "c", name: "类别", nameEn: "c" }).returning().get();
const warehouseIds = Array.from(
  { length: WAREHOUSES },
  (_, i) =>
    db
      .insert(warehouses)
      .values({
        code: `W${i}`,
        name: `仓库${i}`,
        kind: "civil_affairs",
        organisation: "x",
        areaId: area.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
      .get().id,
);
const lotKeys: Array<{ itemId: number; lotId: number }> = [];
sqlite.transaction(() => {
  for (let i = 0; i < ITEMS; i++) {
    const item = db
      .insert(items)
      .values({
        code: `I${i}`,
        name: `物资${i}`,
        categoryId: category.id,
        baseUnit: "个",
        kgPerUnit: 1,
        m3PerUnit: 0.01,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
      .get();
    for (let l = 0; l < LOTS_PER_ITEM; l++) {
      const lot = db
        .insert(lots)
        .values({
          itemId: item.id,
          lotCode: `L${l}`,
          expiryDate: `2030-01-${String((l % 28) + 1).padStart(2, "0")}`,
          createdAt: at,
          updatedAt: at,
        })
        .returning()
        .get();
      lotKeys.push({ itemId: item.id, lotId: lot.id });
    }
  }
})();

const ctx = { ...contextFor(database, { userId: admin.id, username: "admin", role: "admin" }), ip: null };

// Two baselines, each the same rows inserted with one prepared statement in transactions of the same size:
// into an unindexed table (the figure the goal is set against), and into a copy of ledger_lines with its
// indexes and foreign keys (what storing the lines alone costs, before any posting logic).
sqlite.exec(`CREATE TABLE baseline_lines AS SELECT * FROM ledger_lines WHERE 0`);
const ledgerDdl = (
  sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'ledger_lines'").get() as { sql: string }
).sql;
sqlite.exec(ledgerDdl.replace("`ledger_lines`", "`baseline_ledger`"));
sqlite.exec("CREATE INDEX baseline_ledger_document_idx ON baseline_ledger (document_id)");
sqlite.exec("CREATE INDEX baseline_ledger_item_idx ON baseline_ledger (item_id, warehouse_id)");
const rawDocument = sqlite.prepare(
  "INSERT INTO stock_documents (number, type, warehouse_id, posted_at) VALUES (?, 'receipt', ?, ?) RETURNING id",
);
const rawInsert = (table: string) =>
  sqlite.prepare(
    `INSERT INTO ${table} (document_id, warehouse_id, item_id, lot_id, ownership, on_hand_delta, reserved_delta, on_hold_delta, in_transit_delta) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0)`,
  );
function rawBatcher(table: string, withDocument: boolean) {
  const insert = rawInsert(table);
  return sqlite.transaction((doc: number, rows: Array<[number, number, number, number]>) => {
    const documentId = withDocument
      ? (rawDocument.get(`RAW-${table}-${doc}`, rows[0]?.[0] ?? 0, at) as { id: number }).id
      : doc;
    for (const [w, item, lot, q] of rows) insert.run(documentId, w, item, lot, "government", q);
  });
}

/**
 * The documents both runs write: two receipts for every issue. Issues take from what earlier receipts
 * brought in (tracked here), so every document posts; the raw run writes the very same rows.
 */
function documentStream(seed: number) {
  const random = prng(seed);
  const stocked: Array<{ warehouseId: number; itemId: number; lotId: number; left: number }> = [];
  return (docIndex: number): Movement[] => {
    const warehouseId = warehouseIds[Math.floor(random() * WAREHOUSES)] as number;
    if (docIndex % 3 === 2 && stocked.length >= PER_DOC) {
      const taken = new Set<number>();
      return Array.from({ length: PER_DOC }, () => {
        let pick = Math.floor(random() * stocked.length);
        while (taken.has(pick)) pick = (pick + 1) % stocked.length;
        taken.add(pick);
        const entry = stocked[pick] as (typeof stocked)[number];
        const q = Math.floor(entry.left / 2);
        entry.left -= q;
        return {
          warehouseId: entry.warehouseId,
          itemId: entry.itemId,
          lotId: entry.lotId,
          ownership: "government" as const,
          onHand: -q,
        };
      }).filter((m) => (m.onHand ?? 0) < 0);
    }
    return Array.from({ length: PER_DOC }, () => {
      const key = lotKeys[Math.floor(random() * lotKeys.length)] as { itemId: number; lotId: number };
      const q = 2 + Math.floor(random() * 20);
      stocked.push({ warehouseId, ...key, left: q });
      return { warehouseId, ...key, ownership: "government" as const, onHand: q };
    });
  };
}

const docs = Math.ceil(TOTAL / PER_DOC);
function runRaw(table: string, withDocument: boolean) {
  const stream = documentStream(7);
  const batch = rawBatcher(table, withDocument);
  return time(() => {
    for (let d = 0; d < docs; d++) {
      batch(
        d + 1,
        stream(d).map(
          (m) => [m.warehouseId, m.itemId, m.lotId, m.onHand ?? 0] as [number, number, number, number],
        ),
      );
    }
  });
}
const raw = runRaw("baseline_lines", false);
const rawLedger = runRaw("baseline_ledger", true);

const ledgerStream = documentStream(7);
const posted = time(() => {
  for (let d = 0; d < docs; d++) {
    const movements = ledgerStream(d);
    withTransaction(ctx, (tx) =>
      postDocument(
        tx,
        ctx,
        { type: d % 3 === 2 ? "issue" : "receipt", warehouseId: movements[0]?.warehouseId ?? 0 },
        movements,
        {
          action: "bench",
          summary: {},
        },
      ),
    );
  }
});

const ledgerLines = (sqlite.prepare("SELECT COUNT(*) AS n FROM ledger_lines").get() as { n: number }).n;

// What durability costs: the same posting with the WAL synced at every commit (FULL, the application's
// setting) and only at checkpoints (NORMAL, which can lose acknowledged commits on power failure).
const durabilityDocs = Math.max(3, Math.floor(docs / 20));
function postSample(synchronous: "FULL" | "NORMAL") {
  sqlite.pragma(`synchronous = ${synchronous}`);
  const result = time(() => {
    for (let d = 0; d < durabilityDocs; d++) {
      // A multiple of 3 is a receipt in the stream's rhythm.
      const movements = ledgerStream(3 * (docs + d));
      withTransaction(ctx, (tx) =>
        postDocument(tx, ctx, { type: "receipt", warehouseId: movements[0]?.warehouseId ?? 0 }, movements, {
          action: "bench",
          summary: {},
        }),
      );
    }
  });
  sqlite.pragma("synchronous = FULL");
  return result;
}
const syncNormal = postSample("NORMAL");
const syncFull = postSample("FULL");

// The full receipt action (item, pack and lot look-ups on top of posting), on a smaller sample.
const sampleDocs = Math.max(1, Math.floor(docs / 50));
const actionRandom = prng(11);
const action = time(() => {
  for (let d = 0; d < sampleDocs; d++) {
    const warehouseId = warehouseIds[Math.floor(actionRandom() * WAREHOUSES)] as number;
    receiveStock({
      ctx,
      input: {
        warehouseId,
        source: { kind: "purchase" },
        lines: Array.from({ length: PER_DOC }, () => {
          const i = Math.floor(actionRandom() * ITEMS);
          return { itemId: i + 1, lotCode: `L${Math.floor(actionRandom() * LOTS_PER_ITEM)}`, quantity: 5 };
        }),
      },
    });
  }
});

const reads = Array.from({ length: 7 }, () => time(() => availableByWarehouseItem(db)).ms).sort(
  (a, b) => a - b,
);
const readRows = availableByWarehouseItem(db).length;
const verify = time(() => verifyBalances(db));

const rate = (lines: number, ms: number) => Math.round(lines / (ms / 1000));
const rawRate = rate(ledgerLines, raw.ms);
const lines = (sqlite.prepare("SELECT COUNT(*) AS n FROM baseline_lines").get() as { n: number }).n;
const rows: Array<[string, string, string, string]> = [
  [
    "raw prepared insert (baseline)",
    `${lines.toLocaleString()} lines`,
    `${rawRate.toLocaleString()} lines/s`,
    "1.00",
  ],
  [
    "raw prepared insert into a ledger_lines copy (same indexes and foreign keys)",
    `${lines.toLocaleString()} lines`,
    `${rate(ledgerLines, rawLedger.ms).toLocaleString()} lines/s`,
    (rate(ledgerLines, rawLedger.ms) / rawRate).toFixed(2),
  ],
  [
    "ledger postDocument",
    `${ledgerLines.toLocaleString()} lines`,
    `${rate(ledgerLines, posted.ms).toLocaleString()} lines/s`,
    (rate(ledgerLines, posted.ms) / rawRate).toFixed(2),
  ],
  [
    "stock.receive action (sample)",
    `${(sampleDocs * PER_DOC).toLocaleString()} lines`,
    `${rate(sampleDocs * PER_DOC, action.ms).toLocaleString()} lines/s`,
    (rate(sampleDocs * PER_DOC, action.ms) / rawRate).toFixed(2),
  ],
];
console.log(
  `\nLedger benchmark: ${WAREHOUSES} warehouses, ${ITEMS} items, ${lotKeys.length.toLocaleString()} lots, ${PER_DOC} lines per document, WAL file database`,
);
console.log(`ledger now holds ${ledgerLines.toLocaleString()} lines\n`);
console.log("| what | size | throughput | ratio to baseline |");
console.log("| --- | --- | --- | --- |");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
console.log(`\n| read | rows | median | min | max |`);
console.log("| --- | --- | --- | --- | --- |");
console.log(
  `| available stock, all warehouses × items | ${readRows.toLocaleString()} | ${reads[3]?.toFixed(1)} ms | ${reads[0]?.toFixed(1)} ms | ${reads[6]?.toFixed(1)} ms |`,
);
console.log(
  `| stock.verify (rebuild every balance from the ledger) | ${verify.result.checked.toLocaleString()} keys | ${verify.ms.toFixed(0)} ms | | |`,
);
const sampleLines = durabilityDocs * PER_DOC;
console.log(
  `\n| durability (${durabilityDocs} receipts of ${PER_DOC} lines each) | throughput | ratio to NORMAL |`,
);
console.log("| --- | --- | --- |");
console.log(
  `| synchronous = NORMAL (may lose acknowledged commits on power failure) | ${rate(sampleLines, syncNormal.ms).toLocaleString()} lines/s | 1.00 |`,
);
console.log(
  `| synchronous = FULL (the application's setting) | ${rate(sampleLines, syncFull.ms).toLocaleString()} lines/s | ${(syncNormal.ms / syncFull.ms).toFixed(2)} |`,
);
console.log(
  `\ngoals: posting ≥ 0.25 × baseline — ${rate(ledgerLines, posted.ms) / rawRate >= 0.25 ? "met" : "NOT met"}; available-stock read < 50 ms — ${(reads[3] ?? 0) < 50 ? "met" : "NOT met"}; verify differences: ${verify.result.differences.length}`,
);
database.close();
rmSync(dir, { recursive: true, force: true });
