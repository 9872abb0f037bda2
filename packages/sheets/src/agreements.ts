import { AGREEMENT_KINDS, type AgreementKind, type AgreementStatus, msg, zh } from "@relief/domain";
import { type ColumnSpec, cell, headersOf, labelsAccepted, parseTable, type QuantityLimits } from "./table";
import { buildImportTemplate } from "./template";
import { type SheetIssue, writeWorkbook } from "./workbook";

/** 储备协议 sheets: agreements one row per line (the declarations are in ./declarations). */

export type AgreementKindCode = AgreementKind;
export const AGREEMENT_KIND_LABELS = Object.fromEntries(
  AGREEMENT_KINDS.map((kind) => [kind, zh(msg(`agreements.kind.${kind}`))]),
) as Record<AgreementKindCode, string>;
export type VehicleTypeCode = "light" | "medium" | "heavy";
export const VEHICLE_TYPE_LABELS: Record<VehicleTypeCode, string> = {
  light: "4.2米厢式轻卡",
  medium: "6.8米中型货车",
  heavy: "9.6米重型货车",
};

/** Money cells in yuan with at most two decimals, stored as fen. */
function yuan(label: string) {
  return (raw: unknown) => {
    const value = typeof raw === "number" ? raw : Number(String(raw).replace(/[,，\s元]/g, ""));
    if (!Number.isFinite(value))
      return {
        ok: false as const,
        message: msg("agreements.error.notAmount", { label, value: String(raw) }),
      };
    if (value < 0)
      return {
        ok: false as const,
        message: msg("agreements.error.negativeAmount", { label, value: String(value) }),
      };
    const fen = Math.round(value * 100);
    if (Math.abs(fen - value * 100) > 1e-6) {
      return {
        ok: false as const,
        message: msg("agreements.error.amountDecimals", { label, value: String(value) }),
      };
    }
    return { ok: true as const, value: fen };
  };
}

type AgreementKey =
  | "number"
  | "creditCode"
  | "kind"
  | "startDate"
  | "endDate"
  | "signedOn"
  | "item"
  | "vehicleType"
  | "quantity"
  | "unit"
  | "responseHours"
  | "warehouse"
  | "unitPrice"
  | "reserveFund"
  | "rotationDuty"
  | "declarationMonths";

export const AGREEMENT_COLUMNS: ReadonlyArray<ColumnSpec<AgreementKey>> = [
  {
    key: "number",
    header: "协议编号",
    required: true,
    parse: cell.text(40),
    help: "同一协议的多行填同一编号；系统中已有的编号不能再导入",
  },
  {
    key: "creditCode",
    header: "企业统一社会信用代码",
    aliases: ["统一社会信用代码", "企业信用代码"],
    required: true,
    parse: cell.text(30),
    help: "承储企业的代码，企业须已登记",
  },
  {
    key: "kind",
    header: "协议类型",
    required: true,
    parse: cell.oneOf(
      labelsAccepted(AGREEMENT_KIND_LABELS, { 协议: "stock", 产能: "production", 运力: "transport" }),
      "协议类型",
    ),
    help: Object.values(AGREEMENT_KIND_LABELS).join("、"),
  },
  {
    key: "startDate",
    header: "开始日期",
    required: true,
    parse: cell.date("开始日期"),
    help: "如 2026-01-01",
  },
  {
    key: "endDate",
    header: "结束日期",
    required: true,
    parse: cell.date("结束日期"),
    help: "不早于开始日期",
  },
  { key: "signedOn", header: "签订日期", required: false, parse: cell.date("签订日期"), help: "" },
  {
    key: "item",
    header: "物资编码",
    required: false,
    parse: cell.text(30),
    help: "协议储备、产能储备必填；运力储备留空",
  },
  {
    key: "vehicleType",
    header: "车型",
    required: false,
    parse: cell.oneOf(
      labelsAccepted(VEHICLE_TYPE_LABELS, { 轻卡: "light", 中型: "medium", 重型: "heavy" }),
      "车型",
    ),
    help: `运力储备必填：${Object.values(VEHICLE_TYPE_LABELS).join("、")}`,
  },
  {
    key: "quantity",
    header: "承诺数量",
    required: true,
    // Bounded by the caller's line ceiling (parseAgreementSheet's `maxQuantity`).
    parse: cell.integer({ min: 1, label: "承诺数量" }),
    help: "协议储备：储备数量；产能储备：每日产能；运力储备：车辆数",
  },
  {
    key: "unit",
    header: "单位",
    required: false,
    parse: cell.text(10),
    help: "基本单位或包装单位；留空为基本单位",
  },
  {
    key: "responseHours",
    header: "响应时限（小时）",
    aliases: ["响应时限"],
    required: true,
    parse: cell.integer({ min: 1, max: 720, label: "响应时限" }),
    help: "接到调用后交付（或车辆到位）的小时数",
  },
  {
    key: "warehouse",
    header: "存放仓库编码",
    aliases: ["仓库编码"],
    required: false,
    parse: cell.text(20),
    help: "协议储备必填：该企业在仓库登记中的企业仓库编码",
  },
  {
    key: "unitPrice",
    header: "单价（元）",
    aliases: ["单价"],
    required: false,
    parse: yuan("单价"),
    help: "",
  },
  {
    key: "reserveFund",
    header: "储备资金（元）",
    aliases: ["储备资金"],
    required: false,
    parse: yuan("储备资金"),
    help: "",
  },
  {
    key: "rotationDuty",
    header: "轮换责任",
    required: false,
    parse: cell.text(200),
    help: "如：企业负责到期前 3 个月轮换",
  },
  {
    key: "declarationMonths",
    header: "申报周期（月）",
    aliases: ["申报周期"],
    required: false,
    parse: cell.integer({ min: 1, max: 12, label: "申报周期" }),
    help: "企业每几个月申报一次在库数量，1–12，不填为 1（每月）；同一协议各行相同",
  },
];

export const AGREEMENT_HEADERS = headersOf(AGREEMENT_COLUMNS);

export interface AgreementSheetLine {
  row: number;
  itemCode: string | null;
  vehicleType: VehicleTypeCode | null;
  quantity: number;
  unit: string | null;
  responseHours: number;
  warehouseCode: string | null;
  unitPriceFen: number | null;
  reserveFundFen: number | null;
  rotationDuty: string;
}

export interface AgreementSheetGroup {
  row: number;
  number: string;
  creditCode: string;
  kind: AgreementKindCode;
  startDate: string;
  endDate: string;
  signedOn: string | null;
  /** 申报周期 in months (1 when the column is empty). */
  declarationMonths: number;
  lines: AgreementSheetLine[];
}

/** Rows grouped into agreements by number; the header columns must agree on every row of a group. */
export async function parseAgreementSheet(
  bytes: Uint8Array,
  limits: QuantityLimits,
): Promise<{
  agreements: AgreementSheetGroup[];
  issues: SheetIssue[];
}> {
  const table = await parseTable(bytes, AGREEMENT_COLUMNS, { quantity: limits.maxQuantity });
  const issues = [...table.issues];
  const malformed = new Set(issues.map((i) => i.row));
  const groups = new Map<string, AgreementSheetGroup>();
  const headerColumns: Array<[keyof AgreementSheetGroup, string]> = [
    ["creditCode", "企业统一社会信用代码"],
    ["kind", "协议类型"],
    ["startDate", "开始日期"],
    ["endDate", "结束日期"],
    ["signedOn", "签订日期"],
    ["declarationMonths", "申报周期（月）"],
  ];
  for (const { row, values: v } of table.rows) {
    if (malformed.has(row) || !v.number || !v.creditCode || !v.kind || !v.startDate || !v.endDate) continue;
    if (typeof v.quantity !== "number" || typeof v.responseHours !== "number") continue;
    const header: AgreementSheetGroup = {
      row,
      number: String(v.number),
      creditCode: String(v.creditCode).toUpperCase(),
      kind: v.kind as AgreementKindCode,
      startDate: String(v.startDate),
      endDate: String(v.endDate),
      signedOn: (v.signedOn as string | undefined) ?? null,
      declarationMonths: (v.declarationMonths as number | undefined) ?? 1,
      lines: [],
    };
    if (header.endDate < header.startDate) {
      issues.push({
        row,
        column: "结束日期",
        message: msg("agreements.error.sheetEndBeforeStart", {
          end: header.endDate,
          start: header.startDate,
        }),
      });
      continue;
    }
    const group = groups.get(header.number) ?? header;
    const clash = headerColumns.find(([key]) => group[key] !== header[key]);
    if (clash) {
      issues.push({
        row,
        column: clash[1],
        message: msg("agreements.error.groupMismatch", { row: String(group.row), column: clash[1] }),
      });
      continue;
    }
    groups.set(header.number, group);
    group.lines.push({
      row,
      itemCode: (v.item as string | undefined) || null,
      vehicleType: (v.vehicleType as VehicleTypeCode | undefined) ?? null,
      quantity: v.quantity,
      unit: (v.unit as string | undefined) || null,
      responseHours: v.responseHours,
      warehouseCode: (v.warehouse as string | undefined) || null,
      unitPriceFen: (v.unitPrice as number | undefined) ?? null,
      reserveFundFen: (v.reserveFund as number | undefined) ?? null,
      rotationDuty: (v.rotationDuty as string | undefined) ?? "",
    });
  }
  return { agreements: [...groups.values()], issues };
}

export function buildAgreementTemplate(lists: {
  enterprises: Array<[string, string]>;
  items: Array<[string, string, string]>;
  warehouses: Array<[string, string, string]>;
}): Uint8Array {
  return buildImportTemplate({
    sheetName: "协议明细",
    columns: AGREEMENT_COLUMNS,
    examples: [
      [
        "BNSW-XY-2027-001",
        "91350100M000100Y43",
        "协议储备",
        "2027-01-01",
        "2027-12-31",
        "2026-12-20",
        "YYS-1L",
        null,
        5000,
        "箱",
        6,
        "QY01",
        18,
        90000,
        "到期前 3 个月轮换",
        3,
      ],
      [
        "BNSW-YL-2027-002",
        "91350100M000100Y43",
        "运力储备",
        "2027-01-01",
        "2027-12-31",
        null,
        null,
        "6.8米中型货车",
        10,
        null,
        4,
        null,
        null,
        null,
        null,
        null,
      ],
    ],
    intro: [
      "储备协议导入模板：每行是协议的一行（一种物资、产能或一类车辆）；同一协议的各行填相同的协议编号、企业、类型和日期。",
      "任何一行有误时整个文件不导入，并列出所有错误的行和列。请删除第 2、3 行示例后填写。",
    ],
    lists: [
      { headers: ["企业统一社会信用代码", "企业名称"], rows: lists.enterprises },
      { headers: ["物资编码", "物资名称", "可用单位"], rows: lists.items },
      { headers: ["企业仓库编码", "仓库名称", "所属企业"], rows: lists.warehouses },
    ],
  });
}

/** A line as exported: the import columns of its agreement and line, plus what the register knows about it. */
export interface AgreementExportRow
  extends Omit<AgreementSheetGroup, "row" | "lines">,
    Omit<AgreementSheetLine, "row"> {
  enterpriseName: string;
  status: AgreementStatus;
  declared: number | null;
  verified: number | null;
}

/** Agreements in the import layout, one row per line, with status and the latest declared and verified figures. */
export function buildAgreementExport(rows: AgreementExportRow[]): Uint8Array {
  const money = (fen: number | null) => (fen === null ? null : fen / 100);
  return writeWorkbook([
    {
      name: "协议明细",
      rows: [
        [...AGREEMENT_COLUMNS.map((c) => c.header), "企业名称", "状态", "最近申报数量", "最近核查数量"],
        ...rows.map((r) => [
          r.number,
          r.creditCode,
          AGREEMENT_KIND_LABELS[r.kind],
          r.startDate,
          r.endDate,
          r.signedOn,
          r.itemCode,
          r.vehicleType ? VEHICLE_TYPE_LABELS[r.vehicleType] : null,
          r.quantity,
          r.unit,
          r.responseHours,
          r.warehouseCode,
          money(r.unitPriceFen),
          money(r.reserveFundFen),
          r.rotationDuty,
          r.declarationMonths,
          r.enterpriseName,
          zh(msg(`agreements.status.${r.status}`)),
          r.declared,
          r.verified,
        ]),
      ],
      widths: [18, 22, 10, 12, 12, 12, 10, 14, 10, 6, 10, 12, 10, 12, 24, 10, 30, 10, 12, 12],
    },
  ]);
}
