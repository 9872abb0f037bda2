import { CONFIRM_SEARCH } from "@relief/planner";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../errors";
import { receiveStock } from "../../stock/receive";
import { contextFor, stockSnapshot } from "../../testing";
import { adviseLayout, confirmAdvice, getAdvice } from "../advice";
import { inlineLayout } from "../pool";
import { obviousCase } from "./fixture";

const runner = inlineLayout();

describe("confirming an advice with the full planner, on the obvious case", () => {
  it("plans every scenario after and before: the east's flood served once the tents moved, never above the bound", async () => {
    const database = obviousCase();
    const ctx = contextFor(database);
    const advice = await adviseLayout({ ctx, input: { maxTruckloads: 5 }, runner });
    expect(advice.confirmation).toBeNull();
    const ledger = stockSnapshot(database);
    const confirmed = await confirmAdvice({ ctx, input: { adviceId: advice.adviceId }, runner });
    const c = confirmed.confirmation;
    if (!c) throw new Error("no confirmation");
    expect(
      c.scenarios.map((s) => [s.id, s.people, s.boundBefore, s.plannedBefore, s.boundAfter, s.planned]),
    ).toEqual([
      ["A3:flood", 300, 0, 0, 300, 300],
      ["district", 200, 200, 200, 200, 200],
    ]);
    expect(c.worstPlanned).toMatchObject({ share: 1 });
    expect(c.before.worstPlanned).toMatchObject({ scenarioId: "A3:flood", share: 0 });
    expect(c).toMatchObject({ search: CONFIRM_SEARCH, stoppedByTime: 0 });
    expect(c.computedAt >= advice.createdAt).toBe(true);
    // The bound of the advised layout is the advice's own "after".
    expect(c.scenarios.map((s) => s.boundAfter)).toEqual(advice.after.scenarios.map((s) => s.servedInTime));
    // Stored on the advice (one audit row), the ledger untouched; a second call returns the same figures.
    expect({ ...stockSnapshot(database), audit: 0 }).toEqual({ ...ledger, audit: 0 });
    expect(stockSnapshot(database).audit).toBe(ledger.audit + 1);
    expect(getAdvice(database.db, { adviceId: advice.adviceId }).confirmation).toEqual(c);
    expect((await confirmAdvice({ ctx, input: { adviceId: advice.adviceId }, runner })).confirmation).toEqual(
      c,
    );
    expect(stockSnapshot(database).audit).toBe(ledger.audit + 1);
  });

  it("replanning the same advice from scratch gives the same figures (fixed iterations and seed)", async () => {
    const figures = async () => {
      const database = obviousCase();
      const ctx = contextFor(database);
      const advice = await adviseLayout({ ctx, input: { maxTruckloads: 5 }, runner });
      const { computedAt: _, ...c } =
        (await confirmAdvice({ ctx, input: { adviceId: advice.adviceId }, runner })).confirmation ?? {};
      return c;
    };
    expect(await figures()).toEqual(await figures());
  });

  it("refuses an advice whose inputs changed since, and one that does not exist; nothing is written", async () => {
    const database = obviousCase();
    const ctx = contextFor(database);
    const advice = await adviseLayout({ ctx, input: { maxTruckloads: 5 }, runner });
    receiveStock({
      ctx,
      input: {
        warehouseId: 2,
        source: { kind: "purchase" },
        lines: [{ itemId: 1, lotCode: "ZP-T2", quantity: 10 }],
      },
    });
    const before = stockSnapshot(database);
    const thrown = async (adviceId: number) => {
      const error = await confirmAdvice({ ctx, input: { adviceId }, runner }).catch((e: unknown) => e);
      if (!(error instanceof DomainError)) throw new Error("expected a domain error");
      return error.message;
    };
    expect(await thrown(advice.adviceId)).toContain("请重新生成建议后再复核");
    expect(await thrown(999)).toContain("布局建议 999 不存在");
    expect(stockSnapshot(database)).toEqual(before);
    expect(getAdvice(database.db, { adviceId: advice.adviceId }).confirmation).toBeNull();
  });
});
