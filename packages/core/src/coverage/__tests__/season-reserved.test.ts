import { coverageSnapshots } from "@relief/db";
import { WINTER_MONTHS } from "@relief/domain";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { NOW, ordersWorld } from "../../dispatch/__tests__/orders-fixture";
import { approvePlan } from "../../dispatch/approve";
import { actorFor, contextFor, createSeededDatabase, zhIssues } from "../../testing";
import { listQuotas, quotasAt, updateQuota } from "../quotas";
import { exportCoverageReport } from "../report";
import { getSnapshot, takeSnapshot } from "../snapshots";
import { coverageSummary } from "../summary";

/** An instant in the given month of next year (noon, China Standard Time): after the seeded quotas took effect. */
const inMonth = (month: number) =>
  `${new Date().getUTCFullYear() + 1}-${String(month).padStart(2, "0")}-15T04:00:00.000Z`;

describe("seasonal quotas", () => {
  it("counts padded coats in their months only, and keeps each version's months", async () => {
    const database = await createSeededDatabase();
    const seededAt = quotasAt(database.db, new Date().toISOString());
    const coat = seededAt.find((q) => q.categoryCode === "padded_coat");
    expect(coat?.seasonMonths).toEqual(WINTER_MONTHS);
    expect(seededAt.find((q) => q.categoryCode === "quilt")?.seasonMonths).toBeNull();

    const later = new Date(Date.now() + 1_000);
    const ctx = { ...contextFor(database, actorFor(database, "minzheng")), now: () => later };
    const input = {
      categoryId: coat?.categoryId ?? 0,
      measure: "unit" as const,
      unitLabel: "件",
      quantity: 1,
      note: "十月已入冬",
    };
    // Months arrive in any order, with repeats: stored in order, once.
    updateQuota({ ctx, input: { ...input, seasonMonths: [3, 1, 2, 12, 11, 10, 10] } });
    const versions = listQuotas(database.db, later.toISOString()).history.filter(
      (q) => q.categoryId === coat?.categoryId,
    );
    expect(versions.map((q) => q.seasonMonths)).toEqual([[1, 2, 3, 10, 11, 12], WINTER_MONTHS]);

    // Every month, or none, is all year.
    const allYear = updateQuota({
      ctx,
      input: { ...input, seasonMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
    });
    expect(allYear.seasonMonths).toBeNull();

    const before = listQuotas(database.db, later.toISOString()).history.length;
    let cause: unknown;
    try {
      updateQuota({ ctx, input: { ...input, seasonMonths: [11, 13] } });
    } catch (e) {
      cause = e;
    }
    expect(zhIssues(cause)).toEqual([{ field: "seasonMonths.1", message: "适用月份应为 1 至 12 月" }]);
    expect(listQuotas(database.db, later.toISOString()).history).toHaveLength(before);
  });

  it("leaves a winter quota out of the headline in summer and counts it in winter", async () => {
    const database = await createSeededDatabase();
    const coat = (month: number) =>
      coverageSummary(database.db, {}, inMonth(month)).categories.find((c) => c.code === "padded_coat");
    expect(coat(7)).toMatchObject({ inSeason: false, required: false });
    expect(coat(1)).toMatchObject({ inSeason: true, required: true });
  });

  it("says in the report's 是否计入 column when a seasonal quota counts", async () => {
    const database = await createSeededDatabase();
    const required = (month: number) => {
      const { content } = exportCoverageReport(database.db, {}, inMonth(month));
      const book = XLSX.read(content, { type: "array" });
      const sheet = book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet;
      const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null });
      const header = rows.find((r) => r.includes("是否计入")) ?? [];
      const row = (name: string) =>
        rows.find((r) => r[header.indexOf("物资类别")] === name)?.[header.indexOf("是否计入")];
      return { coat: row("棉大衣"), quilt: row("棉被"), kit: row("家庭应急包") };
    };
    expect(required(1)).toEqual({
      coat: "是（季节性定额（11月—次年3月），当前计入）",
      quilt: "是",
      kit: "否（仅列示）",
    });
    expect(required(7).coat).toBe("否（季节性定额（11月—次年3月），11月起计入）");
  });

  it("reads snapshots stored before months were kept: winter was November to March", async () => {
    const database = await createSeededDatabase();
    const ctx = contextFor(database);
    const point = takeSnapshot({ ctx });
    const stored = database.db
      .select()
      .from(coverageSnapshots)
      .where(eq(coverageSnapshots.id, point.id))
      .get();
    if (!stored) throw new Error("no snapshot");
    const { id: _, ...row } = stored;
    const summary = row.summary as {
      categories: Array<{ code: string; quota: Record<string, unknown>; reservedFor?: unknown }>;
    };
    for (const c of summary.categories) {
      const { seasonMonths, ...quota } = c.quota;
      c.quota = { ...quota, season: seasonMonths ? "winter" : "all" };
      delete c.reservedFor;
    }
    // Stored figures are never edited: the old shape goes in as a snapshot of its own.
    const old = database.db
      .insert(coverageSnapshots)
      .values({ ...row, summary })
      .returning({ id: coverageSnapshots.id })
      .get();
    const read = getSnapshot(database.db, old.id).summary.categories;
    expect(read.find((c) => c.code === "padded_coat")?.quota.seasonMonths).toEqual(WINTER_MONTHS);
    expect(read.find((c) => c.code === "quilt")?.quota.seasonMonths).toBeNull();
    expect(read.every((c) => c.reservedFor.length === 0)).toBe(true);
  });
});

describe("stock reserved for a dispatch", () => {
  it("is left out of usable stock and named by 调拨单 and incident, with the people it would equip", async () => {
    const w = await ordersWorld();
    const at = NOW.toISOString();
    const before = coverageSummary(w.database.db, {}, at);
    const flood = w.incident(["木洞镇"]);
    const view = await w.plan(flood.id);
    const { orders } = approvePlan({ ctx: w.ctx, input: { planId: view.planId } });
    const after = coverageSummary(w.database.db, {}, at);
    const numbers = new Set(orders.map((o) => o.number));
    let named = 0;
    for (const category of after.categories) {
      const was = before.categories.find((c) => c.categoryId === category.categoryId);
      const reserved = category.reservedFor.reduce((sum, r) => sum + r.quantity, 0);
      expect((was?.governmentQuantity ?? 0) - category.governmentQuantity).toBeCloseTo(reserved, 6);
      for (const r of category.reservedFor) {
        expect(numbers.has(r.dispatchRef)).toBe(true);
        expect(r.incident).toMatchObject({ id: flood.id, number: flood.number, title: "洪涝" });
        expect(r.people).toBeGreaterThan(0);
        named++;
      }
    }
    expect(named).toBeGreaterThan(0);
    // The quilts' reservation equips as many people as the quilts it holds (1 床 per person).
    const quilts = after.categories.find((c) => c.code === "quilt");
    for (const r of quilts?.reservedFor ?? []) expect(r.people).toBe(r.quantity);
  });
});
