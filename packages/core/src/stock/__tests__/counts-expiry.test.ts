import type { ReliefDatabase } from "@relief/db";
import { beforeEach, describe, expect, it } from "vitest";
import { ConflictError, ValidationError } from "../../errors";
import { contextFor, createSeededDatabase, demoIds } from "../../testing";
import { addDays, addMonths, localDate } from "../../time";
import { listBalances } from "../balances";
import { cancelCount, getCount, openCount, recordCount, submitCount } from "../counts";
import { getDocument } from "../documents";
import { listExpiry, listRotation } from "../expiry";
import { issueStock } from "../issue";
import { receiveStock } from "../receive";

let database: ReliefDatabase;
let ids: ReturnType<typeof demoIds>;

beforeEach(async () => {
  database = await createSeededDatabase();
  ids = demoIds(database);
});

const onHand = (warehouse: string, item: string) =>
  listBalances(database.db, { warehouseId: ids.warehouse(warehouse), itemId: ids.item(item) }).reduce(
    (s, b) => s + b.onHand,
    0,
  );

describe("stocktake", () => {
  it("freezes expected quantities, posts counted − expected on top of later movements, keeps both on record", () => {
    const ctx = contextFor(database);
    const count = openCount({ ctx, input: { warehouseId: ids.warehouse("MD01"), note: "年度盘点" } });
    expect(count.number).toMatch(/^PD-\d{6}-MD01-0001$/);
    const sheet = getCount(database.db, count.id);
    expect(sheet.lines.map((l) => [l.itemCode, l.lotCode, l.expected])).toEqual([
      ["JTB-01", "JTB-2024-05", 100],
      ["MB-01", "MB-2022-03", 500],
      ["YYS-1L", "YYS-A", 2_400],
    ]);
    expect(() => openCount({ ctx, input: { warehouseId: ids.warehouse("MD01") } })).toThrow(ConflictError);

    // Relief goes on during the count: 50 quilts leave after the count opened.
    issueStock({
      ctx,
      input: {
        warehouseId: ids.warehouse("MD01"),
        reason: "dispatch",
        lines: [{ itemId: ids.item("MB-01"), quantity: 50 }],
      },
    });
    const line = (code: string) => sheet.lines.find((l) => l.itemCode === code)?.id ?? 0;
    recordCount({
      ctx,
      input: {
        countId: count.id,
        lines: [
          { lineId: line("MB-01"), counted: 497 },
          { lineId: line("JTB-01"), counted: 100 },
        ],
      },
    });
    expect(() => submitCount({ ctx, input: { countId: count.id } })).toThrow(ValidationError);
    expect(() => submitCount({ ctx, input: { countId: count.id } })).toThrow("还有 1 行未盘点");
    recordCount({
      ctx,
      input: {
        countId: count.id,
        lines: [{ lineId: line("YYS-1L"), counted: 2_412 }],
        found: [{ itemId: ids.item("ZP-12"), lotId: ids.lot("ZP-12", "ZP-2019-01"), counted: 2 }],
      },
    });
    const { count: closed, adjustment } = submitCount({ ctx, input: { countId: count.id } });
    expect(closed.status).toBe("submitted");
    const posted = getDocument(database.db, adjustment?.id ?? 0);
    expect(posted).toMatchObject({
      type: "adjustment",
      adjustmentReason: "盘点差异",
      reference: count.number,
    });
    expect(posted.lines.map((l) => [l.itemCode, l.onHandDelta])).toEqual([
      ["MB-01", -3],
      ["YYS-1L", 12],
      ["ZP-12", 2],
    ]);
    expect(onHand("MD01", "MB-01")).toBe(500 - 50 - 3);
    const record = getCount(database.db, count.id);
    expect(record.lines.find((l) => l.itemCode === "MB-01")).toMatchObject({ expected: 500, counted: 497 });
    expect(() => recordCount({ ctx, input: { countId: count.id, lines: [] } })).toThrow("已提交");
  });

  it("a cancelled count posts nothing", () => {
    const ctx = contextFor(database);
    const count = openCount({ ctx, input: { warehouseId: ids.warehouse("JL01") } });
    cancelCount({ ctx, input: { countId: count.id, note: "停电，改日再盘" } });
    expect(getCount(database.db, count.id).status).toBe("cancelled");
    expect(onHand("JL01", "MB-01")).toBe(400);
    expect(openCount({ ctx, input: { warehouseId: ids.warehouse("JL01") } }).number).toMatch(/-0002$/);
  });
});

describe("expiry and rotation", () => {
  it("lists lots expiring within the window and expired ones, with where to rotate them", () => {
    const today = localDate(new Date());
    const report = listExpiry(database.db, {}, today);
    const expiring = report.rows.map((r) => `${r.warehouseName}/${r.lotCode}`);
    // YYS-A (10 months into a 12-month life) and FBSP-D (23 of 24 months) are close to expiry.
    expect(expiring).toEqual(
      expect.arrayContaining([
        "巴南区救灾物资储备库/YYS-A",
        "木洞镇救灾物资储备点/YYS-A",
        "石龙镇救灾物资储备点/FBSP-D",
      ]),
    );
    expect(report.rows.every((r) => r.daysLeft >= 0 && r.daysLeft <= 90)).toBe(true);
    expect(report.counts).toMatchObject({ expired: 0, expiring: report.rows.length });
    expect(listExpiry(database.db, { list: "expired" }, today)).toMatchObject({ total: 0, rows: [] });
    const rotation = listRotation(database.db, {}, today).rows.find((r) => r.lotCode === "FBSP-D");
    expect(rotation).toMatchObject({ action: "issue_first", ownership: "donation" });
    // Quarantined stock is not rotated: it waits for inspection or write-off.
    const soon = listExpiry(database.db, { withinDays: 365 }, today);
    expect(soon.rows.some((r) => r.lotCode === "FBSP-A")).toBe(true);
    const soonRotation = listRotation(database.db, { withinDays: 365 }, today);
    expect(soonRotation.rows.some((r) => r.lotCode === "FBSP-A")).toBe(false);
    expect(soonRotation.total).toBe(soon.counts.rotation);
    expect(rotation?.rotateBy).toBe(
      today > addDays(rotation?.expiryDate ?? "", -30) ? today : addDays(rotation?.expiryDate ?? "", -30),
    );
    expect(rotation?.destinations.map((d) => d.warehouseId)).not.toContain(ids.warehouse("SL01"));

    const later = addMonths(today, 3);
    const afterwards = listExpiry(database.db, { withinDays: 30, list: "expired" }, later);
    expect(afterwards.rows.map((r) => r.lotCode)).toEqual(expect.arrayContaining(["YYS-A", "FBSP-D"]));
    expect(afterwards.rows.every((r) => r.daysLeft < 0)).toBe(true);
    expect(afterwards.total).toBe(afterwards.counts.expired);
  });

  it("expired stock is never available, without any job having run", () => {
    const ctx = contextFor(database);
    receiveStock({
      ctx,
      input: {
        warehouseId: ids.warehouse("LZW01"),
        source: { kind: "donation" },
        lines: [
          {
            itemId: ids.item("YYS-1L"),
            lotCode: "OLD",
            productionDate: "2020-01-01",
            expiryDate: "2021-01-01",
            quantity: 12,
          },
        ],
      },
    });
    const old = listBalances(database.db, {
      warehouseId: ids.warehouse("LZW01"),
      itemId: ids.item("YYS-1L"),
    }).find((b) => b.lotCode === "OLD");
    expect(old).toMatchObject({ onHand: 12, available: 0, expired: true });
  });
});
