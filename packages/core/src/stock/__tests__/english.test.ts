import { adjustmentReasons, type ReliefDatabase } from "@relief/db";
import { isSeededAdjustmentReason, msg, renderMessage, SEEDED_ADJUSTMENT_REASONS, zh } from "@relief/domain";
import { beforeEach, describe, expect, it } from "vitest";
import type { CoreContext } from "../../context";
import { DomainError } from "../../errors";
import { contextFor, createSeededDatabase, demoIds } from "../../testing";
import { adjustStock } from "../adjust";
import { issueStock } from "../issue";
import { receiveStock } from "../receive";
import { reverseDocument } from "../reverse";

let database: ReliefDatabase;
let ids: ReturnType<typeof demoIds>;
let admin: CoreContext;

beforeEach(async () => {
  database = await createSeededDatabase();
  ids = demoIds(database);
  admin = contextFor(database);
});

/** The error's text and its issues' texts as an English user reads them. */
function english(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return [error.text, ...error.issues.map((i) => i.message)].map((m) => renderMessage(m, "en-US"));
  }
  throw new Error("the action did not fail");
}

/** No Chinese left once the user's own data (names, units, lot codes) is taken out. */
function withoutUserData(text: string, data: string[]): string {
  return data.reduce((rest, d) => rest.replaceAll(d, ""), text);
}
const HAN = /\p{Script=Han}/u;

describe("stock errors in English", () => {
  it("says how much is available when an issue asks for more", () => {
    const texts = english(() =>
      issueStock({
        ctx: admin,
        input: {
          warehouseId: ids.warehouse("JL01"),
          reason: "dispatch",
          lines: [{ itemId: ids.item("ZP-12"), quantity: 1_000_000 }],
        },
      }),
    );
    expect(texts[0]).toBe(
      "Line 1: 接龙镇救灾物资储备点 “12平方米单帐篷” has 0 顶 available, 1,000,000 顶 needed, 1,000,000 顶 short",
    );
    for (const text of texts)
      expect(withoutUserData(text, ["接龙镇救灾物资储备点", "12平方米单帐篷", "顶"])).not.toMatch(HAN);
  });

  it("names the bucket that would go negative when a reversal finds the stock gone", () => {
    const doc = receiveStock({
      ctx: admin,
      input: {
        warehouseId: ids.warehouse("JL01"),
        source: { kind: "purchase" },
        lines: [{ itemId: ids.item("ZP-12"), lotCode: "ZP-EN", quantity: 10 }],
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
    const texts = english(() => reverseDocument({ ctx: admin, input: { documentId: doc.id, note: "x" } }));
    expect(texts[0]).toContain("lot ZP-EN (Government): On hand holds only 6 顶, this needs 10 顶");
  });

  it("lists the units an item has when a line names another", () => {
    const texts = english(() =>
      receiveStock({
        ctx: admin,
        input: {
          warehouseId: ids.warehouse("JL01"),
          source: { kind: "purchase" },
          lines: [
            {
              itemId: ids.item("YYS-1L"),
              lotCode: "N",
              productionDate: "2026-01-01",
              quantity: 1,
              unit: "桶",
            },
          ],
        },
      }),
    );
    expect(texts[0]).toBe("Line 1: “瓶装饮用水” has no unit “桶” (available: 瓶, 箱)");
  });
});

describe("adjustment reasons", () => {
  it("are seeded under the codes the catalog labels, with its Chinese labels as their names", () => {
    const seeded = database.db.select().from(adjustmentReasons).all();
    expect(seeded.map((r) => r.code).sort()).toEqual([...SEEDED_ADJUSTMENT_REASONS].sort());
    for (const { code, name } of seeded) {
      expect(isSeededAdjustmentReason(code) && zh(msg(`stock.adjustmentReason.${code}`))).toBe(name);
    }
  });

  const damageWithoutNote = (reasonId: number) =>
    english(() =>
      adjustStock({
        ctx: admin,
        input: {
          warehouseId: ids.warehouse("QJ01"),
          reasonId,
          lines: [
            {
              itemId: ids.item("ZP-12"),
              lotId: ids.lot("ZP-12", "ZP-2019-01"),
              ownership: "government",
              quantity: -1,
            },
          ],
        },
      }),
    );

  it("names a seeded reason in English, one the district added as it was typed", () => {
    expect(damageWithoutNote(ids.reason("damage"))[0]).toBe("The reason “Damage” needs a note");
    const flooded = database.db
      .insert(adjustmentReasons)
      .values({ code: "flooded", name: "水浸", direction: "decrease", noteRequired: true })
      .returning({ id: adjustmentReasons.id })
      .get();
    expect(damageWithoutNote(flooded.id)[0]).toBe("The reason “水浸” needs a note");
  });
});
