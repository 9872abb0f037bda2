import type { ReliefDatabase } from "@relief/db";
import { beforeEach, describe, expect, it } from "vitest";
import type { CoreContext } from "../../context";
import { actorFor, contextFor, createSeededDatabase, demoIds } from "../../testing";
import { pageBalances } from "../balances";
import { issueStock } from "../issue";
import { postDocument } from "../ledger";
import { listLots } from "../lots";
import { transferStock } from "../transfer";

let database: ReliefDatabase;
let ids: ReturnType<typeof demoIds>;
let admin: CoreContext;

beforeEach(async () => {
  database = await createSeededDatabase();
  ids = demoIds(database);
  admin = contextFor(database);
});

const registerEntry = (itemCode: string, lotCode: string) =>
  listLots(database.db, { itemId: ids.item(itemCode) }).rows.find((l) => l.lotCode === lotCode);

describe("the warehouses holding a lot, as the stock page reads them", () => {
  it("the register and every balance row name all holders, stock on its way in included", () => {
    const lotId = ids.lot("ZP-12", "ZP-2019-01");
    const qj = ids.warehouse("QJ01");
    const sw = ids.warehouse("SW01");
    const before = registerEntry("ZP-12", "ZP-2019-01")?.holders ?? [];
    expect(before).toContain(qj);
    expect(before).not.toContain(sw);
    transferStock({
      ctx: admin,
      input: {
        fromWarehouseId: qj,
        toWarehouseId: sw,
        lines: [{ itemId: ids.item("ZP-12"), lotId, quantity: 10 }],
      },
    });
    const after = [...before, sw].sort((a, b) => a - b);
    expect(registerEntry("ZP-12", "ZP-2019-01")?.holders).toEqual(after);
    // A view narrowed to one warehouse still names the others: the lot's condition is theirs too.
    const { rows } = pageBalances(database.db, { warehouseId: qj, lotId });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.lotHolders).toEqual(after);
  });

  it("a warehouse the lot has left is no holder; a lot held nowhere has none", () => {
    issueStock({
      ctx: contextFor(database, actorFor(database, "shangwu")),
      input: {
        warehouseId: ids.warehouse("SW01"),
        reason: "dispatch",
        lines: [{ itemId: ids.item("FBSP-01"), lotId: ids.lot("FBSP-01", "FBSP-C"), quantity: 6_000 }],
      },
    });
    expect(registerEntry("FBSP-01", "FBSP-C")).toMatchObject({ onHand: 0, holders: [] });
  });

  it("the register of a warehouse with 50,000 entries sums each lot and names its holder", () => {
    const item = ids.item("MB-01");
    const warehouseId = ids.warehouse("JL01");
    const ownerships = ["government", "agreement", "donation"] as const;
    const insertLot = database.sqlite.prepare(
      `INSERT INTO lots (item_id, lot_code, status, created_at, updated_at)
       VALUES (?, ?, 'available', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z') RETURNING id`,
    );
    database.db.transaction((tx) => {
      const movements = [];
      for (let i = 0; movements.length < 50_000; i++) {
        const { id } = insertLot.get(item, `BIG-${String(i).padStart(5, "0")}`) as { id: number };
        for (const ownership of ownerships)
          movements.push({ warehouseId, itemId: item, lotId: id, ownership, onHand: 10 });
      }
      postDocument(tx, admin, { type: "receipt", warehouseId, receiptKind: "purchase" }, movements, {
        action: "test.seed",
        summary: {},
      });
    });
    const big = listLots(database.db, { itemId: item, search: "BIG-", pageSize: 200 });
    expect(big.total).toBe(16_667);
    expect(big.rows).toHaveLength(200);
    for (const lot of big.rows) expect(lot).toMatchObject({ onHand: 30, holders: [warehouseId] });
    const first = big.rows[0]?.id ?? 0;
    expect(
      pageBalances(database.db, { lotId: first }).rows.map((r) => [r.ownership, r.onHand, r.lotHolders]),
    ).toEqual([
      ["agreement", 10, [warehouseId]],
      ["donation", 10, [warehouseId]],
      ["government", 10, [warehouseId]],
    ]);
  });
});
