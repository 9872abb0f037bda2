import type { ReliefDatabase } from "@relief/db";
import { zh } from "@relief/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { receiveStock } from "../../stock/receive";
import { transferStock } from "../../stock/transfer";
import { contextFor, stockSnapshot, zhThrown } from "../../testing";
import { adviseLayout, evaluateCurrentLayout } from "../advice";
import { acceptAdvice, discardDraft, listDrafts } from "../drafts";
import { inlineLayout } from "../pool";
import { obviousCase } from "./fixture";

const runner = inlineLayout();

describe("layout advice on an obvious case", () => {
  let database: ReliefDatabase;
  beforeAll(() => {
    database = obviousCase();
  });

  it("evaluates the east's flood as out of reach with the road closed", async () => {
    const e = await evaluateCurrentLayout({ ctx: contextFor(database), runner });
    expect(e.scenarios.map((s) => [s.id, s.people, s.servedInTime])).toEqual([
      ["A3:flood", 300, 0],
      ["district", 200, 200],
    ]);
    expect(e.worst).toMatchObject({ scenarioId: "A3:flood", share: 0 });
  });

  it("advises moving tents east, says why, and gives the same advice for the same inputs", async () => {
    const advice = await adviseLayout({ ctx: contextFor(database), input: { maxTruckloads: 5 }, runner });
    expect(advice.transfers).toHaveLength(1);
    const [move] = advice.transfers;
    expect(move).toMatchObject({ fromWarehouseId: 1, toWarehouseId: 2, itemId: 1 });
    expect(move?.quantity).toBeGreaterThanOrEqual(100);
    expect(zh(move?.reason ?? { key: "common.error.failed", params: {} })).toContain("东西大道中断后");
    expect(advice.after.worst?.share).toBe(1);
    expect(advice.before.worst?.share).toBe(0);
    const again = await adviseLayout({ ctx: contextFor(database), input: { maxTruckloads: 5 }, runner });
    expect(again).toEqual(advice);
  });

  it("accepting creates draft transfers only; posting one through the transfer marks it posted", async () => {
    const advice = await adviseLayout({ ctx: contextFor(database), input: { maxTruckloads: 5 }, runner });
    const ledger = stockSnapshot(database);
    const drafts = acceptAdvice({ ctx: contextFor(database), input: { adviceId: advice.adviceId } });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ status: "draft", fromWarehouseId: 1, toWarehouseId: 2 });
    const after = stockSnapshot(database);
    expect({ ...after, audit: 0 }).toEqual({ ...ledger, audit: 0 });
    expect(
      zhThrown(() => acceptAdvice({ ctx: contextFor(database), input: { adviceId: advice.adviceId } })),
    ).toContain("已于");
    const draft = drafts[0];
    if (!draft) throw new Error("no draft");
    transferStock({
      ctx: contextFor(database),
      input: {
        fromWarehouseId: 1,
        toWarehouseId: 2,
        draftId: draft.id,
        lines: draft.lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity })),
      },
    });
    expect(listDrafts(database.db, {}).rows[0]).toMatchObject({ id: draft.id, status: "posted" });
    expect(
      zhThrown(() =>
        transferStock({
          ctx: contextFor(database),
          input: {
            fromWarehouseId: 1,
            toWarehouseId: 2,
            draftId: draft.id,
            lines: [{ itemId: 1, quantity: 1 }],
          },
        }),
      ),
    ).toContain("不能再调拨");
    expect(
      zhThrown(() => discardDraft({ ctx: contextFor(database), input: { draftId: draft.id } })),
    ).toContain("状态为已调拨");
  });

  it("refuses to accept an advice whose inputs changed since: the moves may no longer hold", async () => {
    const fresh = obviousCase();
    const advice = await adviseLayout({ ctx: contextFor(fresh), input: { maxTruckloads: 5 }, runner });
    receiveStock({
      ctx: contextFor(fresh),
      input: {
        warehouseId: 2,
        source: { kind: "purchase" },
        lines: [{ itemId: 1, lotCode: "ZP-T2", quantity: 10 }],
      },
    });
    const drafts = listDrafts(fresh.db, {}).total;
    expect(
      zhThrown(() => acceptAdvice({ ctx: contextFor(fresh), input: { adviceId: advice.adviceId } })),
    ).toContain("请重新生成建议");
    expect(listDrafts(fresh.db, {}).total).toBe(drafts);
    const accepted = acceptAdvice({
      ctx: contextFor(fresh),
      input: {
        adviceId: (await adviseLayout({ ctx: contextFor(fresh), input: { maxTruckloads: 5 }, runner }))
          .adviceId,
      },
    });
    const [draft] = accepted;
    if (!draft) throw new Error("no draft");
    expect(discardDraft({ ctx: contextFor(fresh), input: { draftId: draft.id } }).status).toBe("discarded");
  });
});
