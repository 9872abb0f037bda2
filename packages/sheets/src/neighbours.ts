import { msg } from "@relief/domain";
import { type ColumnSpec, cell, headersOf, parseTable, type QuantityLimits } from "./table";
import { buildImportTemplate } from "./template";
import type { SheetIssue } from "./workbook";

/**
 * 可借物资清单: what a neighbouring district says it can lend Banan, one row per item, as the neighbour fills it
 * in from Banan's template. The date of the list is asked beside the upload, not in the sheet.
 */

type LendableKey = "item" | "itemName" | "quantity" | "unit" | "note";

export const LENDABLE_COLUMNS: ReadonlyArray<ColumnSpec<LendableKey>> = [
  {
    key: "item",
    header: "物资编码",
    aliases: ["编码"],
    required: true,
    parse: cell.text(30),
    help: "巴南区物资目录中的编码，如 ZP-12；见下方物资列表",
  },
  {
    key: "itemName",
    header: "物资名称",
    aliases: ["名称"],
    required: false,
    parse: cell.text(60),
    help: "便于核对，导入时以编码为准",
  },
  {
    key: "quantity",
    header: "可借数量",
    aliases: ["数量"],
    required: true,
    // Bounded by the caller's line ceiling (parseLendableSheet's `maxQuantity`).
    parse: cell.integer({ min: 1, label: "可借数量" }),
    help: "正整数，按“单位”列计",
  },
  {
    key: "unit",
    header: "单位",
    required: false,
    parse: cell.text(10),
    help: "基本单位或包装单位（如 顶、箱）；留空为基本单位",
  },
  { key: "note", header: "备注", required: false, parse: cell.text(200), help: "如存放地点、出借条件" },
];

export const LENDABLE_HEADERS = headersOf(LENDABLE_COLUMNS);

export interface LendableSheetRow {
  row: number;
  itemCode: string;
  quantity: number;
  unit: string | null;
  note: string;
}

export async function parseLendableSheet(
  bytes: Uint8Array,
  limits: QuantityLimits,
): Promise<{ rows: LendableSheetRow[]; issues: SheetIssue[] }> {
  const table = await parseTable(bytes, LENDABLE_COLUMNS, { quantity: limits.maxQuantity });
  const issues = [...table.issues];
  const malformed = new Set(issues.map((i) => i.row));
  const rows: LendableSheetRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, values: v } of table.rows) {
    if (malformed.has(row) || !v.item || typeof v.quantity !== "number") continue;
    const itemCode = String(v.item);
    const earlier = seen.get(itemCode);
    if (earlier !== undefined) {
      issues.push({
        row,
        column: LENDABLE_HEADERS.item,
        message: msg("aid.error.lendableDuplicate", { code: itemCode, row: String(earlier) }),
      });
      continue;
    }
    seen.set(itemCode, row);
    rows.push({
      row,
      itemCode,
      quantity: v.quantity,
      unit: (v.unit as string | undefined) || null,
      note: (v.note as string | undefined) ?? "",
    });
  }
  if (rows.length === 0 && issues.length === 0)
    issues.push({ row: 1, message: msg("aid.error.lendableEmpty") });
  return { rows, issues };
}

/** The template sent to a neighbour: the columns, two example rows and Banan's item codes. */
export function buildLendableTemplate(spec: { neighbour: string; items: string[][] }): Uint8Array {
  return buildImportTemplate({
    sheetName: "可借物资",
    columns: LENDABLE_COLUMNS,
    examples: [
      ["ZP-12", "12平方米单帐篷", 200, "顶", "存放于区救灾物资储备库"],
      ["MB-01", "棉被", 1000, "床", null],
    ],
    widths: [14, 24, 12, 8, 36],
    intro: [
      `${spec.neighbour}可借给巴南区的应急物资清单`,
      "每种物资一行，物资编码须为巴南区物资目录中的编码；清单日期在导入时填写",
      "删除示例行后填写；导入后成为该区县当前的可借清单，以前的清单保留为历史",
    ],
    lists: [{ headers: ["物资编码", "物资名称", "单位（基本单位、包装单位）"], rows: spec.items }],
  });
}
