import type { ReliefDatabase } from "@relief/db";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../errors";
import { contextFor, createSeededDatabase, demoIds } from "../../testing";
import { adjustStock } from "../adjust";
import { listBalances } from "../balances";
import { holdStock, unholdStock } from "../hold";
import { issueStock } from "../issue";
import { receiveStock } from "../receive";
import { releaseReservation, reserveStock } from "../reserve";
import { reverseDocument } from "../reverse";
import { receiveTransfer, transferStock } from "../transfer";
import { verifyBalances } from "../verify";

const WAREHOUSES = ["QJ01", "MD01", "JL01"] as const;
const ITEMS = ["ZP-12", "MB-01", "ZDC-01"] as const;

const op = fc.oneof(
  fc.record({
    kind: fc.constant("receive" as const),
    w: fc.constantFrom(...WAREHOUSES),
    item: fc.constantFrom(...ITEMS),
    lot: fc.constantFrom("P1", "P2"),
    q: fc.integer({ min: 1, max: 400 }),
  }),
  fc.record({
    kind: fc.constant("issue" as const),
    w: fc.constantFrom(...WAREHOUSES),
    item: fc.constantFrom(...ITEMS),
    q: fc.integer({ min: 1, max: 800 }),
    ref: fc.option(fc.constantFrom("D1", "D2"), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant("transfer" as const),
    from: fc.constantFrom(...WAREHOUSES),
    to: fc.constantFrom(...WAREHOUSES),
    item: fc.constantFrom(...ITEMS),
    q: fc.integer({ min: 1, max: 500 }),
  }),
  fc.record({ kind: fc.constant("receiveTransfer" as const), short: fc.integer({ min: 0, max: 5 }) }),
  fc.record({
    kind: fc.constant("reserve" as const),
    w: fc.constantFrom(...WAREHOUSES),
    item: fc.constantFrom(...ITEMS),
    q: fc.integer({ min: 1, max: 500 }),
    ref: fc.constantFrom("D1", "D2"),
  }),
  fc.record({ kind: fc.constant("release" as const), ref: fc.constantFrom("D1", "D2") }),
  fc.record({
    kind: fc.constant("hold" as const),
    w: fc.constantFrom(...WAREHOUSES),
    item: fc.constantFrom(...ITEMS),
    q: fc.integer({ min: 1, max: 300 }),
    undo: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("adjust" as const),
    w: fc.constantFrom(...WAREHOUSES),
    item: fc.constantFrom(...ITEMS),
    q: fc.integer({ min: -200, max: 200 }).filter((q) => q !== 0),
  }),
  fc.record({ kind: fc.constant("reverse" as const), pick: fc.nat() }),
);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function apply(
  database: ReliefDatabase,
  ids: ReturnType<typeof demoIds>,
  o: Op,
  posted: number[],
  transfers: number[],
): void {
  const ctx = contextFor(database);
  const line = (item: string, q: number) => ({ itemId: ids.item(item), quantity: q });
  const anyLot = (w: string, item: string) =>
    listBalances(database.db, { warehouseId: ids.warehouse(w), itemId: ids.item(item) })[0];
  let id: number | undefined;
  switch (o.kind) {
    case "receive":
      id = receiveStock({
        ctx,
        input: {
          warehouseId: ids.warehouse(o.w),
          source: { kind: "purchase" },
          lines: [{ ...line(o.item, o.q), lotCode: `${o.item}-${o.lot}` }],
        },
      }).id;
      break;
    case "issue":
      id = issueStock({
        ctx,
        input: {
          warehouseId: ids.warehouse(o.w),
          reason: "dispatch",
          dispatchRef: o.ref,
          lines: [line(o.item, o.q)],
        },
      }).id;
      break;
    case "transfer":
      id = transferStock({
        ctx,
        input: {
          fromWarehouseId: ids.warehouse(o.from),
          toWarehouseId: ids.warehouse(o.to),
          lines: [line(o.item, o.q)],
        },
      }).id;
      transfers.push(id);
      break;
    case "receiveTransfer": {
      const transferId = transfers.shift();
      if (transferId === undefined) return;
      const detail = database.db.all<{ itemId: number; lotId: number; ownership: "government"; q: number }>(
        `SELECT item_id AS itemId, lot_id AS lotId, ownership, SUM(in_transit_delta) AS q FROM ledger_lines WHERE document_id = ${transferId} AND in_transit_delta > 0 GROUP BY 1, 2, 3` as never,
      );
      id = receiveTransfer({
        ctx,
        input: {
          transferId,
          note: "差异",
          lines: detail.map((d) => ({
            itemId: d.itemId,
            lotId: d.lotId,
            ownership: d.ownership,
            receivedQuantity: Math.max(0, d.q - o.short),
          })),
        },
      }).id;
      break;
    }
    case "reserve":
      id = reserveStock({
        ctx,
        input: { warehouseId: ids.warehouse(o.w), dispatchRef: o.ref, lines: [line(o.item, o.q)] },
      }).id;
      break;
    case "release": {
      // One release document per warehouse the dispatch holds stock in.
      const documents = releaseReservation({ ctx, input: { dispatchRef: o.ref } });
      posted.push(...documents.map((d) => d.id));
      return;
    }
    case "hold": {
      const b = anyLot(o.w, o.item);
      if (!b) return;
      const input = {
        warehouseId: ids.warehouse(o.w),
        note: "检查",
        lines: [{ itemId: b.itemId, lotId: b.lotId, ownership: b.ownership, quantity: o.q }],
      };
      id = (o.undo ? unholdStock : holdStock)({ ctx, input }).id;
      break;
    }
    case "adjust": {
      const b = anyLot(o.w, o.item);
      if (!b) return;
      id = adjustStock({
        ctx,
        input: {
          warehouseId: ids.warehouse(o.w),
          reasonId: ids.reason("stocktake"),
          lines: [{ itemId: b.itemId, lotId: b.lotId, ownership: b.ownership, quantity: o.q }],
        },
      }).id;
      break;
    }
    case "reverse": {
      if (posted.length === 0) return;
      reverseDocument({
        ctx,
        input: { documentId: posted[o.pick % posted.length] as number, note: "随机冲销" },
      });
      return;
    }
  }
  if (id !== undefined) posted.push(id);
}

describe("ledger properties", () => {
  it("any sequence of movements keeps every balance equal to its ledger sum and never negative", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), async (ops) => {
        const database = await createSeededDatabase();
        const ids = demoIds(database);
        const posted: number[] = [];
        const transfers: number[] = [];
        for (const o of ops) {
          try {
            apply(database, ids, o, posted, transfers);
          } catch (error) {
            // Refusals are part of the model; anything else is a bug.
            if (!(error instanceof DomainError)) throw error;
          }
        }
        expect(verifyBalances(database.db).differences).toEqual([]);
        const negative = database.sqlite
          .prepare(
            "SELECT COUNT(*) AS n FROM balances WHERE on_hand < 0 OR reserved < 0 OR on_hold < 0 OR in_transit < 0 OR on_hand - reserved - on_hold < 0",
          )
          .get() as { n: number };
        expect(negative.n).toBe(0);
        database.close();
      }),
      { numRuns: 60 },
    );
  });

  it("reversing what an operation posted restores every balance it touched", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 15 }), op, async (history, last) => {
        const database = await createSeededDatabase();
        const ids = demoIds(database);
        const posted: number[] = [];
        const transfers: number[] = [];
        for (const o of history) {
          try {
            apply(database, ids, o, posted, transfers);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
        }
        if (last.kind === "reverse" || last.kind === "receiveTransfer") return;
        const before = listBalances(database.db);
        const count = posted.length;
        try {
          apply(database, ids, last, posted, transfers);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return;
        }
        if (posted.length === count) return;
        // Every document the operation posted (a release posts one per warehouse), newest first.
        for (const documentId of posted.slice(count).reverse()) {
          reverseDocument({ ctx: contextFor(database), input: { documentId, note: "撤回" } });
        }
        expect(listBalances(database.db)).toEqual(before);
        database.close();
      }),
      { numRuns: 60 },
    );
  });

  it("reversing both release documents of a dispatch reserved in two warehouses restores both reservations", async () => {
    // The case a random run found: D2 reserved in 木洞 and the district store, then released.
    const database = await createSeededDatabase();
    const ids = demoIds(database);
    const posted: number[] = [];
    apply(database, ids, { kind: "reserve", w: "MD01", item: "MB-01", q: 1, ref: "D2" }, posted, []);
    apply(database, ids, { kind: "reserve", w: "QJ01", item: "ZP-12", q: 1, ref: "D2" }, posted, []);
    const before = listBalances(database.db);
    apply(database, ids, { kind: "release", ref: "D2" }, posted, []);
    expect(posted).toHaveLength(4);
    for (const documentId of posted.slice(2).reverse()) {
      reverseDocument({ ctx: contextFor(database), input: { documentId, note: "撤回" } });
    }
    expect(listBalances(database.db)).toEqual(before);
    database.close();
  });
});
