import type { UnitInfo } from "@relief/domain";
import { writeWorkbook } from "./workbook";
import { DATE_FORMAT, excelDate } from "./xlsx-writer";

export interface CountSheetLine {
  itemCode: string;
  itemName: string;
  specification: string;
  lotCode: string;
  productionDate: string | null;
  expiryDate: string | null;
  /** The ownership's label, in Chinese. */
  ownership: string;
  baseUnit: string;
  packs: UnitInfo["packs"];
  /** Base units frozen when the count opened. */
  expected: number;
}

/** A stocktake's count sheet as it is printed: labels in Chinese, times in district time. */
export interface CountSheet {
  number: string;
  warehouse: string;
  openedAt: string;
  openedBy: string;
  /** A blind count leaves the expected quantity off, so the counter writes what is on the shelf. */
  blind: boolean;
  lines: CountSheetLine[];
}

const BEFORE_EXPECTED = [
  "序号",
  "物资编码",
  "品名",
  "规格",
  "批次",
  "生产日期",
  "有效期至",
  "产权",
  "单位",
  "包装规格",
];
const AFTER_EXPECTED = ["实盘数量", "备注"];
const WIDTHS_BEFORE = [6, 12, 18, 20, 16, 12, 12, 8, 6, 14];
const WIDTHS_AFTER = [16, 20];

/** "包 = 10 床；箱 = 40 床": how many base units each pack holds, for counting whole packs. */
export function packSizes(packs: UnitInfo["packs"], baseUnit: string): string {
  return packs.map((p) => `${p.name} = ${p.baseQuantity} ${baseUnit}`).join("；");
}

/**
 * 盘点表 for warehouses that count on a tablet: the same sheet as the printed one, the lines in the order the
 * counter walks the shelves (as given), a blank 实盘数量 column to type into, and the signature lines. The
 * expected quantity (账面数量) is a column only when the count is not blind.
 */
export function buildCountSheet(sheet: CountSheet): Uint8Array {
  const headers = [...BEFORE_EXPECTED, ...(sheet.blind ? [] : ["账面数量"]), ...AFTER_EXPECTED];
  const width = headers.length;
  const rows: unknown[][] = [];
  const merges: Array<[number, number, number, number]> = [];
  const wide = (cells: unknown[]) => {
    merges.push([rows.length, 0, rows.length, width - 1]);
    rows.push(cells);
  };
  wide([sheet.blind ? "盘点表（盲盘）" : "盘点表"]);
  rows.push(["盘点单号", null, sheet.number, null, null, "仓库", null, sheet.warehouse]);
  rows.push(["开始时间", null, sheet.openedAt, null, null, "开始人", null, sheet.openedBy]);
  rows.push([]);
  const headerRow = rows.length;
  rows.push(headers);
  sheet.lines.forEach((line, index) => {
    rows.push([
      index + 1,
      line.itemCode,
      line.itemName,
      line.specification,
      line.lotCode,
      line.productionDate ? excelDate(line.productionDate) : null,
      line.expiryDate ? excelDate(line.expiryDate) : null,
      line.ownership,
      line.baseUnit,
      packSizes(line.packs, line.baseUnit),
      ...(sheet.blind ? [] : [line.expected]),
      null,
      null,
    ]);
  });
  rows.push([]);
  rows.push(["盘点人签字：", null, null, "复核人签字：", null, null, "仓库负责人签字："]);
  rows.push(["日期：", null, null, "日期：", null, null, "日期："]);
  const dates = { fromRow: headerRow + 1, format: DATE_FORMAT };
  return writeWorkbook([
    {
      name: "盘点表",
      rows,
      widths: [...WIDTHS_BEFORE, ...(sheet.blind ? [] : [10]), ...WIDTHS_AFTER],
      merges,
      columnFormats: [
        { column: 5, ...dates },
        { column: 6, ...dates },
      ],
    },
  ]);
}

export const countSheetFileName = (number: string) => `盘点表_${number}.xlsx`;
