import { type ReliefDatabase, stockDocuments } from "@relief/db";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { CoreContext } from "../../context";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../errors";
import { actorFor, contextFor, createSeededDatabase, demoIds, stockSnapshot, zhIssues } from "../../testing";
import { addMonths, localDate } from "../../time";
import { adjustStock } from "../adjust";
import { availableByWarehouseItem, listBalances } from "../balances";
import { stockCard } from "../card";
import { getDocument, listDocuments } from "../documents";
import { setLotStatus } from "../hold";
import { issueStock } from "../issue";
import { listLots } from "../lots";
import { receiveStock } from "../receive";
import { listReservations, releaseReservation, reserveStock } from "../reserve";
import { reverseDocument } from "../reverse";
import { receiveTransfer, transferStock } from "../transfer";
import { verifyBalances } from "../verify";

let database: ReliefDatabase;
let ids: ReturnType<typeof demoIds>;
let admin: CoreContext;

function total(filter: { warehouse: string; item: string; lot?: string }) {
  const rows = listBalances(database.db, {
    warehouseId: ids.warehouse(filter.warehouse),
    itemId: ids.item(filter.item),
    ...(filter.lot && { lotId: ids.lot(filter.item, filter.lot) }),
  });
  const sum = (k: "onHand" | "reserved" | "onHold" | "inTransit" | "available") =>
    rows.reduce((s, r) => s + r[k], 0);
  return {
    onHand: sum("onHand"),
    reserved: sum("reserved"),
    onHold: sum("onHold"),
    inTransit: sum("inTransit"),
    available: sum("available"),
  };
}

/** Runs an action that must fail, and checks that it wrote nothing at all. */
function failsWithoutWriting(action: () => unknown): unknown {
  const before = stockSnapshot(database);
  let error: unknown;
  try {
    action();
  } catch (e) {
    error = e;
  }
  expect(error).toBeDefined();
  expect(stockSnapshot(database)).toEqual(before);
  return error;
}

beforeEach(async () => {
  database = await createSeededDatabase();
  ids = demoIds(database);
  admin = contextFor(database);
});

describe("receipts", () => {
  it("posts a numbered receipt, registers the lot with its expiry from shelf life, and converts packs", () => {
    const today = localDate(new Date());
    const doc = receiveStock({
      ctx: admin,
      input: {
        warehouseId: ids.warehouse("QJ01"),
        source: { kind: "purchase", reference: "采购合同 2026-18" },
        lines: [
          { itemId: ids.item("YYS-1L"), lotCode: "YYS-NEW", productionDate: today, quantity: 4, unit: "箱" },
        ],
      },
    });
    expect(doc.number).toMatch(new RegExp(`^RK-${today.slice(0, 7).replace("-", "")}-QJ01-\\d{4}$`));
    const detail = getDocument(database.db, doc.id);
    expect(detail.lines).toEqual([
      expect.objectContaining({
        lotCode: "YYS-NEW",
        onHandDelta: 48,
        ownership: "government",
        expiryDate: addMonths(today, 12),
      }),
    ]);
    expect(total({ warehouse: "QJ01", item: "YYS-1L", lot: "YYS-NEW" })).toMatchObject({
      onHand: 48,
      available: 48,
    });
  });

  it("numbers documents in sequence per warehouse and month", () => {
    const receive = () =>
      receiveStock({
        ctx: admin,
        input: {
          warehouseId: ids.warehouse("MD01"),
          source: { kind: "donation" },
          lines: [{ itemId: ids.item("ZP-12"), lotCode: "ZP-DON", quantity: 10 }],
        },
      }).number;
    const [a, b] = [receive(), receive()];
    expect(Number(b.slice(-4))).toBe(Number(a.slice(-4)) + 1);
  });

  it("takes the ownership from the kind of receipt unless stated", () => {
    receiveStock({
      ctx: admin,
      input: {
        warehouseId: ids.warehouse("MD01"),
        source: { kind: "donation" },
        lines: [{ itemId: ids.item("ZP-12"), lotCode: "ZP-DON", quantity: 10 }],
      },
    });
    const rows = listBalances(database.db, { warehouseId: ids.warehouse("MD01"), itemId: ids.item("ZP-12") });
    expect(rows.map((r) => [r.ownership, r.onHand])).toEqual([["donation", 10]]);
  });

  it("rejects, writing nothing: unknown item, unknown unit, clashing lot dates, missing expiry, bad dates", () => {
    const base = { warehouseId: ids.warehouse("QJ01"), source: { kind: "purchase" as const } };
    const water = ids.item("YYS-1L");
    expect(
      failsWithoutWriting(() =>
        receiveStock({
          ctx: admin,
          input: { ...base, lines: [{ itemId: 9999, lotCode: "X", quantity: 1 }] },
        }),
      ),
    ).toBeInstanceOf(NotFoundError);
    const unit = failsWithoutWriting(() =>
      receiveStock({
        ctx: admin,
        input: {
          ...base,
          lines: [{ itemId: water, lotCode: "N", productionDate: "2026-01-01", quantity: 1, unit: "桶" }],
        },
      }),
    );
    expect((unit as ValidationError).message).toBe("第 1 行：“瓶装饮用水”没有单位“桶”（可用：瓶、箱）");
    const clash = failsWithoutWriting(() =>
      receiveStock({
        ctx: admin,
        input: {
          ...base,
          lines: [{ itemId: water, lotCode: "YYS-A", expiryDate: "2040-01-01", quantity: 1 }],
        },
      }),
    );
    expect((clash as ValidationError).message).toContain("批次 YYS-A 已登记");
    const missing = failsWithoutWriting(() =>
      receiveStock({
        ctx: admin,
        input: { ...base, lines: [{ itemId: water, lotCode: "NO-DATE", quantity: 1 }] },
      }),
    );
    expect((missing as ValidationError).message).toBe(
      "第 1 行：“瓶装饮用水”有保质期，请填写生产日期或有效期",
    );
    const order = failsWithoutWriting(() =>
      receiveStock({
        ctx: admin,
        input: {
          ...base,
          lines: [
            {
              itemId: water,
              lotCode: "BAD",
              productionDate: "2026-05-01",
              expiryDate: "2026-04-01",
              quantity: 1,
            },
          ],
        },
      }),
    );
    expect((order as ValidationError).message).toContain("有效期（2026-04-01）应晚于生产日期（2026-05-01）");
    // A valid first line does not survive a bad second one.
    failsWithoutWriting(() =>
      receiveStock({
        ctx: admin,
        input: {
          ...base,
          lines: [
            { itemId: ids.item("ZP-12"), lotCode: "OK", quantity: 5 },
            { itemId: 9999, lotCode: "X", quantity: 1 },
          ],
        },
      }),
    );
  });
});

describe("issues", () => {
  it("takes first-expired-first-out across lots", () => {
    const doc = issueStock({
      ctx: admin,
      input: {
        warehouseId: ids.warehouse("QJ01"),
        reason: "dispatch",
        lines: [{ itemId: ids.item("YYS-1L"), quantity: 31_000 }],
      },
    });
    const lines = getDocument(database.db, doc.id).lines.map((l) => [l.lotCode, l.onHandDelta]);
    expect(lines).toEqual([
      ["YYS-A", -30_000],
      ["YYS-B", -1_000],
    ]);
  });

  it("never takes quarantined or expired stock for a dispatch, and says how much is available", () => {
    // FBSP-A (4,000) is quarantined by the demo data; only FBSP-B (4,000) is usable.
    expect(total({ warehouse: "QJ01", item: "FBSP-01" })).toMatchObject({ onHand: 8_000, available: 4_000 });
    const error = failsWithoutWriting(() =>
      issueStock({
        ctx: admin,
        input: {
          warehouseId: ids.warehouse("QJ01"),
          reason: "dispatch",
          lines: [{ itemId: ids.item("FBSP-01"), quantity: 4_001 }],
        },
      }),
    );
    expect((error as ValidationError).message).toBe(
      "第 1 行：巴南区救灾物资储备库“方便食品（压缩干粮）”可用 400 箱（4,000 袋），需要 400 箱 + 1 袋（4,001 袋），缺 1 袋。" +
        "在库 800 箱（8,000 袋）；冻结或待检 400 箱（4,000 袋）：批次 FBSP-A 400 箱（4,000 袋）（隔离待检）",
    );
    const later = { ...admin, now: () => new Date(`${addMonths(localDate(new Date()), 30)}T04:00:00Z`) };
    expect(() =>
      issueStock({
        ctx: later,
        input: {
          warehouseId: ids.warehouse("QJ01"),
          reason: "dispatch",
          lines: [{ itemId: ids.item("FBSP-01"), quantity: 1 }],
        },
      }),
    ).toThrow("可用 0 袋");
  });

  it("lets a write-off take a quarantined lot", () => {
    issueStock({
      ctx: admin,
      input: {
        warehouseId: ids.warehouse("QJ01"),
        reason: "write_off",
        note: "包装破损",
        lines: [{ itemId: ids.item("FBSP-01"), lotId: ids.lot("FBSP-01", "FBSP-A"), quantity: 4_000 }],
      },
    });
    expect(total({ warehouse: "QJ01", item: "FBSP-01", lot: "FBSP-A" }).onHand).toBe(0);
  });

  it("shares stock between lines of the same item in one document", () => {
    const quilts = ids.item("MB-01");
    failsWithoutWriting(() =>
      issueStock({
        ctx: admin,
        input: {
          warehouseId: ids.warehouse("MD01"),
          reason: "dispatch",
          lines: [
            { itemId: quilts, quantity: 300 },
            { itemId: quilts, quantity: 300 },
          ],
        },
      }),
    );
  });
});

describe("reservations", () => {
  it("sets stock aside for a dispatch, which its issue consumes and a release gives back", () => {
    const quilts = ids.item("MB-01");
    const qj = ids.warehouse("QJ01");
    reserveStock({
      ctx: admin,
      input: { warehouseId: qj, dispatchRef: "DD-1", lines: [{ itemId: quilts, quantity: 5_000 }] },
    });
    expect(total({ warehouse: "QJ01", item: "MB-01" })).toMatchObject({
      onHand: 6_000,
      reserved: 5_000,
      available: 1_000,
    });
    // Nobody else can take the reserved part.
    expect(() =>
      issueStock({
        ctx: admin,
        input: { warehouseId: qj, reason: "dispatch", lines: [{ itemId: quilts, quantity: 1_001 }] },
      }),
    ).toThrow("可用 100 包（1,000 床）");
    // The dispatch's own issue takes its reservation first.
    issueStock({
      ctx: admin,
      input: {
        warehouseId: qj,
        reason: "dispatch",
        dispatchRef: "DD-1",
        lines: [{ itemId: quilts, quantity: 3_000 }],
      },
    });
    expect(total({ warehouse: "QJ01", item: "MB-01" })).toMatchObject({
      onHand: 3_000,
      reserved: 2_000,
      available: 1_000,
    });
    const released = releaseReservation({ ctx: admin, input: { dispatchRef: "DD-1" } });
    expect(released).toHaveLength(1);
    expect(total({ warehouse: "QJ01", item: "MB-01" })).toMatchObject({
      onHand: 3_000,
      reserved: 0,
      available: 3_000,
    });
    expect(() => releaseReservation({ ctx: admin, input: { dispatchRef: "DD-1" } })).toThrow(
      "没有未释放的预留",
    );
  });

  it("lets a dispatcher reserve in any warehouse but not issue", () => {
    const dispatcher = contextFor(database, actorFor(database, "diaodu"));
    reserveStock({
      ctx: dispatcher,
      input: {
        warehouseId: ids.warehouse("SW01"),
        dispatchRef: "DD-2",
        lines: [{ itemId: ids.item("YYS-1L"), quantity: 100 }],
      },
    });
    expect(() =>
      issueStock({
        ctx: dispatcher,
        input: {
          warehouseId: ids.warehouse("SW01"),
          reason: "dispatch",
          lines: [{ itemId: ids.item("YYS-1L"), quantity: 1 }],
        },
      }),
    ).toThrow(ForbiddenError);
  });
});

describe("transfers", () => {
  it("moves stock out at send, shows it in transit, and records a short receipt", () => {
    const doc = transferStock({
      ctx: admin,
      input: {
        fromWarehouseId: ids.warehouse("QJ01"),
        toWarehouseId: ids.warehouse("MD01"),
        lines: [{ itemId: ids.item("MB-01"), quantity: 500 }],
      },
    });
    expect(doc.number).toMatch(/^DB-/);
    expect(total({ warehouse: "QJ01", item: "MB-01" }).onHand).toBe(5_500);
    expect(total({ warehouse: "MD01", item: "MB-01" })).toMatchObject({
      onHand: 500,
      inTransit: 500,
      available: 500,
    });
    const lot = ids.lot("MB-01", "MB-2022-03");
    const minzheng = contextFor(database, actorFor(database, "minzheng"));
    const partial = {
      transferId: doc.id,
      lines: [
        { itemId: ids.item("MB-01"), lotId: lot, ownership: "government" as const, receivedQuantity: 480 },
      ],
    };
    expect(failsWithoutWriting(() => receiveTransfer({ ctx: minzheng, input: partial }))).toBeInstanceOf(
      ValidationError,
    );
    const received = receiveTransfer({
      ctx: minzheng,
      input: { ...partial, note: "运输途中 20 床受潮，已拍照留存" },
    });
    expect(received.number).toMatch(/^DR-/);
    expect(total({ warehouse: "MD01", item: "MB-01" })).toMatchObject({ onHand: 980, inTransit: 0 });
    expect(
      failsWithoutWriting(() => receiveTransfer({ ctx: minzheng, input: { transferId: doc.id } })),
    ).toBeInstanceOf(ConflictError);
    expect(
      failsWithoutWriting(() => reverseDocument({ ctx: admin, input: { documentId: doc.id, note: "x" } })),
    ).toBeInstanceOf(ConflictError);
  });

  it("cannot send more than is available, nor to the same warehouse", () => {
    failsWithoutWriting(() =>
      transferStock({
        ctx: admin,
        input: {
          fromWarehouseId: ids.warehouse("SL01"),
          toWarehouseId: ids.warehouse("MD01"),
          lines: [{ itemId: ids.item("MB-01"), quantity: 301 }],
        },
      }),
    );
  });
});

describe("reversal", () => {
  it("restores balances exactly and can happen only once", () => {
    const before = listBalances(database.db, {}, localDate(new Date()));
    const doc = issueStock({
      ctx: admin,
      input: {
        warehouseId: ids.warehouse("QJ01"),
        reason: "dispatch",
        lines: [{ itemId: ids.item("YYS-1L"), quantity: 31_000 }],
      },
    });
    const reversal = reverseDocument({ ctx: admin, input: { documentId: doc.id, note: "录入错误" } });
    expect(reversal.number).toMatch(/^CX-/);
    expect(listBalances(database.db, {}, localDate(new Date()))).toEqual(before);
    expect(getDocument(database.db, doc.id).reversedBy).toBe(reversal.number);
    expect(
      failsWithoutWriting(() =>
        reverseDocument({ ctx: admin, input: { documentId: doc.id, note: "again" } }),
      ),
    ).toBeInstanceOf(ConflictError);
    expect(
      failsWithoutWriting(() =>
        reverseDocument({ ctx: admin, input: { documentId: reversal.id, note: "x" } }),
      ),
    ).toBeInstanceOf(ConflictError);
  });

  it("refuses to reverse a receipt whose stock has since been issued, writing nothing", () => {
    const doc = receiveStock({
      ctx: admin,
      input: {
        warehouseId: ids.warehouse("JL01"),
        source: { kind: "purchase" },
        lines: [{ itemId: ids.item("ZP-12"), lotCode: "ZP-JL", quantity: 10 }],
      },
    });
    issueStock({
      ctx: admin,
      input: {
        warehouseId: ids.warehouse("JL01"),
        reason: "dispatch",
        lines: [{ itemId: ids.item("ZP-12"), quantity: 4 }],
      },
    });
    const error = failsWithoutWriting(() =>
      reverseDocument({ ctx: admin, input: { documentId: doc.id, note: "x" } }),
    );
    expect((error as ValidationError).message).toContain("在库只有 6 顶，本次需要 10 顶");
  });
});

describe("adjustments and lots", () => {
  it("checks the reason's direction and note, and books found stock to a new lot", () => {
    const qj = ids.warehouse("QJ01");
    const tents = ids.item("ZP-12");
    const found = ids.reason("found");
    expect(
      failsWithoutWriting(() =>
        adjustStock({
          ctx: admin,
          input: {
            warehouseId: qj,
            reasonId: found,
            lines: [
              { itemId: tents, lotId: ids.lot("ZP-12", "ZP-2019-01"), ownership: "government", quantity: -1 },
            ],
          },
        }),
      ),
    ).toBeInstanceOf(ValidationError);
    expect(() =>
      adjustStock({
        ctx: admin,
        input: {
          warehouseId: qj,
          reasonId: ids.reason("damage"),
          lines: [
            { itemId: tents, lotId: ids.lot("ZP-12", "ZP-2019-01"), ownership: "government", quantity: -1 },
          ],
        },
      }),
    ).toThrow("原因“损坏”需要填写说明");
    adjustStock({
      ctx: admin,
      input: {
        warehouseId: qj,
        reasonId: found,
        lines: [{ itemId: tents, lotCode: "ZP-FOUND", ownership: "government", quantity: 3 }],
      },
    });
    expect(total({ warehouse: "QJ01", item: "ZP-12", lot: "ZP-FOUND" }).onHand).toBe(3);
    // A decrease larger than the lot holds is refused beside its line.
    const short = failsWithoutWriting(() =>
      adjustStock({
        ctx: admin,
        input: {
          warehouseId: qj,
          reasonId: ids.reason("correction"),
          note: "更正",
          lines: [
            { itemId: tents, lotId: ids.lot("ZP-12", "ZP-2019-01"), ownership: "government", quantity: 1 },
            { itemId: tents, lotId: ids.lot("ZP-12", "ZP-FOUND"), ownership: "government", quantity: -4 },
          ],
        },
      }),
    ) as ValidationError;
    expect(zhIssues(short)).toEqual([
      { field: "lines.1.quantity", message: expect.stringContaining("在库只有 3 顶，本次需要 4 顶") },
    ]);
  });

  it("a lot's status applies everywhere: quarantined stock is not available in any warehouse", () => {
    setLotStatus({
      ctx: admin,
      input: { lotId: ids.lot("MB-01", "MB-2022-03"), status: "recalled", note: "质量问题" },
    });
    expect(total({ warehouse: "QJ01", item: "MB-01" })).toMatchObject({ onHand: 6_000, available: 0 });
    expect(total({ warehouse: "MD01", item: "MB-01" })).toMatchObject({ onHand: 500, available: 0 });
  });
});

describe("stock card and verification", () => {
  it("lists an item's movements with the running balance", () => {
    issueStock({
      ctx: admin,
      input: {
        warehouseId: ids.warehouse("QJ01"),
        reason: "dispatch",
        lines: [{ itemId: ids.item("ZP-12"), quantity: 100 }],
      },
    });
    const card = stockCard(database.db, { itemId: ids.item("ZP-12"), warehouseId: ids.warehouse("QJ01") });
    expect(card.rows.map((r) => [r.type, r.onHandDelta, r.balance])).toEqual([
      ["receipt", 1_500, 1_500],
      ["issue", -100, 1_400],
    ]);
    expect(card.closing).toBe(1_400);
  });

  it("finds no difference between ledger and cache, and reports one if the cache is tampered with", () => {
    expect(verifyBalances(database.db).differences).toEqual([]);
    database.sqlite
      .prepare("UPDATE balances SET on_hand = on_hand + 1 WHERE warehouse_id = ? AND lot_id = ?")
      .run(ids.warehouse("QJ01"), ids.lot("ZP-12", "ZP-2019-01"));
    expect(verifyBalances(database.db).differences).toEqual([
      expect.objectContaining({
        warehouseName: "巴南区救灾物资储备库",
        itemName: "12平方米单帐篷",
        lotCode: "ZP-2019-01",
      }),
    ]);
  });

  it("ledger lines and documents cannot be changed, even with direct SQL", () => {
    expect(() => database.sqlite.prepare("UPDATE ledger_lines SET on_hand_delta = 0").run()).toThrow(
      "immutable",
    );
    expect(() => database.db.delete(stockDocuments).where(eq(stockDocuments.id, 1)).run()).toThrow(
      "immutable",
    );
  });
});

describe("warehouse scope", () => {
  it("civil-affairs staff post only in their warehouses, the commerce bureau only in commerce warehouses", () => {
    const minzheng = contextFor(database, actorFor(database, "minzheng"));
    const shangwu = contextFor(database, actorFor(database, "shangwu"));
    const receipt = (warehouse: string) => ({
      warehouseId: ids.warehouse(warehouse),
      source: { kind: "purchase" as const },
      lines: [{ itemId: ids.item("ZP-12"), lotCode: "ZP-S", quantity: 1 }],
    });
    expect(receiveStock({ ctx: minzheng, input: receipt("QJ01") }).number).toMatch(/^RK-/);
    expect(failsWithoutWriting(() => receiveStock({ ctx: minzheng, input: receipt("SW01") }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(failsWithoutWriting(() => receiveStock({ ctx: minzheng, input: receipt("JC01") }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(receiveStock({ ctx: shangwu, input: receipt("SW01") }).number).toMatch(/^RK-/);
    expect(failsWithoutWriting(() => receiveStock({ ctx: shangwu, input: receipt("QJ01") }))).toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe("read models", () => {
  it("lists what each dispatch still holds reserved, and transfers awaiting receipt", () => {
    const quilts = ids.item("MB-01");
    reserveStock({
      ctx: admin,
      input: {
        warehouseId: ids.warehouse("QJ01"),
        dispatchRef: "DD-9",
        lines: [{ itemId: quilts, quantity: 40 }],
      },
    });
    expect(listReservations(database.db, { dispatchRef: "DD-9" })).toEqual([
      expect.objectContaining({
        dispatchRef: "DD-9",
        warehouseName: "巴南区救灾物资储备库",
        itemName: "棉被",
        reserved: 40,
      }),
    ]);
    const sent = transferStock({
      ctx: admin,
      input: {
        fromWarehouseId: ids.warehouse("QJ01"),
        toWarehouseId: ids.warehouse("JL01"),
        lines: [{ itemId: quilts, quantity: 10 }],
      },
    });
    const awaiting = listDocuments(database.db, {
      awaitingReceipt: true,
      warehouseId: ids.warehouse("JL01"),
    });
    expect(awaiting.rows.map((d) => d.number)).toEqual([sent.number]);
    // Awaiting receipt is the destination's list: the sender does not see its own transfer there.
    expect(
      listDocuments(database.db, { awaitingReceipt: true, warehouseId: ids.warehouse("QJ01") }).total,
    ).toBe(0);
    // Search takes % and _ literally.
    expect(listDocuments(database.db, { search: "%" }).total).toBe(0);
    expect(listDocuments(database.db, { search: sent.number.slice(0, 8) }).total).toBeGreaterThan(0);
    const today = localDate(new Date());
    expect(listDocuments(database.db, { from: today, to: today, type: "transfer_out" }).total).toBe(1);
    expect(listDocuments(database.db, { to: "2000-01-01" }).total).toBe(0);
  });

  it("sums available stock per warehouse and item exactly as the balance rows do", () => {
    reserveStock({
      ctx: admin,
      input: {
        warehouseId: ids.warehouse("QJ01"),
        dispatchRef: "DD-3",
        lines: [{ itemId: ids.item("MB-01"), quantity: 7 }],
      },
    });
    const expected = new Map<string, { onHand: number; available: number }>();
    for (const b of listBalances(database.db)) {
      const key = `${b.warehouseId}/${b.itemId}`;
      const sum = expected.get(key) ?? { onHand: 0, available: 0 };
      sum.onHand += b.onHand;
      sum.available += b.available;
      expected.set(key, sum);
    }
    const totals = availableByWarehouseItem(database.db).filter((t) => t.onHand !== 0);
    expect(
      new Map(
        totals.map((t) => [`${t.warehouseId}/${t.itemId}`, { onHand: t.onHand, available: t.available }]),
      ),
    ).toEqual(expected);
    // The quarantined food lot counts on hand but not as available.
    const food = totals.find(
      (t) => t.warehouseId === ids.warehouse("QJ01") && t.itemId === ids.item("FBSP-01"),
    );
    expect(food).toMatchObject({ onHand: 8_000, available: 4_000 });
  });

  it("lists lots of an item with their condition and stock over all warehouses", () => {
    const lotsOfFood = listLots(database.db, { itemId: ids.item("FBSP-01") }).rows;
    expect(lotsOfFood.map((l) => [l.lotCode, l.status, l.onHand])).toEqual(
      expect.arrayContaining([
        ["FBSP-A", "quarantined", 4_000],
        ["FBSP-D", "available", 500],
      ]),
    );
  });
});
