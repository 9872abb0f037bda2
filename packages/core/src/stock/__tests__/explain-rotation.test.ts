import type { ReliefDatabase } from "@relief/db";
import { beforeEach, describe, expect, it } from "vitest";
import { ordersWorld } from "../../dispatch/__tests__/orders-fixture";
import { actorFor, contextFor, createSeededDatabase, demoIds } from "../../testing";
import { addMonths, localDate } from "../../time";
import { pageBalances } from "../balances";
import { listRotation } from "../expiry";
import { explainStock } from "../explain";
import { holdStock, setLotStatus } from "../hold";
import { reserveStock } from "../reserve";

let database: ReliefDatabase;
let ids: ReturnType<typeof demoIds>;
const today = localDate(new Date());

beforeEach(async () => {
  database = await createSeededDatabase();
  ids = demoIds(database);
});

const reserve = (warehouse: string, item: string, quantity: number, dispatchRef: string) =>
  reserveStock({
    ctx: contextFor(database, actorFor(database, "diaodu")),
    input: {
      warehouseId: ids.warehouse(warehouse),
      dispatchRef,
      lines: [{ itemId: ids.item(item), quantity }],
    },
  });

const hold = (warehouse: string, item: string, lot: string, quantity: number, note: string) =>
  holdStock({
    ctx: contextFor(database, actorFor(database, "minzheng")),
    input: {
      warehouseId: ids.warehouse(warehouse),
      note,
      lines: [{ itemId: ids.item(item), lotId: ids.lot(item, lot), ownership: "government", quantity }],
    },
  });

describe("the rotation list proposes only free stock", () => {
  it("leaves out a lot wholly reserved and proposes the rest of one partly reserved or held", () => {
    const before = listRotation(database.db, {}, today);
    const donated = before.rows.find((r) => r.lotCode === "FBSP-D");
    expect(donated).toMatchObject({ onHand: 500, reserved: 0, free: 500 });

    // SL01's only lot of the item: all 500 reserved for a dispatch.
    reserve("SL01", "FBSP-01", 500, "D-ROT-1");
    const after = listRotation(database.db, {}, today);
    expect(after.rows.some((r) => r.lotCode === "FBSP-D")).toBe(false);
    expect(after.total).toBe(before.total - 1);
    expect(after.counts.rotation).toBe(before.counts.rotation - 1);

    // YYS-A in MD01 (2,400): 400 reserved and 300 held leave 1,700 to move.
    reserve("MD01", "YYS-1L", 400, "D-ROT-2");
    hold("MD01", "YYS-1L", "YYS-A", 300, "复检留样");
    const partly = listRotation(database.db, {}, today).rows.find(
      (r) => r.lotCode === "YYS-A" && r.warehouseId === ids.warehouse("MD01"),
    );
    expect(partly).toMatchObject({ onHand: 2400, reserved: 400, onHold: 300, free: 1700 });

    // Holding the rest takes the lot off the list too.
    hold("MD01", "YYS-1L", "YYS-A", 1700, "待处置");
    const held = listRotation(database.db, {}, today);
    expect(held.rows.some((r) => r.lotCode === "YYS-A" && r.warehouseId === ids.warehouse("MD01"))).toBe(
      false,
    );
    expect(held.total).toBe(held.counts.rotation);
  });
});

describe("why stock is not available", () => {
  it("names each dispatch reference with who reserved it and when, held lots with their notes, expired lots", () => {
    reserve("QJ01", "YYS-1L", 1000, "D-EXPLAIN-1");
    reserve("QJ01", "YYS-1L", 500, "D-EXPLAIN-2");
    hold("QJ01", "YYS-1L", "YYS-B", 200, "包装受潮，待复检");
    setLotStatus({
      ctx: contextFor(database, actorFor(database, "minzheng")),
      input: { lotId: ids.lot("YYS-1L", "YYS-A"), status: "quarantined", note: "抽检浑浊" },
    });

    const explained = explainStock(
      database.db,
      { itemId: ids.item("YYS-1L"), warehouseId: ids.warehouse("QJ01") },
      today,
    );
    expect(explained.reserved).toEqual([
      expect.objectContaining({
        dispatchRef: "D-EXPLAIN-1",
        warehouseName: expect.any(String),
        lotCode: "YYS-A",
        quantity: 1000,
        reservedBy: "区应急局 调度员",
        reservedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        order: null,
      }),
      expect.objectContaining({ dispatchRef: "D-EXPLAIN-2", lotCode: "YYS-A", quantity: 500 }),
    ]);
    expect(explained.held).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          lotCode: "YYS-A",
          lotStatus: "quarantined",
          statusNote: "抽检浑浊",
          onHand: 30000,
          onHold: 0,
          lastHold: null,
        }),
        expect.objectContaining({
          lotCode: "YYS-B",
          lotStatus: "available",
          onHold: 200,
          lastHold: expect.objectContaining({ note: "包装受潮，待复检", by: "区民政局 仓储管理员" }),
        }),
      ]),
    );
    expect(explained.expired).toEqual([]);

    // One lot, and the same item three months on, when YYS-A (12-month life, 10 months old) has expired.
    const oneLot = explainStock(
      database.db,
      { itemId: ids.item("YYS-1L"), lotId: ids.lot("YYS-1L", "YYS-B") },
      today,
    );
    expect(oneLot.reserved).toEqual([]);
    expect(oneLot.held.map((h) => h.lotCode)).toEqual(["YYS-B"]);
    const later = explainStock(database.db, { itemId: ids.item("YYS-1L") }, addMonths(today, 3));
    expect(later.expired.map((e) => [e.lotCode, e.onHand])).toEqual(
      expect.arrayContaining([
        ["YYS-A", 30000],
        ["YYS-A", 2400],
      ]),
    );
  });

  it("links a reservation made under a 调拨单 number to the order and its incident", async () => {
    const w = await ordersWorld();
    const {
      flood,
      orders: [order],
    } = await w.approvedOrders(["木洞镇"], { relocated: 300 });
    if (!order) throw new Error("no order");
    const reservations = w.database.sqlite
      .prepare(
        `SELECT ll.item_id AS itemId FROM ledger_lines ll JOIN stock_documents d ON d.id = ll.document_id
         WHERE d.dispatch_ref = ? AND ll.reserved_delta > 0 LIMIT 1`,
      )
      .get(order.number) as { itemId: number };
    const explained = explainStock(
      w.database.db,
      { itemId: reservations.itemId, warehouseId: order.sourceWarehouseId },
      today,
    );
    expect(explained.reserved.find((r) => r.dispatchRef === order.number)?.order).toEqual({
      id: order.id,
      status: "reserved",
      drill: false,
      incidentId: flood.id,
      incidentTitle: expect.any(String),
    });
  });
});

describe("lot-code search on the stock list", () => {
  it("filters balances by a part of the lot code, taking % and _ literally", () => {
    const page = pageBalances(database.db, { lotSearch: "yys-" }, today);
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.lotCode.startsWith("YYS-"))).toBe(true);
    expect(page.totals.items).toBe(1);
    expect(pageBalances(database.db, { lotSearch: "YYS%" }, today).total).toBe(0);
    const one = pageBalances(database.db, { lotSearch: "FBSP-D" }, today);
    expect(one.rows).toEqual([
      expect.objectContaining({ lotCode: "FBSP-D", productionDate: expect.any(String) }),
    ]);
  });
});
