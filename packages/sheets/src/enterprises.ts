import { msg } from "@relief/domain";
import { type ColumnSpec, cell, headersOf, labelsAccepted, parseTable } from "./table";
import { buildImportTemplate } from "./template";
import { type SheetIssue, writeWorkbook } from "./workbook";

/** 合作企业 sheets: the register in one row per enterprise (one contact each). */

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
      labelsAccepted(ENTERPRISE_KIND_LABELS, { 生产: "manufacturer", 物流: "logistics" }),
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
    parse: cell.oneOf(labelsAccepted(ENTERPRISE_STATUS_LABELS, { 暂停: "suspended" }), "合作状态"),
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

export const ENTERPRISE_HEADERS = headersOf(ENTERPRISE_COLUMNS);

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

export async function parseEnterpriseSheet(bytes: Uint8Array): Promise<{
  rows: EnterpriseSheetRow[];
  issues: SheetIssue[];
}> {
  const table = await parseTable(bytes, ENTERPRISE_COLUMNS);
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
        message: msg(
          contactName ? "enterprises.error.contactNeedsPhone" : "enterprises.error.phoneNeedsContact",
        ),
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

/** An enterprise as exported: its import columns plus its credit grade. */
export interface EnterpriseExportRow extends Omit<EnterpriseSheetRow, "row"> {
  grade: string;
  /** Null while the enterprise is unrated. */
  score: number | null;
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
