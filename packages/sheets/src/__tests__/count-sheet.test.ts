import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { buildCountSheet, type CountSheet } from "../count-sheet";

const sheet: CountSheet = {
  number: "PD-202612-MD01-0001",
  warehouse: "MD01 木洞镇救灾物资储备点",
  openedAt: "2026-12-01 09:30",
  openedBy: "区民政局 仓储管理员",
  blind: true,
  lines: [
    {
      itemCode: "MB-01",
      itemName: "棉被",
      specification: "2 kg 棉絮",
      lotCode: "MB-2022-03",
      productionDate: "2022-03-01",
      expiryDate: null,
      ownership: "政府",
      baseUnit: "床",
      packs: [{ name: "包", baseQuantity: 10 }],
      expected: 500,
    },
  ],
};

const rowsOf = (content: Uint8Array) => {
  const book = XLSX.read(content, { cellDates: false });
  const first = book.Sheets[book.SheetNames[0] ?? ""];
  if (!first) throw new Error("no sheet");
  return XLSX.utils.sheet_to_json<unknown[]>(first, { header: 1, blankrows: false, raw: false });
};

describe("盘点表 (.xlsx)", () => {
  it("blind: no expected quantity, a blank count column, the pack size and the signature lines", () => {
    const rows = rowsOf(buildCountSheet(sheet));
    expect(rows[0]?.[0]).toBe("盘点表（盲盘）");
    expect(rows[1]).toContain("PD-202612-MD01-0001");
    const header = rows[3] ?? [];
    expect(header).not.toContain("账面数量");
    expect(header.slice(-2)).toEqual(["实盘数量", "备注"]);
    const line = rows[4] ?? [];
    expect(line.slice(0, 5)).toEqual(["1", "MB-01", "棉被", "2 kg 棉絮", "MB-2022-03"]);
    expect(line[9]).toBe("包 = 10 床");
    expect(line).not.toContain("500");
    expect(rows.at(-2)).toEqual(expect.arrayContaining(["盘点人签字：", "复核人签字：", "仓库负责人签字："]));
  });

  it("not blind: the expected quantity before the count column", () => {
    const rows = rowsOf(buildCountSheet({ ...sheet, blind: false }));
    expect(rows[0]?.[0]).toBe("盘点表");
    const header = rows[3] ?? [];
    expect(header.slice(-3)).toEqual(["账面数量", "实盘数量", "备注"]);
    expect(rows[4]?.[10]).toBe("500");
  });
});
