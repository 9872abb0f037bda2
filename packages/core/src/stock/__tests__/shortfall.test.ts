import type { ReliefDatabase } from "@relief/db";
import { renderMessage } from "@relief/domain";
import { beforeEach, describe, expect, it } from "vitest";
import type { CoreContext } from "../../context";
import { DomainError } from "../../errors";
import { actorFor, contextFor, createSeededDatabase, demoIds, stockSnapshot, zhThrown } from "../../testing";
import { addDays, localDate } from "../../time";
import { holdStock, setLotStatus } from "../hold";
import { issueStock } from "../issue";
import { receiveStock } from "../receive";
import { reserveStock } from "../reserve";
import { transferStock } from "../transfer";

let database: ReliefDatabase;
let ids: ReturnType<typeof demoIds>;
let admin: CoreContext;
let minzheng: CoreContext;
let warehouseId: number;
let quilts: number;

const today = localDate(new Date());
const HAN = /\p{Script=Han}/u;

/**
 * 棉被 in the 龙洲湾 township point: 500 床 in lot T-A, of which DD-A (reserved by the dispatcher) holds 300,
 * DD-B (reserved by the administrator) 190 and 10 are on hold; 15 in lot T-Q, quarantined; 30 in lot T-E,
 * expired yesterday. Nothing is usable.
 */
beforeEach(async () => {
  database = await createSeededDatabase();
  ids = demoIds(database);
  admin = contextFor(database);
  minzheng = contextFor(database, actorFor(database, "minzheng"));
  warehouseId = ids.warehouse("LZW01");
  quilts = ids.item("MB-01");
  receiveStock({
    ctx: admin,
    input: {
      warehouseId,
      source: { kind: "purchase" },
      lines: [
        { itemId: quilts, lotCode: "T-A", quantity: 500 },
        { itemId: quilts, lotCode: "T-Q", quantity: 15 },
        {
          itemId: quilts,
          lotCode: "T-E",
          productionDate: addDays(today, -400),
          expiryDate: addDays(today, -1),
          quantity: 30,
        },
      ],
    },
  });
  const lotA = ids.lot("MB-01", "T-A");
  const reserve = (ctx: CoreContext, dispatchRef: string, quantity: number) =>
    reserveStock({
      ctx,
      input: { warehouseId, dispatchRef, lines: [{ itemId: quilts, lotId: lotA, quantity }] },
    });
  reserve(contextFor(database, actorFor(database, "diaodu")), "DD-A", 300);
  reserve(admin, "DD-B", 190);
  holdStock({
    ctx: admin,
    input: {
      warehouseId,
      note: "受潮待晾晒",
      lines: [{ itemId: quilts, lotId: lotA, ownership: "government", quantity: 10 }],
    },
  });
  setLotStatus({ ctx: admin, input: { lotId: ids.lot("MB-01", "T-Q"), status: "quarantined" } });
});

const issue =
  (extra: Partial<Parameters<typeof issueStock>[0]["input"]> = {}) =>
  () =>
    issueStock({
      ctx: minzheng,
      input: { warehouseId, reason: "routine_relief", lines: [{ itemId: quilts, quantity: 10 }], ...extra },
    });

describe("a shortfall says why", () => {
  it("names the reservations with their dispatch and who made them, the held and quarantined lots and the expired lot, writing nothing", () => {
    const before = stockSnapshot(database);
    const text = zhThrown(issue());
    expect(stockSnapshot(database)).toEqual(before);
    expect(text).toBe(
      "第 1 行：龙洲湾街道应急物资储备点“棉被”可用 0 床，需要 1 包（10 床），缺 1 包（10 床）。" +
        "在库 54 包 + 5 床（545 床）；" +
        "已预留 49 包（490 床）：DD-A 30 包（300 床）（区应急局 调度员）、DD-B 19 包（190 床）（系统管理员）；" +
        "冻结或待检 2 包 + 5 床（25 床）：批次 T-A 1 包（10 床）（冻结）、批次 T-Q 1 包 + 5 床（15 床）（隔离待检）；" +
        `已过期 3 包（30 床）：批次 T-E 3 包（30 床）（${addDays(today, -1)} 到期）`,
    );
  });

  it("reads the same in English with no Chinese but the user's data", () => {
    let error: unknown;
    try {
      issue()();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    const text = renderMessage((error as DomainError).text, "en-US");
    expect(text).toContain(
      "490 床） reserved: DD-A 30 包（300 床） (区应急局 调度员), DD-B 19 包（190 床） (系统管理员);",
    );
    expect(text).toContain("on hold or not usable: lot T-A");
    expect(text).toContain(`(expired ${addDays(today, -1)})`);
    const userData = [
      "龙洲湾街道应急物资储备点",
      "棉被",
      "区应急局 调度员",
      "系统管理员",
      "床",
      "包",
      "（",
      "）",
    ];
    expect(userData.reduce((rest, d) => rest.replaceAll(d, ""), text)).not.toMatch(HAN);
  });

  it("leaves out the dispatch's own reservation when the dispatch itself is short", () => {
    const text = zhThrown(
      issue({ reason: "dispatch", dispatchRef: "DD-A", lines: [{ itemId: quilts, quantity: 310 }] }),
    );
    expect(text).toContain("可用 30 包（300 床）");
    expect(text).toContain("已预留 19 包（190 床）：DD-B 19 包（190 床）（系统管理员）");
    expect(text).not.toContain("DD-A");
  });

  it("says nothing more when the stock simply is not there", () => {
    const text = zhThrown(() =>
      issueStock({
        ctx: minzheng,
        input: { warehouseId, reason: "dispatch", lines: [{ itemId: ids.item("ZP-12"), quantity: 1 }] },
      }),
    );
    expect(text).toBe("第 1 行：龙洲湾街道应急物资储备点“12平方米单帐篷”可用 0 顶，需要 1 顶，缺 1 顶");
  });

  it("explains transfers and reservations the same way, and a write-off only by what is reserved", () => {
    expect(
      zhThrown(() =>
        transferStock({
          ctx: minzheng,
          input: {
            fromWarehouseId: warehouseId,
            toWarehouseId: ids.warehouse("QJ01"),
            lines: [{ itemId: quilts, quantity: 1 }],
          },
        }),
      ),
    ).toContain("已预留 49 包（490 床）：DD-A");
    expect(
      zhThrown(() =>
        reserveStock({
          ctx: admin,
          input: { warehouseId, dispatchRef: "DD-C", lines: [{ itemId: quilts, quantity: 1 }] },
        }),
      ),
    ).toContain("已过期 3 包（30 床）");
    const writeOff = zhThrown(issue({ reason: "write_off", lines: [{ itemId: quilts, quantity: 100 }] }));
    expect(writeOff).toContain("可用 5 包 + 5 床（55 床）");
    expect(writeOff).toContain("已预留 49 包（490 床）");
    expect(writeOff).not.toContain("冻结或待检");
    expect(writeOff).not.toContain("已过期");
  });

  it("narrows to the lot a line names", () => {
    const text = zhThrown(
      issue({ lines: [{ itemId: quilts, lotId: ids.lot("MB-01", "T-Q"), quantity: 1 }] }),
    );
    expect(text).toContain("该批次可用 0 床");
    expect(text).toContain("在库 1 包 + 5 床（15 床）；冻结或待检 1 包 + 5 床（15 床）：批次 T-Q");
    expect(text).not.toContain("已预留");
  });
});
