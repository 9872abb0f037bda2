import { auditLog, type ReliefDatabase, stockDocuments } from "@relief/db";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { CoreContext } from "../../context";
import { contextFor, createSeededDatabase, demoIds, stockSnapshot, zhThrown } from "../../testing";
import { addDays, localDate } from "../../time";
import { listBalances } from "../balances";
import { issueStock } from "../issue";
import { receiveStock } from "../receive";
import { listReservations, releaseReservation, reserveStock } from "../reserve";
import { reverseDocument } from "../reverse";
import { transferStock } from "../transfer";

let database: ReliefDatabase;
let ids: ReturnType<typeof demoIds>;
let admin: CoreContext;
let qj: number;

function total(warehouse: string, item: string, lot?: string) {
  const rows = listBalances(database.db, {
    warehouseId: ids.warehouse(warehouse),
    itemId: ids.item(item),
    ...(lot && { lotId: ids.lot(item, lot) }),
  });
  const sum = (k: "onHand" | "reserved" | "inTransit" | "available") => rows.reduce((s, r) => s + r[k], 0);
  return {
    onHand: sum("onHand"),
    reserved: sum("reserved"),
    inTransit: sum("inTransit"),
    available: sum("available"),
  };
}

/** What dispatch `ref` still holds in QJ01, per lot code. */
function stillReserved(ref: string): Record<string, number> {
  return Object.fromEntries(
    listReservations(database.db, { dispatchRef: ref, warehouseId: qj }).map((r) => [r.lotCode, r.reserved]),
  );
}

function failsWithoutWriting(action: () => unknown): string {
  const before = stockSnapshot(database);
  const text = zhThrown(action);
  expect(stockSnapshot(database)).toEqual(before);
  return text;
}

/** DD-1 holds 1,000 瓶 of water lot YYS-A and 500 of lot YYS-B in QJ01; both lots have more, free. */
beforeEach(async () => {
  database = await createSeededDatabase();
  ids = demoIds(database);
  admin = contextFor(database);
  qj = ids.warehouse("QJ01");
  reserveStock({
    ctx: admin,
    input: {
      warehouseId: qj,
      dispatchRef: "DD-1",
      lines: [
        { itemId: ids.item("YYS-1L"), lotId: ids.lot("YYS-1L", "YYS-A"), quantity: 1_000 },
        { itemId: ids.item("YYS-1L"), lotId: ids.lot("YYS-1L", "YYS-B"), quantity: 500 },
      ],
    },
  });
});

/** The reserved lines of DD-1 as the issue form loads them: lot and ownership pinned. */
const reservedLine = (lot: string, quantity: number) => ({
  itemId: ids.item("YYS-1L"),
  lotId: ids.lot("YYS-1L", lot),
  ownership: "government" as const,
  quantity,
});

describe("issue from a reservation", () => {
  it("issues part of it and releases the rest in one posting, audited", () => {
    const before = total("QJ01", "YYS-1L");
    const doc = issueStock({
      ctx: admin,
      input: {
        warehouseId: qj,
        reason: "dispatch",
        dispatchRef: "DD-1",
        releaseRest: true,
        lines: [reservedLine("YYS-A", 600)],
      },
    });
    expect(doc.number).toMatch(/^CK-/);
    expect(doc.released?.number).toMatch(/^SF-/);
    expect(stillReserved("DD-1")).toEqual({});
    expect(total("QJ01", "YYS-1L")).toEqual({
      onHand: before.onHand - 600,
      reserved: 0,
      inTransit: 0,
      available: before.available + 1_500 - 600,
    });
    const release = database.db
      .select()
      .from(stockDocuments)
      .where(eq(stockDocuments.id, doc.released?.id ?? 0))
      .get();
    expect(release).toMatchObject({ type: "release", dispatchRef: "DD-1", warehouseId: qj });
    const audited = database.db.select().from(auditLog).all().slice(-2);
    expect(audited.map((a) => a.action)).toEqual(["stock.issue", "stock.release"]);
  });

  it("keeps the rest reserved unless asked", () => {
    const doc = issueStock({
      ctx: admin,
      input: {
        warehouseId: qj,
        reason: "dispatch",
        dispatchRef: "DD-1",
        lines: [reservedLine("YYS-A", 600), reservedLine("YYS-B", 500)],
      },
    });
    expect(doc.released).toBeNull();
    expect(stillReserved("DD-1")).toEqual({ "YYS-A": 400 });
  });

  it("takes free stock of the lot for what goes beyond the reservation", () => {
    const before = total("QJ01", "YYS-1L", "YYS-A");
    issueStock({
      ctx: admin,
      input: {
        warehouseId: qj,
        reason: "dispatch",
        dispatchRef: "DD-1",
        lines: [reservedLine("YYS-A", 1_200)],
      },
    });
    expect(stillReserved("DD-1")).toEqual({ "YYS-B": 500 });
    expect(total("QJ01", "YYS-1L", "YYS-A")).toMatchObject({
      onHand: before.onHand - 1_200,
      reserved: 0,
      available: before.available - 200,
    });
  });

  it("refuses more than the reservation and the free stock together, releasing nothing", () => {
    const lotA = total("QJ01", "YYS-1L", "YYS-A");
    const text = failsWithoutWriting(() =>
      issueStock({
        ctx: admin,
        input: {
          warehouseId: qj,
          reason: "dispatch",
          dispatchRef: "DD-1",
          releaseRest: true,
          lines: [reservedLine("YYS-A", lotA.available + 1_001)],
        },
      }),
    );
    expect(text).toContain("缺 1 瓶");
    expect(stillReserved("DD-1")).toEqual({ "YYS-A": 1_000, "YYS-B": 500 });
  });

  it("releases the rest only for a dispatch issue with its reference", () => {
    const line = [reservedLine("YYS-A", 1)];
    expect(
      failsWithoutWriting(() =>
        issueStock({
          ctx: admin,
          input: { warehouseId: qj, reason: "dispatch", releaseRest: true, lines: line },
        }),
      ),
    ).toBe("释放剩余预留需要填写调度单号");
    expect(
      failsWithoutWriting(() =>
        issueStock({
          ctx: admin,
          input: { warehouseId: qj, reason: "drill", dispatchRef: "DD-1", releaseRest: true, lines: line },
        }),
      ),
    ).toBe("只有“救灾调运”出库可以释放剩余预留");
  });
});

describe("transfer from a reservation", () => {
  it("sends the reservation first, may release the rest, and a reversal gives the reservation back", () => {
    const md = ids.warehouse("MD01");
    const doc = transferStock({
      ctx: admin,
      input: {
        fromWarehouseId: qj,
        toWarehouseId: md,
        dispatchRef: "DD-1",
        lines: [reservedLine("YYS-A", 700)],
      },
    });
    expect(stillReserved("DD-1")).toEqual({ "YYS-A": 300, "YYS-B": 500 });
    expect(total("MD01", "YYS-1L")).toMatchObject({ inTransit: 700 });
    reverseDocument({ ctx: admin, input: { documentId: doc.id, note: "调错仓库" } });
    expect(stillReserved("DD-1")).toEqual({ "YYS-A": 1_000, "YYS-B": 500 });

    const again = transferStock({
      ctx: admin,
      input: {
        fromWarehouseId: qj,
        toWarehouseId: md,
        dispatchRef: "DD-1",
        releaseRest: true,
        lines: [reservedLine("YYS-B", 200)],
      },
    });
    expect(again.released?.number).toMatch(/^SF-/);
    expect(stillReserved("DD-1")).toEqual({});
    expect(() => releaseReservation({ ctx: admin, input: { dispatchRef: "DD-1" } })).toThrow(
      "没有未释放的预留",
    );
  });
});

describe("issue reasons", () => {
  const today = localDate(new Date());

  /** Lot TEST-OLD of water in QJ01: 100 瓶, expired yesterday; lot TEST-SOON: 100 瓶, expiring in ten days. */
  beforeEach(() => {
    receiveStock({
      ctx: admin,
      input: {
        warehouseId: qj,
        source: { kind: "purchase" },
        lines: [
          { itemId: ids.item("YYS-1L"), lotCode: "TEST-OLD", expiryDate: addDays(today, -1), quantity: 100 },
          { itemId: ids.item("YYS-1L"), lotCode: "TEST-SOON", expiryDate: addDays(today, 10), quantity: 100 },
        ],
      },
    });
  });

  const issueOf = (reason: "rotation" | "drill" | "routine_relief" | "write_off", lot?: string) =>
    issueStock({
      ctx: admin,
      input: {
        warehouseId: qj,
        reason,
        dispatchRef: "DD-1",
        lines: [{ itemId: ids.item("YYS-1L"), ...(lot && { lotId: ids.lot("YYS-1L", lot) }), quantity: 100 }],
      },
    });

  it("rotates out the lot nearest expiry first, never the expired one nor what is reserved", () => {
    issueOf("rotation");
    expect(total("QJ01", "YYS-1L", "TEST-SOON").onHand).toBe(0);
    expect(total("QJ01", "YYS-1L", "TEST-OLD").onHand).toBe(100);
    expect(stillReserved("DD-1")).toEqual({ "YYS-A": 1_000, "YYS-B": 500 });
    expect(failsWithoutWriting(() => issueOf("rotation", "TEST-OLD"))).toContain(
      "已过期 8 箱 + 4 瓶（100 瓶）：批次 TEST-OLD",
    );
  });

  it("takes usable stock only for a drill or routine relief, and any lot for a write-off", () => {
    expect(failsWithoutWriting(() => issueOf("drill", "TEST-OLD"))).toContain("该批次可用 0 瓶");
    expect(failsWithoutWriting(() => issueOf("routine_relief", "TEST-OLD"))).toContain("该批次可用 0 瓶");
    issueOf("write_off", "TEST-OLD");
    expect(total("QJ01", "YYS-1L", "TEST-OLD").onHand).toBe(0);
    const doc = issueOf("drill");
    expect(
      database.db.select().from(stockDocuments).where(eq(stockDocuments.id, doc.id)).get(),
    ).toMatchObject({
      issueReason: "drill",
    });
  });
});
