import { type ReliefDatabase, stockDocuments } from "@relief/db";
import { writeWorkbook } from "@relief/sheets";
import { beforeEach, describe, expect, it } from "vitest";
import type { CoreContext } from "../../context";
import { ValidationError } from "../../errors";
import { MAX_BALANCE, MAX_LINE_QUANTITY } from "../../limits";
import { actorFor, contextFor, createSeededDatabase, demoIds, stockSnapshot, zhIssues } from "../../testing";
import { adjustStock } from "../adjust";
import { openCount, recordCount } from "../counts";
import { holdStock } from "../hold";
import { issueStock } from "../issue";
import { postDocument } from "../ledger";
import { listLots } from "../lots";
import { receiveStock } from "../receive";
import { reserveStock } from "../reserve";
import { ReceiveInput } from "../schemas";
import { importReceipts } from "../sheets";
import { transferStock } from "../transfer";
import { verifyBalances } from "../verify";

let database: ReliefDatabase;
let ids: ReturnType<typeof demoIds>;
let ctx: CoreContext;

/** 01:00 on 1 December 2026 in the district, still 30 November in UTC. */
const NOW = new Date("2026-11-30T17:00:00.000Z");

beforeEach(async () => {
  database = await createSeededDatabase();
  ids = demoIds(database);
  ctx = { ...contextFor(database), now: () => NOW };
});

/** Runs an action that must fail, checks that it wrote nothing at all, and returns its message. */
function refusedWithoutWriting(action: () => unknown): string {
  const before = stockSnapshot(database);
  let error: unknown;
  try {
    action();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ValidationError);
  expect(stockSnapshot(database)).toEqual(before);
  return (error as ValidationError).message;
}

const water = () => ids.item("YYS-1L");
const pick = (quantity: number, unit?: string) => [{ itemId: water(), quantity, ...(unit && { unit }) }];

describe("the quantity ceiling", () => {
  it("refuses an adjustment of 2^53 − 1 packs (the reported defect), in either direction, writing nothing", () => {
    for (const quantity of [Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]) {
      const message = refusedWithoutWriting(() =>
        adjustStock({
          ctx,
          input: {
            warehouseId: ids.warehouse("QJ01"),
            reasonId: ids.reason(quantity > 0 ? "found" : "damage"),
            note: "测试",
            lines: [
              {
                itemId: water(),
                lotId: ids.lot("YYS-1L", "YYS-A"),
                ownership: "government",
                quantity,
                unit: "箱",
              },
            ],
          },
        }),
      );
      expect(message).toBe(
        `第 1 行数量折合 ${quantity < 0 ? "-" : ""}1.1e17 瓶，超过单行上限 1,000,000,000 瓶`,
      );
    }
    expect(verifyBalances(database.db).differences).toEqual([]);
  });

  it("checks after converting packs: 83,333,334 箱 of 12 is over, 1,000,000,000 瓶 is not", () => {
    const receipt = (quantity: number, unit?: string) =>
      receiveStock({
        ctx,
        input: {
          warehouseId: ids.warehouse("QJ01"),
          source: { kind: "purchase" },
          lines: [
            {
              itemId: water(),
              lotCode: "CEIL-1",
              productionDate: "2026-11-01",
              quantity,
              ...(unit && { unit }),
            },
          ],
        },
      });
    expect(refusedWithoutWriting(() => receipt(83_333_334, "箱"))).toBe(
      "第 1 行数量折合 1,000,000,008 瓶，超过单行上限 1,000,000,000 瓶",
    );
    expect(refusedWithoutWriting(() => receipt(MAX_LINE_QUANTITY + 1))).toBe(
      "第 1 行数量 1,000,000,001 瓶，超过单行上限 1,000,000,000 瓶",
    );
    expect(receipt(MAX_LINE_QUANTITY).lineCount).toBe(1);
  });

  it("applies to issues, transfers, reservations and holds before any stock is picked", () => {
    const warehouseId = ids.warehouse("QJ01");
    const over = 100_000_000;
    const messages = [
      () => issueStock({ ctx, input: { warehouseId, reason: "dispatch", lines: pick(over, "箱") } }),
      () =>
        transferStock({
          ctx,
          input: {
            fromWarehouseId: warehouseId,
            toWarehouseId: ids.warehouse("MD01"),
            lines: pick(over, "箱"),
          },
        }),
      () => reserveStock({ ctx, input: { warehouseId, dispatchRef: "DD-1", lines: pick(over, "箱") } }),
      () =>
        holdStock({
          ctx,
          input: {
            warehouseId,
            note: "待检",
            lines: [
              {
                itemId: water(),
                lotId: ids.lot("YYS-1L", "YYS-A"),
                ownership: "government",
                quantity: over,
                unit: "箱",
              },
            ],
          },
        }),
    ].map(refusedWithoutWriting);
    expect(new Set(messages)).toEqual(
      new Set(["第 1 行数量折合 1,200,000,000 瓶，超过单行上限 1,000,000,000 瓶"]),
    );
  });

  it("refuses a stocktake count above the ceiling, writing nothing", () => {
    const count = openCount({ ctx, input: { warehouseId: ids.warehouse("MD01") } });
    const before = stockSnapshot(database);
    let error: unknown;
    try {
      recordCount({
        ctx,
        input: { countId: count.id, lines: [{ lineId: 1, counted: MAX_LINE_QUANTITY + 1 }] },
      });
    } catch (e) {
      error = e;
    }
    expect(zhIssues(error).map((i) => i.message)).toContain("盘点数量超过单行上限 1,000,000,000");
    expect(stockSnapshot(database)).toEqual(before);
  });

  it("keeps every balance within MAX_BALANCE, even when a document nets two lines on one key", () => {
    const key = {
      warehouseId: ids.warehouse("QJ01"),
      itemId: water(),
      lotId: ids.lot("YYS-1L", "YYS-A"),
      ownership: "government" as const,
    };
    const post = (...onHand: number[]) =>
      database.db.transaction((tx) =>
        postDocument(
          tx,
          ctx,
          { type: "receipt", warehouseId: key.warehouseId, receiptKind: "purchase" },
          onHand.map((q, line) => ({ ...key, onHand: q, line })),
          { action: "test.post", summary: {} },
        ),
      );
    expect(refusedWithoutWriting(() => post(MAX_BALANCE + 1))).toBe(
      "单据行数量超过单个余额上限 1,000,000,000,000",
    );
    expect(refusedWithoutWriting(() => post(MAX_BALANCE / 2, MAX_BALANCE / 2))).toMatch(
      /^巴南区救灾物资储备库“瓶装饮用水”批次 YYS-A（政府）在库将达到 1,000,000,0\d\d,\d{3} 瓶，超过单个余额上限 1,000,000,000,000 瓶$/,
    );
  });
});

describe("the database bounds", () => {
  const documentId = () => database.db.select({ id: stockDocuments.id }).from(stockDocuments).get()?.id ?? 0;
  const keyValues = () => [ids.warehouse("QJ01"), water(), ids.lot("YYS-1L", "YYS-A"), "government"];

  it("refuses a balance or a ledger line beyond 10^12 by CHECK, whatever code writes it", () => {
    expect(() =>
      database.sqlite
        .prepare(
          "UPDATE balances SET on_hand = ? WHERE warehouse_id = ? AND item_id = ? AND lot_id = ? AND ownership = ?",
        )
        .run(MAX_BALANCE + 1, ...keyValues()),
    ).toThrow(/CHECK constraint failed: balances_bounded/);
    expect(() =>
      database.sqlite
        .prepare(
          `INSERT INTO ledger_lines (document_id, warehouse_id, item_id, lot_id, ownership, on_hand_delta)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(documentId(), ...keyValues(), -(MAX_BALANCE + 1)),
    ).toThrow(/CHECK constraint failed: ledger_lines_bounded/);
  });

  it("keeps the balances clustered and the ledger immutable after the rebuild", () => {
    const ddl = (name: string) =>
      (database.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = ?").get(name) as { sql: string })
        .sql;
    expect(ddl("balances")).toMatch(/WITHOUT ROWID$/);
    expect(() => database.sqlite.prepare("DELETE FROM ledger_lines").run()).toThrow(
      "ledger lines are immutable",
    );
  });

  it("verify reports values forced past 2^63 around the CHECKs as differences instead of overflowing", () => {
    database.sqlite.pragma("ignore_check_constraints = 1");
    const insert = database.sqlite.prepare(
      `INSERT INTO ledger_lines (document_id, warehouse_id, item_id, lot_id, ownership, on_hand_delta)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    // Two lines of 2^62 each: SQLite's SUM would throw "integer overflow".
    insert.run(documentId(), ...keyValues(), 2n ** 62n);
    insert.run(documentId(), ...keyValues(), 2n ** 62n);
    // And a cached balance of 2^63 − 1 elsewhere, which JavaScript cannot even hold exactly.
    database.sqlite
      .prepare(
        "UPDATE balances SET on_hand = ? WHERE warehouse_id = ? AND item_id = ? AND lot_id = ? AND ownership = ?",
      )
      .run(2n ** 63n - 1n, ids.warehouse("MD01"), water(), ids.lot("YYS-1L", "YYS-A"), "government");
    database.sqlite.pragma("ignore_check_constraints = 0");
    const result = verifyBalances(database.db);
    expect(result.differences.map((d) => [d.warehouseName, d.lotCode])).toEqual([
      ["巴南区救灾物资储备库", "YYS-A"],
      ["木洞镇救灾物资储备点", "YYS-A"],
    ]);
    expect(result.differences.find((d) => d.lotCode === "YYS-A")?.ledger.onHand).toBeGreaterThan(9e18);
  });
});

describe("lot search", () => {
  it("takes %, _ and \\ literally", () => {
    for (const lotCode of ["P%1", "PX1", "P_2", "PY2", "P\\3"]) {
      receiveStock({
        ctx,
        input: {
          warehouseId: ids.warehouse("QJ01"),
          source: { kind: "purchase" },
          lines: [{ itemId: water(), lotCode, productionDate: "2026-11-01", quantity: 1 }],
        },
      });
    }
    const codes = (search: string) => listLots(database.db, { search }).rows.map((l) => l.lotCode);
    expect(codes("%")).toEqual(["P%1"]);
    expect(codes("_")).toEqual(["P_2"]);
    expect(codes("\\")).toEqual(["P\\3"]);
    expect(codes("p%")).toEqual(["P%1"]);
  });
});

describe("lot dates", () => {
  const receive = (dates: { productionDate?: string; expiryDate?: string }) =>
    receiveStock({
      ctx,
      input: {
        warehouseId: ids.warehouse("QJ01"),
        source: { kind: "purchase" },
        lines: [{ itemId: water(), lotCode: "D-1", quantity: 1, ...dates }],
      },
    });

  it("refuses production dates after today (district time) or before 1990, and far expiries, writing nothing", () => {
    expect(refusedWithoutWriting(() => receive({ productionDate: "2026-12-02" }))).toBe(
      "第 1 行：生产日期不能晚于今天（2026-12-01）",
    );
    expect(refusedWithoutWriting(() => receive({ productionDate: "1989-12-31" }))).toBe(
      "第 1 行：生产日期不能早于 1990-01-01",
    );
    expect(refusedWithoutWriting(() => receive({ expiryDate: "2076-12-02" }))).toBe(
      "第 1 行：有效期不能晚于 2076-12-01（50 年以后）",
    );
    expect(refusedWithoutWriting(() => receive({ productionDate: "0000-01-01" }))).toBe(
      "第 1 行：生产日期不能早于 1990-01-01",
    );
    // Already 1 December in the district, though not yet in UTC.
    expect(receive({ productionDate: "2026-12-01" }).lineCount).toBe(1);
  });

  it("applies the same windows to found stock booked to a new lot", () => {
    expect(
      refusedWithoutWriting(() =>
        adjustStock({
          ctx,
          input: {
            warehouseId: ids.warehouse("QJ01"),
            reasonId: ids.reason("found"),
            note: "盘盈",
            lines: [
              {
                itemId: water(),
                lotCode: "FOUND-1",
                productionDate: "2027-01-01",
                ownership: "government",
                quantity: 5,
              },
            ],
          },
        }),
      ),
    ).toBe("第 1 行：生产日期不能晚于今天（2026-12-01）");
  });

  it("refuses year 0000 and 9999 at the boundary, naming the field", () => {
    const line = { itemId: 1, lotCode: "X", quantity: 1 };
    const input = (dates: object) => ({
      warehouseId: 1,
      source: { kind: "purchase" },
      lines: [{ ...line, ...dates }],
    });
    const messages = (dates: object) => {
      const parsed = ReceiveInput.safeParse(input(dates));
      return parsed.success ? [] : zhIssues(parsed.error).map((i) => `${i.field}: ${i.message}`);
    };
    expect(messages({ productionDate: "0000-01-01" })).toEqual([
      "lines.0.productionDate: 生产日期不能早于 1990-01-01",
    ]);
    expect(messages({ expiryDate: "9999-12-31" })).toEqual(["lines.0.expiryDate: 有效期不能晚于 2100-12-31"]);
    expect(messages({ expiryDate: "2026-02-30" })).toEqual([
      "lines.0.expiryDate: 有效期应为 YYYY-MM-DD 格式的日期",
    ]);
  });
});

describe("receipt imports", () => {
  it("apply the same ceiling and date windows, row by row, writing nothing", async () => {
    const headers = ["仓库编码", "物资编码", "批次号", "生产日期", "有效期至", "数量", "单位", "来源"];
    const content = writeWorkbook([
      {
        name: "入库明细",
        rows: [
          headers,
          ["QJ01", "YYS-1L", "IMP-1", "2026-11-01", null, 100_000_000, "箱", "采购"],
          ["QJ01", "YYS-1L", "IMP-2", "2026-12-02", null, 1, "瓶", "采购"],
          ["QJ01", "YYS-1L", "IMP-3", "2026-11-01", "2080-01-01", 1, "瓶", "采购"],
        ],
      },
    ]);
    const before = stockSnapshot(database);
    const error = await importReceipts({
      ctx: { ...contextFor(database, actorFor(database, "minzheng")), now: () => NOW },
      input: { fileName: "入库.xlsx", content },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(zhIssues(error)).toEqual([
      { row: 2, column: "数量", message: "数量折合 1,200,000,000 瓶，超过单行上限 1,000,000,000 瓶" },
      { row: 3, column: "生产日期", message: "生产日期不能晚于今天（2026-12-01）" },
      { row: 4, column: "有效期至", message: "有效期不能晚于 2076-12-01（50 年以后）" },
    ]);
    expect(stockSnapshot(database)).toEqual(before);
  });
});
