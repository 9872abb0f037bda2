import { lots, type ReliefDatabase } from "@relief/db";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { CoreContext } from "../../context";
import { ForbiddenError } from "../../errors";
import { actorFor, addUser, contextFor, createSeededDatabase, demoIds, stockSnapshot } from "../../testing";
import { setLotStatus } from "../hold";
import { issueStock } from "../issue";
import { receiveTransfer, transferStock } from "../transfer";

let database: ReliefDatabase;
let ids: ReturnType<typeof demoIds>;
let admin: CoreContext;
/** Civil affairs with no warehouse assigned, as in the report. */
let civil: CoreContext;
let commerce: CoreContext;

beforeEach(async () => {
  database = await createSeededDatabase();
  ids = demoIds(database);
  admin = contextFor(database);
  civil = contextFor(database, addUser(database, "mz_unassigned", "civil_affairs"));
  commerce = contextFor(database, actorFor(database, "shangwu"));
});

function statusOf(lotId: number) {
  return database.db.select().from(lots).where(eq(lots.id, lotId)).get()?.status;
}

/** Runs a status change that must be refused, and checks that nothing at all was written. */
function refused(ctx: CoreContext, lotId: number): Error {
  const before = { ...stockSnapshot(database), status: statusOf(lotId) };
  let error: unknown;
  try {
    setLotStatus({ ctx, input: { lotId, status: "recalled" } });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ForbiddenError);
  expect({ ...stockSnapshot(database), status: statusOf(lotId) }).toEqual(before);
  return error as Error;
}

describe("who sets a lot's condition", () => {
  it("a lot held only in the commerce warehouse is the commerce bureau's", () => {
    const lot = ids.lot("YYS-1L", "YYS-C");
    expect(refused(civil, lot).message).toBe(
      "批次 YYS-C 存放在 区商务委应急商品储备仓（SW01），民政人员无权修改其状态",
    );
    expect(refused(contextFor(database, actorFor(database, "minzheng")), lot)).toBeInstanceOf(ForbiddenError);
    expect(setLotStatus({ ctx: commerce, input: { lotId: lot, status: "quarantined" } }).status).toBe(
      "quarantined",
    );
  });

  it("a lot in civil-affairs warehouses is civil affairs', assigned or not", () => {
    const lot = ids.lot("MB-01", "MB-2023-09");
    expect(refused(commerce, lot).message).toBe(
      "批次 MB-2023-09 存放在 军地共建救灾物资代储点（JC01），商务人员无权修改其状态",
    );
    expect(setLotStatus({ ctx: civil, input: { lotId: lot, status: "damaged" } }).status).toBe("damaged");
  });

  it("a lot on its way into a commerce warehouse needs the commerce bureau too; admin always may", () => {
    const lot = ids.lot("ZP-12", "ZP-2019-01");
    const sent = transferStock({
      ctx: admin,
      input: {
        fromWarehouseId: ids.warehouse("QJ01"),
        toWarehouseId: ids.warehouse("SW01"),
        lines: [{ itemId: ids.item("ZP-12"), lotId: lot, quantity: 10 }],
      },
    });
    expect(refused(civil, lot).message).toContain("区商务委应急商品储备仓（SW01）");
    receiveTransfer({ ctx: admin, input: { transferId: sent.id } });
    expect(refused(civil, lot)).toBeInstanceOf(ForbiddenError);
    expect(refused(commerce, lot).message).toBe(
      "批次 ZP-2019-01 存放在 巴南区救灾物资储备库（QJ01），商务人员无权修改其状态",
    );
    expect(setLotStatus({ ctx: admin, input: { lotId: lot, status: "quarantined" } }).status).toBe(
      "quarantined",
    );
  });

  it("a warehouse the lot has left no longer counts, and a lot held nowhere is either bureau's", () => {
    const lot = ids.lot("FBSP-01", "FBSP-C");
    issueStock({
      ctx: commerce,
      input: {
        warehouseId: ids.warehouse("SW01"),
        reason: "dispatch",
        lines: [{ itemId: ids.item("FBSP-01"), lotId: lot, quantity: 6_000 }],
      },
    });
    expect(setLotStatus({ ctx: civil, input: { lotId: lot, status: "recalled" } }).status).toBe("recalled");
  });
});
