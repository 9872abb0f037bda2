import type { ReliefDatabase } from "@relief/db";
import { beforeAll, describe, expect, it } from "vitest";
import type { Page, SortOrder } from "../../paging";
import { contextFor, createSeededDatabase, demoIds, zhIssues } from "../../testing";
import { addDays, localDate } from "../../time";
import { type ItemTotal, listBalances, pageBalances, pageItemTotals } from "../balances";
import { stockCard, stockCardPage } from "../card";
import { listExpiry, listRotation } from "../expiry";
import { issueStock } from "../issue";
import { postDocument } from "../ledger";
import { listLots } from "../lots";
import { BALANCE_SORTS, BalancesPageInput, EXPIRY_SORTS, ITEM_TOTAL_SORTS, LOT_SORTS } from "../schemas";

let database: ReliefDatabase;
let ids: ReturnType<typeof demoIds>;
const today = localDate(new Date());
/** More balance keys, lots and card lines than a page holds. */
const MANY = 250;

beforeAll(async () => {
  database = await createSeededDatabase();
  ids = demoIds(database);
  const admin = contextFor(database);
  const item = ids.item("MB-01");
  const warehouseId = ids.warehouse("JL01");
  const insertLot = database.sqlite.prepare(
    `INSERT INTO lots (item_id, lot_code, expiry_date, status, created_at, updated_at)
     VALUES (?, ?, ?, 'available', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z') RETURNING id`,
  );
  database.db.transaction((tx) => {
    // Lot i expires i − 100 days from today: 100 expired, 150 expiring within 150 days; quantities all differ
    // and outlast the issues below, which take from the first lot still usable.
    const movements = Array.from({ length: MANY }, (_, i) => {
      const lot = insertLot.get(item, `PG-${String(i).padStart(3, "0")}`, addDays(today, i - 100)) as {
        id: number;
      };
      return { warehouseId, itemId: item, lotId: lot.id, ownership: "government" as const, onHand: 5000 + i };
    });
    postDocument(tx, admin, { type: "receipt", warehouseId, receiptKind: "purchase" }, movements, {
      action: "test.seed",
      summary: {},
    });
  });
  for (let n = 0; n < 5; n++) {
    issueStock({
      ctx: admin,
      input: { warehouseId, reason: "dispatch", lines: [{ itemId: item, quantity: 700 + n }] },
    });
  }
});

/** Every page of a list, checking that none carries more than a page and each states the same total. */
function allPages<T>(fetch: (page: number) => Page<T>, pageSize: number): T[] {
  const first = fetch(1);
  const rows = [...first.rows];
  for (let page = 2; (page - 1) * pageSize < first.total; page++) {
    const next = fetch(page);
    expect(next.total).toBe(first.total);
    expect(next.rows.length).toBeLessThanOrEqual(pageSize);
    rows.push(...next.rows);
  }
  expect(first.rows.length).toBeLessThanOrEqual(pageSize);
  expect(rows).toHaveLength(first.total);
  return rows;
}

/** Whether `keys` are in `order`, nulls last (as the lists put rows without a date). */
function isSorted(keys: ReadonlyArray<string | number | null>, order: SortOrder): boolean {
  return keys.every((key, i) => {
    const previous = keys[i - 1];
    if (i === 0 || key === null) return true;
    if (previous === null || previous === undefined) return false;
    return order === "asc" ? previous <= key : previous >= key;
  });
}

const balanceKey = (r: { warehouseId: number; itemId: number; lotId: number; ownership: string }) =>
  `${r.warehouseId}-${r.itemId}-${r.lotId}-${r.ownership}`;

describe("the stock list, a page at a time", () => {
  it("page 2 of 250 keys holds the rows after page 1, with the total and sums over all of them", () => {
    const filters = { warehouseId: ids.warehouse("JL01"), itemId: ids.item("MB-01") };
    const all = listBalances(database.db, filters, today);
    expect(all.length).toBeGreaterThan(MANY);
    const page2 = pageBalances(database.db, { ...filters, page: 2, pageSize: 100 }, today);
    expect(page2.total).toBe(all.length);
    expect(page2.rows.map(({ lotHolders: _, ...row }) => row)).toEqual(all.slice(100, 200));
    const sum = (bucket: "onHand" | "reserved" | "onHold" | "inTransit" | "available") =>
      all.reduce((total, r) => total + r[bucket], 0);
    expect(page2.totals).toEqual({
      items: 1,
      itemId: ids.item("MB-01"),
      onHand: sum("onHand"),
      reserved: sum("reserved"),
      onHold: sum("onHold"),
      inTransit: sum("inTransit"),
      available: sum("available"),
    });
    // Expired lots count on hand but promise nothing.
    expect(page2.totals.available).toBeLessThan(page2.totals.onHand);
  });

  it("sorts by each column both ways, pages neither overlapping nor skipping a row", () => {
    const all = listBalances(database.db, {}, today);
    const keyOf: Record<(typeof BALANCE_SORTS)[number], (r: (typeof all)[number]) => string | number | null> =
      {
        warehouse: (r) => r.warehouseCode,
        item: (r) => r.itemCode,
        lot: (r) => r.lotCode,
        ownership: (r) => r.ownership,
        expiry: (r) => r.expiryDate,
        onHand: (r) => r.onHand,
        reserved: (r) => r.reserved,
        onHold: (r) => r.onHold,
        inTransit: (r) => r.inTransit,
        available: (r) => r.available,
      };
    for (const sort of BALANCE_SORTS) {
      for (const order of ["asc", "desc"] as const) {
        const rows = allPages(
          (page) => pageBalances(database.db, { sort, order, page, pageSize: 120 }, today),
          120,
        );
        expect(new Set(rows.map(balanceKey)), `${sort} ${order}`).toEqual(new Set(all.map(balanceKey)));
        expect(isSorted(rows.map(keyOf[sort]), order), `${sort} ${order}`).toBe(true);
      }
    }
  });

  it("sums over a filter that spans items, and names no single item then", () => {
    const page = pageBalances(database.db, { ownership: "donation", pageSize: 1 }, today);
    const all = listBalances(database.db, { ownership: "donation" }, today);
    expect(page.rows).toHaveLength(1);
    expect(page.total).toBe(all.length);
    expect(page.totals.items).toBe(new Set(all.map((r) => r.itemId)).size);
    expect(page.totals.itemId).toBeNull();
    expect(page.totals.onHand).toBe(all.reduce((total, r) => total + r.onHand, 0));
  });

  it("refuses a page larger than 200 rows and a column it cannot sort by", () => {
    expect(BalancesPageInput.safeParse({ pageSize: 201 }).success).toBe(false);
    const wrong = BalancesPageInput.safeParse({ sort: "lotHolders" });
    expect(zhIssues(wrong.error)[0]?.message).toContain("排序列应为");
    expect(BalancesPageInput.safeParse({ order: "up" }).success).toBe(false);
  });
});

describe("the stock list by item", () => {
  it("sums each item over the same filters, a page of items at a time, in each sort", () => {
    const all = listBalances(database.db, {}, today);
    const items = new Set(all.map((r) => r.itemId));
    const keyOf: Record<(typeof ITEM_TOTAL_SORTS)[number], (r: ItemTotal) => string | number | null> = {
      item: (r) => r.itemCode,
      warehouses: (r) => r.warehouses,
      lots: (r) => r.lots,
      onHand: (r) => r.onHand,
      reserved: (r) => r.reserved,
      onHold: (r) => r.onHold,
      inTransit: (r) => r.inTransit,
      available: (r) => r.available,
      nearestExpiry: (r) => r.nearestExpiry,
    };
    for (const sort of ITEM_TOTAL_SORTS) {
      for (const order of ["asc", "desc"] as const) {
        const rows = allPages(
          (page) => pageItemTotals(database.db, { sort, order, page, pageSize: 3 }, today),
          3,
        );
        expect(rows.map((r) => r.itemId).sort()).toEqual([...items].sort());
        expect(isSorted(rows.map(keyOf[sort]), order), `${sort} ${order}`).toBe(true);
      }
    }
    const masks = pageItemTotals(database.db, { itemId: ids.item("MB-01") }, today).rows[0];
    const ofMasks = all.filter((r) => r.itemId === ids.item("MB-01"));
    expect(masks).toMatchObject({
      onHand: ofMasks.reduce((total, r) => total + r.onHand, 0),
      available: ofMasks.reduce((total, r) => total + r.available, 0),
      lots: new Set(ofMasks.map((r) => r.lotId)).size,
      warehouses: new Set(ofMasks.map((r) => r.warehouseId)).size,
      nearestExpiry: addDays(today, -100),
    });
  });
});

describe("the stock card, a page at a time", () => {
  const selection = () => ({ itemId: ids.item("MB-01"), warehouseId: ids.warehouse("JL01") });

  it("carries the running balance from every line before the page, oldest first or newest first", () => {
    const whole = stockCard(database.db, selection());
    expect(whole.rows.length).toBeGreaterThan(MANY);
    const page2 = stockCardPage(database.db, { ...selection(), page: 2, pageSize: 100 });
    expect(page2.rows).toEqual(whole.rows.slice(100, 200));
    expect(page2.rows[0]?.balance).toBe(
      whole.opening + whole.rows.slice(0, 101).reduce((sum, r) => sum + r.onHandDelta, 0),
    );
    expect(page2).toMatchObject({
      total: whole.rows.length,
      opening: whole.opening,
      closing: whole.closing,
      totalIn: whole.rows.reduce((sum, r) => sum + Math.max(0, r.onHandDelta), 0),
      totalOut: whole.rows.reduce((sum, r) => sum + Math.max(0, -r.onHandDelta), 0),
    });
    const newest = allPages(
      (page) => stockCardPage(database.db, { ...selection(), order: "desc", page, pageSize: 100 }),
      100,
    );
    expect(newest).toEqual([...whole.rows].reverse());
  });

  it("sums the range's opening from the lines before it", () => {
    const tomorrow = addDays(today, 1);
    const later = stockCardPage(database.db, { ...selection(), from: tomorrow });
    expect(later).toMatchObject({ total: 0, rows: [], totalIn: 0, totalOut: 0 });
    expect(later.opening).toBe(stockCard(database.db, selection()).closing);
    expect(later.closing).toBe(later.opening);
  });
});

describe("expiry and rotation, a page at a time", () => {
  it("pages expired and expiring stock in each sort, with the counts of every list", () => {
    const scope = { warehouseId: ids.warehouse("JL01"), withinDays: 200 };
    for (const list of ["expired", "expiring"] as const) {
      for (const sort of EXPIRY_SORTS) {
        for (const order of ["asc", "desc"] as const) {
          const rows = allPages(
            (page) => listExpiry(database.db, { ...scope, list, sort, order, page, pageSize: 40 }, today),
            40,
          );
          expect(rows.every((r) => (list === "expired" ? r.daysLeft < 0 : r.daysLeft >= 0))).toBe(true);
          const keys = rows.map((r) =>
            sort === "expiry"
              ? r.expiryDate
              : sort === "onHand"
                ? r.onHand
                : sort === "item"
                  ? r.itemCode
                  : "",
          );
          expect(isSorted(keys, order), `${list} ${sort} ${order}`).toBe(true);
        }
      }
    }
    const { counts } = listExpiry(database.db, scope, today);
    expect(counts.expired).toBeGreaterThanOrEqual(100);
    expect(counts.expiring).toBeGreaterThanOrEqual(150);
  });

  it("rotates a page of expiring stock, each row with where it could still be used", () => {
    const scope = { warehouseId: ids.warehouse("JL01"), withinDays: 200 };
    const page = listRotation(database.db, { ...scope, page: 2, pageSize: 50 }, today);
    expect(page.total).toBe(page.counts.rotation);
    expect(page.rows).toHaveLength(50);
    const rows = allPages((n) => listRotation(database.db, { ...scope, page: n, pageSize: 50 }, today), 50);
    expect(page.rows).toEqual(rows.slice(50, 100));
    for (const row of page.rows) {
      expect(row.lotStatus).toBe("available");
      expect(row.destinations.length).toBeLessThanOrEqual(3);
      expect(row.destinations.map((d) => d.warehouseId)).not.toContain(row.warehouseId);
    }
  });
});

describe("the lot register, a page at a time", () => {
  it("pages an item's lots in each sort, stock summed for the page's lots", () => {
    const itemId = ids.item("MB-01");
    const whole = listBalances(database.db, { itemId, includeEmpty: true }, today);
    for (const sort of LOT_SORTS) {
      for (const order of ["asc", "desc"] as const) {
        const rows = allPages(
          (page) => listLots(database.db, { itemId, sort, order, page, pageSize: 100 }, today),
          100,
        );
        expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
        const keys = rows.map((r) =>
          sort === "lot"
            ? r.lotCode
            : sort === "expiry"
              ? r.expiryDate
              : sort === "production"
                ? r.productionDate
                : sort === "status"
                  ? r.status
                  : r.itemCode,
        );
        expect(isSorted(keys, order), `${sort} ${order}`).toBe(true);
        for (const lot of rows) {
          const onHand = whole.filter((b) => b.lotId === lot.id).reduce((sum, b) => sum + b.onHand, 0);
          expect(lot.onHand).toBe(onHand);
        }
      }
    }
  });

  it("filters by category on the server", () => {
    const categoryId = listBalances(database.db, { itemId: ids.item("MB-01") }, today)[0]?.categoryId;
    const inCategory = database.sqlite
      .prepare(
        "SELECT l.item_id AS itemId FROM lots l JOIN items i ON i.id = l.item_id WHERE i.category_id = ?",
      )
      .all(categoryId) as Array<{ itemId: number }>;
    const page = listLots(database.db, { categoryId, pageSize: 200 }, today);
    expect(page.total).toBe(inCategory.length);
    expect(page.rows).toHaveLength(200);
    const items = new Set(inCategory.map((r) => r.itemId));
    expect(page.rows.every((lot) => items.has(lot.itemId))).toBe(true);
  });
});
