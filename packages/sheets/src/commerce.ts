import { type ColumnSpec, cell, parseTable } from "./table";
import { buildImportTemplate } from "./template";
import { type SheetIssue, writeWorkbook } from "./workbook";

/** Accepted spellings of a labelled value: the Chinese label and the code. */
function accepted<T extends string>(
  labels: Record<T, string>,
  extra: Record<string, T> = {},
): Record<string, T> {
  // Labels first: the error message names each value by its first Chinese spelling.
  const map: Record<string, T> = {};
  for (const [code, label] of Object.entries(labels) as Array<[T, string]>) {
    map[label] = code;
    map[code] = code;
  }
  return { ...map, ...extra };
}

const YES_NO = { 是: "yes", 否: "no", yes: "yes", no: "no", Y: "yes", N: "no" } as const;

export type EnterpriseKindCode = "manufacturer" | "wholesale_retail" | "logistics" | "other";
export const ENTERPRISE_KIND_LABELS: Record<EnterpriseKindCode, string> = {
  manufacturer: "生产企业",
  wholesale_retail: "批发零售",
  logistics: "物流运输",
  other: "其他",
};
export const ENTERPRISE_STATUS_LABELS: Record<"active" | "suspended", string> = {
  active: "合作中",
  suspended: "暂停合作",
};
export type AgreementKindCode = "stock" | "production" | "transport";
export const AGREEMENT_KIND_LABELS: Record<AgreementKindCode, string> = {
  stock: "协议储备",
  production: "产能储备",
  transport: "运力储备",
};
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
      return { ok: false as const, message: `${label}应为金额（元），实际为“${String(raw)}”` };
    if (value < 0) return { ok: false as const, message: `${label}不能为负数，实际为 ${value}` };
    const fen = Math.round(value * 100);
    if (Math.abs(fen - value * 100) > 1e-6) {
      return { ok: false as const, message: `${label}最多两位小数，实际为 ${value}` };
    }
    return { ok: true as const, value: fen };
  };
}

// ---------------------------------------------------------------- enterprises

type EnterpriseKey =
  | "name"
  | "creditCode"
  | "kind"
  | "keySupplier"
  | "township"
  | "address"
  | "lon"
  | "lat"
  | "status"
  | "contactName"
  | "contactRole"
  | "contactMobile";

export const ENTERPRISE_COLUMNS: ReadonlyArray<ColumnSpec<EnterpriseKey>> = [
  { key: "name", header: "企业名称", required: true, parse: cell.text(100), help: "营业执照上的全称" },
  {
    key: "creditCode",
    header: "统一社会信用代码",
    aliases: ["信用代码", "credit code"],
    required: true,
    parse: cell.text(30),
    help: "18 位，按 GB 32100-2015 校验；系统中已有的代码更新该企业，新代码登记新企业",
  },
  {
    key: "kind",
    header: "企业类型",
    required: true,
    parse: cell.oneOf(
      accepted(ENTERPRISE_KIND_LABELS, { 生产: "manufacturer", 物流: "logistics" }),
      "企业类型",
    ),
    help: Object.values(ENTERPRISE_KIND_LABELS).join("、"),
  },
  {
    key: "keySupplier",
    header: "重点联系企业",
    required: false,
    parse: cell.oneOf(YES_NO, "重点联系企业"),
    help: "是 或 否（应急商品重点联系企业）；留空为否",
  },
  { key: "township", header: "所在镇街", required: false, parse: cell.text(50), help: "街道或镇的全称" },
  { key: "address", header: "地址", required: false, parse: cell.text(200), help: "" },
  {
    key: "lon",
    header: "经度",
    required: false,
    parse: cell.decimal({ min: -180, max: 180, label: "经度" }),
    help: "如 106.54",
  },
  {
    key: "lat",
    header: "纬度",
    required: false,
    parse: cell.decimal({ min: -90, max: 90, label: "纬度" }),
    help: "如 29.40",
  },
  {
    key: "status",
    header: "合作状态",
    required: false,
    parse: cell.oneOf(accepted(ENTERPRISE_STATUS_LABELS, { 暂停: "suspended" }), "合作状态"),
    help: "合作中 或 暂停合作；留空为合作中",
  },
  { key: "contactName", header: "联系人", required: false, parse: cell.text(30), help: "应急联络人姓名" },
  { key: "contactRole", header: "联系人职务", required: false, parse: cell.text(30), help: "" },
  {
    key: "contactMobile",
    header: "联系电话",
    required: false,
    parse: cell.text(20),
    help: "11 位手机号或带区号的固定电话；填写联系人时必填",
  },
];

export interface EnterpriseSheetRow {
  row: number;
  name: string;
  creditCode: string;
  kind: EnterpriseKindCode;
  keySupplier: boolean;
  township: string | null;
  address: string;
  lon: number | null;
  lat: number | null;
  status: "active" | "suspended";
  contact: { name: string; role: string; mobile: string } | null;
}

export function parseEnterpriseSheet(bytes: Uint8Array): {
  rows: EnterpriseSheetRow[];
  issues: SheetIssue[];
} {
  const table = parseTable(bytes, ENTERPRISE_COLUMNS);
  const issues = [...table.issues];
  const malformed = new Set(issues.map((i) => i.row));
  const rows: EnterpriseSheetRow[] = [];
  for (const { row, values: v } of table.rows) {
    if (malformed.has(row) || !v.name || !v.creditCode || !v.kind) continue;
    const contactName = (v.contactName as string | undefined) ?? "";
    const contactMobile = (v.contactMobile as string | undefined) ?? "";
    if (!contactName !== !contactMobile) {
      issues.push({
        row,
        column: contactName ? "联系电话" : "联系人",
        message: contactName ? "填写联系人时须填写联系电话" : "填写联系电话时须填写联系人",
      });
      continue;
    }
    rows.push({
      row,
      name: String(v.name),
      creditCode: String(v.creditCode).toUpperCase(),
      kind: v.kind as EnterpriseKindCode,
      keySupplier: v.keySupplier === "yes",
      township: (v.township as string | undefined) || null,
      address: (v.address as string | undefined) ?? "",
      lon: (v.lon as number | undefined) ?? null,
      lat: (v.lat as number | undefined) ?? null,
      status: (v.status as "active" | "suspended" | undefined) ?? "active",
      contact: contactName
        ? { name: contactName, role: (v.contactRole as string | undefined) ?? "", mobile: contactMobile }
        : null,
    });
  }
  return { rows, issues };
}

export function buildEnterpriseTemplate(townships: string[]): Uint8Array {
  return buildImportTemplate({
    sheetName: "企业",
    columns: ENTERPRISE_COLUMNS,
    examples: [
      [
        "重庆某某饮用水批发有限公司",
        "91350100M000100Y43",
        "批发零售",
        "是",
        "李家沱街道",
        "李家沱街道某某路 1 号",
        106.53,
        29.47,
        "合作中",
        "张某",
        "应急联络人",
        "13800000000",
      ],
    ],
    intro: [
      "合作企业导入模板：每行一家企业（一位联系人；更多联系人请在系统中添加）。任何一行有误时整个文件不导入，并列出所有错误的行和列。",
      "统一社会信用代码已登记的企业将被更新（联系人以本行为准），未登记的将新建。请删除第 2 行示例后填写。",
    ],
    lists: [{ headers: ["镇街"], rows: townships.map((t) => [t]) }],
  });
}

export interface EnterpriseExportRow {
  name: string;
  creditCode: string;
  kind: EnterpriseKindCode;
  keySupplier: boolean;
  township: string | null;
  address: string;
  lon: number | null;
  lat: number | null;
  status: "active" | "suspended";
  contact: { name: string; role: string; mobile: string } | null;
  grade: string;
  score: number;
}

/** The register in the import layout (so an export can be edited and imported back), plus credit columns. */
export function buildEnterpriseExport(rows: EnterpriseExportRow[]): Uint8Array {
  return writeWorkbook([
    {
      name: "企业",
      rows: [
        [...ENTERPRISE_COLUMNS.map((c) => c.header), "信用等级", "信用分"],
        ...rows.map((r) => [
          r.name,
          r.creditCode,
          ENTERPRISE_KIND_LABELS[r.kind],
          r.keySupplier ? "是" : "否",
          r.township,
          r.address,
          r.lon,
          r.lat,
          ENTERPRISE_STATUS_LABELS[r.status],
          r.contact?.name ?? null,
          r.contact?.role ?? null,
          r.contact?.mobile ?? null,
          r.grade,
          r.score,
        ]),
      ],
      widths: [30, 22, 10, 12, 12, 30, 10, 10, 10, 10, 12, 14, 10, 8],
    },
  ]);
}

// ---------------------------------------------------------------- agreements

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
  | "rotationDuty";

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
      accepted(AGREEMENT_KIND_LABELS, { 协议: "stock", 产能: "production", 运力: "transport" }),
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
      accepted(VEHICLE_TYPE_LABELS, { 轻卡: "light", 中型: "medium", 重型: "heavy" }),
      "车型",
    ),
    help: `运力储备必填：${Object.values(VEHICLE_TYPE_LABELS).join("、")}`,
  },
  {
    key: "quantity",
    header: "承诺数量",
    required: true,
    parse: cell.integer({ min: 1, max: 1_000_000_000, label: "承诺数量" }),
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
];

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
  lines: AgreementSheetLine[];
}

/** Rows grouped into agreements by number; the header columns must agree on every row of a group. */
export function parseAgreementSheet(bytes: Uint8Array): {
  agreements: AgreementSheetGroup[];
  issues: SheetIssue[];
} {
  const table = parseTable(bytes, AGREEMENT_COLUMNS);
  const issues = [...table.issues];
  const malformed = new Set(issues.map((i) => i.row));
  const groups = new Map<string, AgreementSheetGroup>();
  const headerColumns: Array<[keyof AgreementSheetGroup, string]> = [
    ["creditCode", "企业统一社会信用代码"],
    ["kind", "协议类型"],
    ["startDate", "开始日期"],
    ["endDate", "结束日期"],
    ["signedOn", "签订日期"],
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
      lines: [],
    };
    if (header.endDate < header.startDate) {
      issues.push({
        row,
        column: "结束日期",
        message: `结束日期（${header.endDate}）早于开始日期（${header.startDate}）`,
      });
      continue;
    }
    const group = groups.get(header.number) ?? header;
    const clash = headerColumns.find(([key]) => group[key] !== header[key]);
    if (clash) {
      issues.push({ row, column: clash[1], message: `与同一协议第 ${group.row} 行的“${clash[1]}”不一致` });
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

export interface AgreementExportRow {
  number: string;
  creditCode: string;
  enterpriseName: string;
  kind: AgreementKindCode;
  startDate: string;
  endDate: string;
  signedOn: string | null;
  status: string;
  itemCode: string | null;
  vehicleType: VehicleTypeCode | null;
  quantity: number;
  unit: string | null;
  responseHours: number;
  warehouseCode: string | null;
  unitPriceFen: number | null;
  reserveFundFen: number | null;
  rotationDuty: string;
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
          r.enterpriseName,
          r.status,
          r.declared,
          r.verified,
        ]),
      ],
      widths: [18, 22, 10, 12, 12, 12, 10, 14, 10, 6, 10, 12, 10, 12, 24, 30, 10, 12, 12],
    },
  ]);
}

// ---------------------------------------------------------------- declarations

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
    parse: cell.integer({ min: 0, max: 1_000_000_000, label: "申报数量" }),
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

export interface DeclarationSheetRow {
  row: number;
  number: string;
  lineNo: number;
  itemCode: string | null;
  declaredOn: string;
  quantity: number;
  unit: string | null;
  note: string | null;
}

export function parseDeclarationSheet(bytes: Uint8Array): {
  rows: DeclarationSheetRow[];
  issues: SheetIssue[];
} {
  const table = parseTable(bytes, DECLARATION_COLUMNS);
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
      issues.push({ row, column: "行号", message: `与第 ${earlier} 行重复（同一协议行、同一申报日期）` });
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
 * The sheet an enterprise fills in: its agreement stock lines, prefilled; it adds the date and quantity.
 * Name, warehouse and commitment columns are there to read and are ignored on import.
 */
export function buildDeclarationTemplate(lines: DeclarationTemplateLine[]): Uint8Array {
  const extra = ["企业名称", "物资名称", "存放仓库", "承诺数量"];
  return writeWorkbook([
    {
      name: "库存申报",
      rows: [
        [...DECLARATION_COLUMNS.map((c) => c.header), ...extra],
        ...lines.map((l) => [
          l.number,
          l.lineNo,
          l.itemCode,
          null,
          null,
          l.baseUnit,
          null,
          l.enterpriseName,
          l.itemName,
          l.warehouseName,
          l.committed,
        ]),
      ],
      widths: [18, 6, 10, 12, 12, 6, 20, 30, 20, 22, 10],
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
        ...DECLARATION_COLUMNS.map((c) => [c.header, c.required ? "必填" : "选填", c.help]),
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
  source: string;
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
          r.source,
          r.verifiedOn,
          r.verified,
        ]),
      ],
      widths: [18, 6, 30, 10, 20, 10, 6, 12, 10, 10, 14, 10],
    },
  ]);
}
