import type { ReliefDatabase } from "@relief/db";
import { beforeEach, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { actorFor, contextFor, createSeededDatabase, demoIds } from "../../testing";
import { localDate } from "../../time";
import { allExpiry, allRotation } from "../expiry";
import { exportExpiry, exportRotation } from "../expiry-sheets";
import { holdStock } from "../hold";
import { reserveStock } from "../reserve";
import { exportBalances, exportCard } from "../sheets";

let database: ReliefDatabase;
let ids: ReturnType<typeof demoIds>;
const now = new Date();
const today = localDate(now);

beforeEach(async () => {
  database = await createSeededDatabase();
  ids = demoIds(database);
});

/** The first sheet as SheetJS reads it: dates as Date cells where the cell's number format is a date. */
function readBack(content: Uint8Array) {
  const book = XLSX.read(content, { type: "array", cellDates: true, cellNF: true });
  const sheet = book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
  return { sheet, rows, header: rows[2] as string[], body: rows.slice(3) };
}

/** Every cell of a column below the header, as SheetJS typed it. */
function columnCells(sheet: XLSX.WorkSheet, header: string[], name: string, count: number) {
  const column = header.indexOf(name);
  expect(column, name).toBeGreaterThanOrEqual(0);
  return Array.from({ length: count }, (_, i) => sheet[XLSX.utils.encode_cell({ r: i + 3, c: column })]);
}

function expectDates(cells: Array<XLSX.CellObject | undefined>, format = "yyyy-mm-dd") {
  const filled = cells.filter((c) => c !== undefined);
  expect(filled.length).toBeGreaterThan(0);
  for (const cell of filled) expect(cell).toMatchObject({ t: "d", z: format });
}

describe("the expiry page's exports", () => {
  it("writes the expiring list with the page's filters, dates as dates, lot condition and a filter row", () => {
    holdStock({
      ctx: contextFor(database, actorFor(database, "minzheng")),
      input: {
        warehouseId: ids.warehouse("QJ01"),
        note: "复检",
        lines: [
          {
            itemId: ids.item("FBSP-01"),
            lotId: ids.lot("FBSP-01", "FBSP-A"),
            ownership: "government",
            quantity: 150,
          },
        ],
      },
    });
    const filters = { warehouseId: ids.warehouse("QJ01"), withinDays: 365, list: "expiring" as const };
    const download = exportExpiry(database.db, filters, now);
    expect(download.fileName).toBe(`临期清单_${today}.xlsx`);
    const { sheet, rows, header, body } = readBack(download.content);
    expect(rows[0]?.[0]).toBe("救灾物资临期清单");
    expect(String(rows[1]?.[3])).toContain("365 天内到期");
    const expected = allExpiry(database.db, filters, today);
    expect(body.map((r) => r[4])).toEqual(expected.map((r) => r.lotCode));
    const lot = header.indexOf("批次");
    const status = header.indexOf("批次状态");
    const quarantined = body.find((r) => r[lot] === "FBSP-A");
    expect(quarantined?.[status]).toBe("隔离待检、冻结 150");
    expect(body.find((r) => r[lot] === "YYS-A")?.[status]).toBe("正常");
    expectDates(columnCells(sheet, header, "有效期至", body.length));
    expectDates(columnCells(sheet, header, "生产日期", body.length));
    expect(sheet["!autofilter"]).toEqual({ ref: `A3:N${body.length + 3}` });
  });

  it("writes the rotation list without a lot wholly reserved, with what is free to move", () => {
    reserveStock({
      ctx: contextFor(database, actorFor(database, "diaodu")),
      input: {
        warehouseId: ids.warehouse("SL01"),
        dispatchRef: "D-EXPORT-1",
        lines: [{ itemId: ids.item("FBSP-01"), quantity: 500 }],
      },
    });
    const filters = { withinDays: 120, rotationLeadDays: 45 };
    const { sheet, rows, header, body } = readBack(exportRotation(database.db, filters, now).content);
    expect(rows[0]?.[0]).toBe("救灾物资轮换建议");
    expect(String(rows[1]?.[3])).toBe("筛选：全部仓库，120 天内到期，提前 45 天轮换");
    const expected = allRotation(database.db, filters, today);
    expect(body.map((r) => r[4])).toEqual(expected.map((r) => r.lotCode));
    expect(body.some((r) => r[4] === "FBSP-D")).toBe(false);
    const free = header.indexOf("可轮换");
    expect(body.map((r) => r[free])).toEqual(expected.map((r) => r.free));
    expect(body[0]?.[header.indexOf("建议处置")]).toMatch(/\S/);
    expectDates(columnCells(sheet, header, "轮换期限", body.length));
    expect(sheet["!autofilter"]?.ref).toBe(`A3:Q${body.length + 3}`);
  });

  it("writes the expired list under its own title", () => {
    const { rows, body } = readBack(exportExpiry(database.db, { list: "expired" }, now).content);
    expect(rows[0]?.[0]).toBe("救灾物资过期清单");
    expect(body).toEqual([]);
  });
});

describe("the stock reports' dates and filter rows", () => {
  it("the stock report: production and expiry dates as date cells, a filter on the header row", () => {
    const { sheet, header, body } = readBack(
      exportBalances(database.db, { warehouseId: ids.warehouse("QJ01") }, now).content,
    );
    expectDates(columnCells(sheet, header, "生产日期", body.length));
    expectDates(columnCells(sheet, header, "有效期至", body.length));
    expect(sheet["!autofilter"]).toEqual({ ref: `A3:O${body.length + 3}` });
  });

  it("the stock card: posting times, production and expiry dates as date cells", () => {
    const { sheet, header, body } = readBack(
      exportCard(database.db, { itemId: ids.item("YYS-1L"), warehouseId: ids.warehouse("QJ01") }, now)
        .content,
    );
    // Opening and closing lines around the movements.
    const movements = body.length - 2;
    const cells = (name: string) => columnCells(sheet, header, name, body.length).slice(1, -1);
    expect(movements).toBeGreaterThan(0);
    expectDates(cells("日期时间"), "yyyy-mm-dd hh:mm");
    expectDates(cells("生产日期"));
    expectDates(cells("有效期至"));
    expect(sheet["!autofilter"]).toEqual({ ref: `A3:K${body.length + 2}` });
  });
});
