import { msg, OWNERSHIPS, RECEIPT_KINDS, zh } from "@relief/domain";
import { type ColumnSpec, cell, labelsAccepted, parseTable, type QuantityLimits } from "./table";
import { type SheetIssue, writeWorkbook } from "./workbook";

export type ReceiptSourceKind =
  | "purchase"
  | "central_allocation"
  | "donation"
  | "agreement_calloff"
  | "requisition"
  | "return";
export type StockOwnership = "government" | "agreement" | "donation";

/** The labels the sheet shows and accepts, in Chinese like the rest of the district's form. */
export const RECEIPT_KIND_LABELS = Object.fromEntries(
  RECEIPT_KINDS.map((kind) => [kind, zh(msg(`stock.receiptKind.${kind}`))]),
) as Record<ReceiptSourceKind, string>;

export const OWNERSHIP_LABELS = Object.fromEntries(
  OWNERSHIPS.map((ownership) => [ownership, zh(msg(`stock.ownership.${ownership}`))]),
) as Record<StockOwnership, string>;

type ReceiptKey =
  | "warehouse"
  | "item"
  | "lot"
  | "productionDate"
  | "expiryDate"
  | "quantity"
  | "unit"
  | "source"
  | "ownership"
  | "reference";

export const RECEIPT_COLUMNS: ReadonlyArray<ColumnSpec<ReceiptKey>> = [
  {
    key: "warehouse",
    header: "仓库编码",
    aliases: ["warehouse"],
    required: true,
    parse: cell.text(20),
    help: "仓库（储备点）编码，如 QJ01；见“仓库”页",
  },
  {
    key: "item",
    header: "物资编码",
    aliases: ["item"],
    required: true,
    parse: cell.text(30),
    help: "物资目录中的编码，如 MB-01；见“物资目录”页",
  },
  {
    key: "lot",
    header: "批次号",
    aliases: ["lot"],
    required: true,
    parse: cell.text(60),
    help: "生产批次号；同一物资的同一批次，日期须与已登记的一致",
  },
  {
    key: "productionDate",
    header: "生产日期",
    aliases: ["production date"],
    required: false,
    parse: cell.date("生产日期"),
    help: "日期，如 2026-03-01；有保质期的物资须填生产日期或有效期",
  },
  {
    key: "expiryDate",
    header: "有效期至",
    aliases: ["有效期", "expiry"],
    required: false,
    parse: cell.date("有效期至"),
    help: "日期；留空时按生产日期加保质期推算",
  },
  {
    key: "quantity",
    header: "数量",
    aliases: ["quantity"],
    required: true,
    // Bounded by the caller's line ceiling (parseReceiptSheet's `maxQuantity`).
    parse: cell.integer({ min: 1, label: "数量" }),
    help: "正整数，按“单位”列计",
  },
  {
    key: "unit",
    header: "单位",
    aliases: ["unit"],
    required: false,
    parse: cell.text(10),
    help: "基本单位或包装单位（如 瓶、箱）；留空为基本单位",
  },
  {
    key: "source",
    header: "来源",
    aliases: ["source"],
    required: true,
    parse: cell.oneOf(
      labelsAccepted(RECEIPT_KIND_LABELS, {
        调拨: "central_allocation",
        捐赠: "donation",
        征用: "requisition",
        归还: "return",
      }),
      "来源",
    ),
    help: `${Object.values(RECEIPT_KIND_LABELS).join("、")}；同一仓库的各行须一致`,
  },
  {
    key: "ownership",
    header: "权属",
    aliases: ["ownership"],
    required: false,
    parse: cell.oneOf(labelsAccepted(OWNERSHIP_LABELS), "权属"),
    help: "政府、协议或捐赠；留空时按来源确定（捐赠→捐赠，协议调用→协议，其余→政府）",
  },
  {
    key: "reference",
    header: "单据参考号",
    aliases: ["reference"],
    required: false,
    parse: cell.text(100),
    help: "采购合同号、调拨文号等；同一仓库的各行须一致",
  },
];

/** Each column's header, for the problems the caller finds in a row. */
export const RECEIPT_HEADERS = Object.fromEntries(RECEIPT_COLUMNS.map((c) => [c.key, c.header])) as Record<
  ReceiptKey,
  string
>;

export interface ReceiptRow {
  row: number;
  warehouseCode: string;
  itemCode: string;
  lotCode: string;
  productionDate: string | null;
  expiryDate: string | null;
  quantity: number;
  unit: string | null;
  source: ReceiptSourceKind;
  ownership: StockOwnership | null;
  reference: string | null;
}

/**
 * Parses a receipt import sheet. Checks that need the registers (warehouse and item codes, units, lots)
 * are for the caller, and so is the ceiling on a quantity cell; `rows` holds the rows that passed here so the caller can report everything at once.
 */
export async function parseReceiptSheet(
  bytes: Uint8Array,
  limits: QuantityLimits,
): Promise<{ rows: ReceiptRow[]; issues: SheetIssue[] }> {
  const table = await parseTable(bytes, RECEIPT_COLUMNS, { quantity: limits.maxQuantity });
  const issues = [...table.issues];
  // A row with a malformed cell is not checked further: its other problems would only be echoes.
  const malformed = new Set(issues.map((i) => i.row));
  const rows: ReceiptRow[] = [];
  for (const { row, values } of table.rows) {
    const v = values as Partial<Record<ReceiptKey, unknown>>;
    if (malformed.has(row)) continue;
    if (!v.warehouse || !v.item || !v.lot || typeof v.quantity !== "number" || !v.source) continue;
    const production = (v.productionDate as string | undefined) ?? null;
    const expiry = (v.expiryDate as string | undefined) ?? null;
    if (production && expiry && expiry <= production) {
      issues.push({
        row,
        column: "有效期至",
        message: msg("stock.error.expiryToBeforeProduction", { expiry, production }),
      });
      continue;
    }
    rows.push({
      row,
      warehouseCode: String(v.warehouse),
      itemCode: String(v.item),
      lotCode: String(v.lot),
      productionDate: production,
      expiryDate: expiry,
      quantity: v.quantity,
      unit: (v.unit as string | undefined) || null,
      source: v.source as ReceiptSourceKind,
      ownership: (v.ownership as StockOwnership | undefined) ?? null,
      reference: (v.reference as string | undefined) || null,
    });
  }
  return { rows, issues };
}

export const RECEIPT_TEMPLATE_FILE = "入库导入模板.xlsx";

/** The template: headers, one example row, and an instructions sheet listing the valid codes. */
export function buildReceiptTemplate(codes: {
  warehouses: Array<[string, string]>;
  items: Array<[string, string, string]>;
}): Uint8Array {
  const headers = RECEIPT_COLUMNS.map((c) => c.header);
  const example = [
    "QJ01",
    "MB-01",
    "MB-2026-01",
    "2026-01-15",
    null,
    100,
    "床",
    "采购",
    null,
    "采购合同 2026-001",
  ];
  return writeWorkbook([
    { name: "入库明细", rows: [headers, example], widths: [10, 12, 16, 12, 12, 10, 8, 10, 8, 20] },
    {
      name: "填写说明",
      rows: [
        [
          "入库导入模板：每行一个批次；任何一行有误时整个文件不导入，并列出所有错误的行和列；全部正确时每个仓库生成一张入库单。",
        ],
        ["请删除第 2 行示例后填写。"],
        [],
        ["列名", "是否必填", "说明"],
        ...RECEIPT_COLUMNS.map((c) => [c.header, c.required ? "必填" : "选填", c.help]),
        [],
        ["仓库编码", "仓库名称"],
        ...codes.warehouses,
        [],
        ["物资编码", "物资名称", "可用单位"],
        ...codes.items,
      ],
      widths: [14, 24, 60],
    },
  ]);
}
