import { type DeclarationSource, type DeclarationStatus, msg, zh } from "@relief/domain";
import { type ColumnSpec, cell, headersOf, parseTable, type QuantityLimits } from "./table";
import { type SheetIssue, writeWorkbook } from "./workbook";

/** 企业库存申报 sheets: the declarations enterprises fill in for their stock lines, and their export. */

type DeclarationKey = "number" | "lineNo" | "item" | "declaredOn" | "quantity" | "unit" | "note";

export const DECLARATION_COLUMNS: ReadonlyArray<ColumnSpec<DeclarationKey>> = [
  { key: "number", header: "协议编号", required: true, parse: cell.text(40), help: "已登记的协议储备编号" },
  {
    key: "lineNo",
    header: "行号",
    required: true,
    parse: cell.integer({ min: 1, max: 1000, label: "行号" }),
    help: "协议中的行号（模板已填好）",
  },
  {
    key: "item",
    header: "物资编码",
    required: false,
    parse: cell.text(30),
    help: "仅供核对：须与该行的物资一致",
  },
  {
    key: "declaredOn",
    header: "申报日期",
    required: true,
    parse: cell.date("申报日期"),
    help: "库存的截止日期，不晚于今天",
  },
  {
    key: "quantity",
    header: "申报数量",
    required: true,
    // Bounded by the caller's line ceiling (parseDeclarationSheet's `maxQuantity`).
    parse: cell.integer({ min: 0, label: "申报数量" }),
    help: "实际在库数量，非负整数",
  },
  {
    key: "unit",
    header: "单位",
    required: false,
    parse: cell.text(10),
    help: "基本单位或包装单位；留空为基本单位",
  },
  { key: "note", header: "备注", required: false, parse: cell.text(500), help: "" },
];

type LotKey = "lotCode" | "productionDate" | "expiryDate" | "warehouse";

/**
 * What an enterprise adds when it declares from its own portal: the lot and the site holding it. Optional, so
 * the bureau's sheets without them read as before.
 */
export const DECLARATION_LOT_COLUMNS: ReadonlyArray<ColumnSpec<LotKey>> = [
  { key: "lotCode", header: "批次号", required: false, parse: cell.text(40), help: "生产批次" },
  { key: "productionDate", header: "生产日期", required: false, parse: cell.date("生产日期"), help: "" },
  { key: "expiryDate", header: "有效期至", required: false, parse: cell.date("有效期至"), help: "" },
  {
    key: "warehouse",
    header: "存放仓库编码",
    required: false,
    parse: cell.text(20),
    help: "本企业的代储点；留空为协议行约定的仓库",
  },
];

const ALL_DECLARATION_COLUMNS = [...DECLARATION_COLUMNS, ...DECLARATION_LOT_COLUMNS];
export const DECLARATION_HEADERS = headersOf(ALL_DECLARATION_COLUMNS);

export interface DeclarationSheetRow {
  row: number;
  number: string;
  lineNo: number;
  itemCode: string | null;
  declaredOn: string;
  quantity: number;
  unit: string | null;
  note: string | null;
  lotCode: string | null;
  productionDate: string | null;
  expiryDate: string | null;
  warehouseCode: string | null;
}

export async function parseDeclarationSheet(
  bytes: Uint8Array,
  limits: QuantityLimits,
): Promise<{
  rows: DeclarationSheetRow[];
  issues: SheetIssue[];
}> {
  const table = await parseTable(bytes, ALL_DECLARATION_COLUMNS, { quantity: limits.maxQuantity });
  const issues = [...table.issues];
  const malformed = new Set(issues.map((i) => i.row));
  const rows: DeclarationSheetRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, values: v } of table.rows) {
    if (malformed.has(row) || !v.number || typeof v.lineNo !== "number" || !v.declaredOn) continue;
    if (typeof v.quantity !== "number") continue;
    const key = `${String(v.number)}#${v.lineNo}#${String(v.declaredOn)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push({
        row,
        column: "行号",
        message: msg("sheets.error.duplicateRow", {
          first: String(earlier),
          place: msg("agreements.sheet.sameLineAndDate"),
        }),
      });
      continue;
    }
    seen.set(key, row);
    rows.push({
      row,
      number: String(v.number),
      lineNo: v.lineNo,
      itemCode: (v.item as string | undefined) || null,
      declaredOn: String(v.declaredOn),
      quantity: v.quantity,
      unit: (v.unit as string | undefined) || null,
      note: (v.note as string | undefined) || null,
      lotCode: (v.lotCode as string | undefined) || null,
      productionDate: (v.productionDate as string | undefined) || null,
      expiryDate: (v.expiryDate as string | undefined) || null,
      warehouseCode: (v.warehouse as string | undefined) || null,
    });
  }
  return { rows, issues };
}

export interface DeclarationTemplateLine {
  number: string;
  lineNo: number;
  itemCode: string;
  itemName: string;
  warehouseName: string | null;
  committed: number;
  baseUnit: string;
  enterpriseName: string;
}

/**
 * The sheet an enterprise fills in: its agreement stock lines, prefilled; it adds the date and quantity (and,
 * from its own portal, `withLots`, the lot and site). Name, warehouse and commitment columns are there to read
 * and are ignored on import.
 */
export function buildDeclarationTemplate(
  lines: DeclarationTemplateLine[],
  { withLots = false }: { withLots?: boolean } = {},
): Uint8Array {
  const columns = withLots ? ALL_DECLARATION_COLUMNS : DECLARATION_COLUMNS;
  const lotCells = withLots ? DECLARATION_LOT_COLUMNS.map(() => null) : [];
  const extra = ["企业名称", "物资名称", "存放仓库", "承诺数量"];
  return writeWorkbook([
    {
      name: "库存申报",
      rows: [
        [...columns.map((c) => c.header), ...extra],
        ...lines.map((l) => [
          l.number,
          l.lineNo,
          l.itemCode,
          null,
          null,
          l.baseUnit,
          null,
          ...lotCells,
          l.enterpriseName,
          l.itemName,
          l.warehouseName,
          l.committed,
        ]),
      ],
      widths: [18, 6, 10, 12, 12, 6, 20, ...(withLots ? [14, 12, 12, 14] : []), 30, 20, 22, 10],
    },
    {
      name: "填写说明",
      rows: [
        [
          "协议储备库存申报：请在“申报日期”“申报数量”两列填写各协议行的实际在库数量，不需要申报的行可以删除。",
        ],
        ["任何一行有误时整个文件不导入，并列出所有错误的行和列。"],
        [],
        ["列名", "是否必填", "说明"],
        ...columns.map((c) => [c.header, c.required ? "必填" : "选填", c.help]),
        ...extra.map((h) => [h, "仅供参考", "导入时忽略"]),
      ],
      widths: [16, 10, 60],
    },
  ]);
}

export interface DeclarationExportRow {
  number: string;
  lineNo: number;
  enterpriseName: string;
  itemCode: string;
  itemName: string;
  committed: number;
  baseUnit: string;
  declaredOn: string;
  declared: number;
  source: DeclarationSource;
  /** Submitted by the enterprise and not yet reviewed, accepted (it counts) or returned (it never does). */
  status: DeclarationStatus;
  verifiedOn: string | null;
  verified: number | null;
}

/** Every declaration, with the verification that followed it (if any) beside it. */
export function buildDeclarationExport(rows: DeclarationExportRow[]): Uint8Array {
  return writeWorkbook([
    {
      name: "申报与核查",
      rows: [
        [
          "协议编号",
          "行号",
          "企业名称",
          "物资编码",
          "物资名称",
          "承诺数量",
          "单位",
          "申报日期",
          "申报数量",
          "申报方式",
          "审核状态",
          "其后核查日期",
          "核查数量",
        ],
        ...rows.map((r) => [
          r.number,
          r.lineNo,
          r.enterpriseName,
          r.itemCode,
          r.itemName,
          r.committed,
          r.baseUnit,
          r.declaredOn,
          r.declared,
          zh(msg(`agreements.declarationSource.${r.source}`)),
          zh(msg(`declarations.status.${r.status}`)),
          r.verifiedOn,
          r.verified,
        ]),
      ],
      widths: [18, 6, 30, 10, 20, 10, 6, 12, 10, 10, 10, 14, 10],
    },
  ]);
}
