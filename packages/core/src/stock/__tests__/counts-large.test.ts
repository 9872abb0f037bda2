import { type ReliefDatabase, stockDocuments } from "@relief/db";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contextFor, createSeededDatabase, demoIds } from "../../testing";
import { getCount, openCount, recordCount, submitCount } from "../counts";
import { postDocument } from "../ledger";
import { verifyBalances } from "../verify";

const ENTRIES = 50_000;
const OWNERSHIPS = ["government", "agreement", "donation"] as const;

let database: ReliefDatabase;
let ids: ReturnType<typeof demoIds>;

/**
 * A warehouse with 50,000 balance entries: lots registered with one prepared insert, stock booked by one
 * receipt through `postDocument`, three ownerships per lot.
 */
beforeAll(async () => {
  database = await createSeededDatabase();
  ids = demoIds(database);
  const ctx = contextFor(database);
  const item = ids.item("MB-01");
  const warehouseId = ids.warehouse("JL01");
  const lotCount = Math.ceil(ENTRIES / OWNERSHIPS.length);
  const insertLot = database.sqlite.prepare(
    `INSERT INTO lots (item_id, lot_code, status, created_at, updated_at)
     VALUES (?, ?, 'available', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z') RETURNING id`,
  );
  database.db.transaction((tx) => {
    const movements = [];
    for (let i = 0; i < lotCount; i++) {
      const { id } = insertLot.get(item, `BIG-${String(i).padStart(5, "0")}`) as { id: number };
      for (const ownership of OWNERSHIPS) {
        if (movements.length === ENTRIES) break;
        movements.push({ warehouseId, itemId: item, lotId: id, ownership, onHand: 10 });
      }
    }
    postDocument(tx, ctx, { type: "receipt", warehouseId, receiptKind: "purchase" }, movements, {
      action: "test.seed",
      summary: { lines: movements.length },
    });
  });
});

describe("stocktake in a large warehouse", () => {
  it(`opens, records and submits a count of ${ENTRIES.toLocaleString("en-US")} entries as one adjustment`, () => {
    const ctx = contextFor(database);
    const count = openCount({ ctx, input: { warehouseId: ids.warehouse("JL01"), note: "全库盘点" } });
    const sheet = getCount(database.db, count.id);
    // The seeded quilts and rice of JL01 come on top of the 50,000 entries.
    expect(sheet.lines.length).toBeGreaterThanOrEqual(ENTRIES);
    const counted = sheet.lines.map((line, index) => ({
      lineId: line.id,
      // Every tenth entry is one short.
      counted: index % 10 === 0 ? line.expected - 1 : line.expected,
    }));
    for (let start = 0; start < counted.length; start += 5000) {
      recordCount({ ctx, input: { countId: count.id, lines: counted.slice(start, start + 5000) } });
    }
    const { adjustment } = submitCount({ ctx, input: { countId: count.id } });
    const document = database.db
      .select()
      .from(stockDocuments)
      .where(eq(stockDocuments.reference, count.number))
      .all();
    expect(document).toHaveLength(1);
    expect(adjustment?.lineCount).toBe(Math.ceil(sheet.lines.length / 10));
    expect(verifyBalances(database.db).differences).toEqual([]);
  });
});
