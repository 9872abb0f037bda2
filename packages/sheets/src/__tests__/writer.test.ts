import { zh } from "@relief/domain";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { IMPORT_LIMITS } from "../limits";
import { readFirstSheet, writeWorkbook } from "../workbook";

/** The workbook as SheetJS reads it back, with number formats and column widths. */
function readBack(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes, { type: "array", cellNF: true, cellStyles: true });
}

const rows: unknown[][] = [
  ["名称", "数量", "说明"],
  ["棉被 & 毛毯 <A类>", -12.5, `他说："够用" 'ok'`],
  ["两行\n文字", 0.125, null],
  ["", 1e21, "  前后空格  "],
  [null, null, "末尾"],
  [],
  ["_x000D_ 照原样", 3, true],
];

describe("writeWorkbook", () => {
  it("writes values SheetJS reads back the same: XML specials, newlines, Chinese, negatives, decimals, gaps", () => {
    const book = readBack(writeWorkbook([{ name: "明细", rows }]));
    expect(book.SheetNames).toEqual(["明细"]);
    const sheet = book.Sheets.明细 as XLSX.WorkSheet;
    expect(XLSX.utils.sheet_to_json(sheet, { header: 1, raw: true, blankrows: true, defval: null })).toEqual([
      ["名称", "数量", "说明"],
      ["棉被 & 毛毯 <A类>", -12.5, `他说："够用" 'ok'`],
      ["两行\n文字", 0.125, null],
      [null, 1e21, "  前后空格  "],
      [null, null, "末尾"],
      [null, null, null],
      ["_x000D_ 照原样", 3, true],
    ]);
    expect(sheet.C6).toBeUndefined();
    expect(sheet.C5).toMatchObject({ t: "s", v: "末尾" });
  });

  it("drops characters XML 1.0 cannot hold and keeps the rest of the text", () => {
    const book = readBack(
      writeWorkbook([{ name: "S", rows: [["a\u0000b\u0007c\u001fd\ufffe\ud800e", "表情😀"]] }]),
    );
    const sheet = book.Sheets.S as XLSX.WorkSheet;
    expect(sheet.A1?.v).toBe("abcde");
    expect(sheet.B1?.v).toBe("表情😀");
  });

  it("writes column widths, merged ranges and number formats, each sheet its own", () => {
    const bytes = writeWorkbook([
      {
        name: "报表",
        rows: [["标题"], ["比例", 0.6667, "文字"], ["比例", 0.5]],
        widths: [10, 22],
        merges: [[0, 0, 0, 2]],
        formats: [
          { row: 1, column: 1, format: "0.0%" },
          { row: 1, column: 2, format: "0.0%" },
          { row: 2, column: 1, format: "0.00" },
        ],
      },
      { name: "说明", rows: [["第二页"]] },
    ]);
    const book = readBack(bytes);
    expect(book.SheetNames).toEqual(["报表", "说明"]);
    const sheet = book.Sheets.报表 as XLSX.WorkSheet;
    expect(sheet["!merges"]).toEqual([{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }]);
    expect(sheet["!cols"]?.map((c) => c?.wch)).toEqual([10, 22]);
    expect(sheet.B2).toMatchObject({ t: "n", v: 0.6667, z: "0.0%", w: "66.7%" });
    expect(sheet.B3).toMatchObject({ v: 0.5, z: "0.00" });
    // A format only applies to numbers, as before.
    expect(sheet.C2?.z).not.toBe("0.0%");
    expect((book.Sheets.说明 as XLSX.WorkSheet).A1?.v).toBe("第二页");
  });

  it("is a plain zip package with every part an .xlsx needs", () => {
    const parts = Object.keys(unzipSync(writeWorkbook([{ name: "A", rows: [[1]] }])));
    expect(parts.sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
    ]);
  });

  it("a large sheet deflated in slices reads back whole through the import reader", async () => {
    const count = IMPORT_LIMITS.rows;
    const note = "长文本".repeat(20);
    const body = Array.from({ length: count }, (_, i) => [
      `批次-${i}`,
      i,
      i % 7 ? "" : "备注 & <说明>",
      note,
    ]);
    const bytes = writeWorkbook([{ name: "明细", rows: [["批次", "数量", "备注", "说明"], ...body] }]);
    // Several megabytes of sheet XML: more than one slice is deflated and laid end to end.
    expect(unzipSync(bytes)["xl/worksheets/sheet1.xml"]?.length).toBeGreaterThan(3 * 1024 * 1024);
    const grid = await readFirstSheet(bytes);
    if (!("rows" in grid)) throw new Error(zh(grid.message));
    // An empty string leaves the cell empty, which the reader gives as null.
    expect(grid.rows).toEqual(
      body.map((cells, i) => ({ row: i + 2, cells: cells.map((v) => (v === "" ? null : v)) })),
    );
  });

  it("refuses a sheet name Excel would not open, as SheetJS did", () => {
    expect(() => writeWorkbook([{ name: "a/b", rows: [] }])).toThrow(/Sheet name/);
    expect(() =>
      writeWorkbook([
        { name: "同名", rows: [] },
        { name: "同名", rows: [] },
      ]),
    ).toThrow(/twice/);
  });
});
