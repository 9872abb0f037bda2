import type { ReliefDatabase } from "@relief/db";
import { beforeEach, describe, expect, it } from "vitest";
import { pageBalances } from "../../stock/balances";
import { transferStock } from "../../stock/transfer";
import { contextFor, stockSnapshot, zhIssues, zhThrown } from "../../testing";
import { adviseLayout } from "../advice";
import { acceptAdvice, discardDraft, getDraft, type TransferDraftView } from "../drafts";
import { inlineLayout } from "../pool";
import { obviousCase } from "./fixture";

const runner = inlineLayout();

/** The obvious case's advice accepted (tents west → east), and a third store, 南库, to send elsewhere. */
async function openDraft(): Promise<{ database: ReliefDatabase; draft: TransferDraftView }> {
  const database = obviousCase();
  const at = "2026-01-01T00:00:00.000Z";
  database.sqlite.exec(`
    INSERT INTO warehouses (id, code, name, kind, organisation, area_id, capacity_m3, load_minutes, created_at, updated_at)
      VALUES (3, 'SOUTH', '南库', 'civil_affairs', '民政局', 3, 1000, 30, '${at}', '${at}');
  `);
  const advice = await adviseLayout({ ctx: contextFor(database), input: { maxTruckloads: 5 }, runner });
  const [draft] = acceptAdvice({ ctx: contextFor(database), input: { adviceId: advice.adviceId } });
  if (!draft) throw new Error("no draft");
  return { database, draft };
}

const tentsAt = (database: ReliefDatabase, warehouseId: number) =>
  pageBalances(database.db, { warehouseId, itemId: 1 }).totals;

/** A draft opened in the transfer form and changed there before posting. */
describe("a draft transfer posted from the transfer form", () => {
  let database: ReliefDatabase;
  let draft: TransferDraftView;
  beforeEach(async () => {
    ({ database, draft } = await openDraft());
  });

  it("opens with its warehouses and lines", () => {
    expect(getDraft(database.db, { draftId: draft.id })).toEqual(draft);
    expect(draft).toMatchObject({ fromWarehouseId: 1, toWarehouseId: 2, status: "draft" });
    expect(draft.lines).toEqual([expect.objectContaining({ itemId: 1, itemName: "帐篷", baseUnit: "顶" })]);
    expect(zhThrown(() => getDraft(database.db, { draftId: 999 }))).toBe("调拨草稿 999 不存在");
  });

  it("with a lowered quantity: the draft is posted by the transfer, which moves only that quantity", () => {
    const drafted = draft.lines[0]?.quantity ?? 0;
    const lowered = drafted - 40;
    expect(lowered).toBeGreaterThan(0);
    const document = transferStock({
      ctx: contextFor(database),
      input: {
        fromWarehouseId: 1,
        toWarehouseId: 2,
        draftId: draft.id,
        lines: [{ itemId: 1, quantity: lowered }],
      },
    });
    expect(getDraft(database.db, { draftId: draft.id })).toMatchObject({
      status: "posted",
      documentId: document.id,
    });
    expect(tentsAt(database, 1)).toMatchObject({ onHand: 300 - lowered });
    expect(tentsAt(database, 2)).toMatchObject({ onHand: 0, inTransit: lowered });
  });

  it("to another warehouse than the draft's: refused beside that field, nothing written", () => {
    const before = stockSnapshot(database);
    const cause = (() => {
      try {
        transferStock({
          ctx: contextFor(database),
          input: {
            fromWarehouseId: 1,
            toWarehouseId: 3,
            draftId: draft.id,
            lines: [{ itemId: 1, quantity: 10 }],
          },
        });
      } catch (error) {
        return error;
      }
      throw new Error("not refused");
    })();
    expect(zhIssues(cause)).toEqual([{ field: "toWarehouseId", message: `草稿 ${draft.id} 调入东库` }]);
    expect(stockSnapshot(database)).toEqual(before);
    expect(getDraft(database.db, { draftId: draft.id }).status).toBe("draft");
  });

  it("from another warehouse: the draft's source is named before any shortage there", () => {
    const before = stockSnapshot(database);
    expect(
      zhThrown(() =>
        transferStock({
          ctx: contextFor(database),
          input: {
            fromWarehouseId: 3,
            toWarehouseId: 2,
            draftId: draft.id,
            lines: [{ itemId: 1, quantity: 10 }],
          },
        }),
      ),
    ).toContain(`调拨单与草稿 ${draft.id} 的调出、调入仓库不一致`);
    expect(stockSnapshot(database)).toEqual(before);
  });

  it("discarded meanwhile: refused, nothing written", () => {
    discardDraft({ ctx: contextFor(database), input: { draftId: draft.id } });
    const before = stockSnapshot(database);
    expect(
      zhThrown(() =>
        transferStock({
          ctx: contextFor(database),
          input: {
            fromWarehouseId: 1,
            toWarehouseId: 2,
            draftId: draft.id,
            lines: [{ itemId: 1, quantity: 10 }],
          },
        }),
      ),
    ).toBe(`调拨草稿 ${draft.id} 状态为已作废，不能再调拨`);
    expect(stockSnapshot(database)).toEqual(before);
  });
});
