import {
  FLEET_VEHICLE_TYPES,
  type FleetVehicleType,
  MAX_VEHICLE_PAYLOAD_KG,
  MAX_VEHICLE_VOLUME_M3,
  msg,
  VEHICLE_OWNERS,
  VEHICLE_STATUSES,
  type VehicleOwner,
  type VehicleStatus,
  zh,
} from "@relief/domain";
import { type ColumnSpec, cell, headersOf, labelsAccepted, parseTable } from "./table";
import { type SheetIssue, writeWorkbook } from "./workbook";

/** 车辆 sheet: the fleet register, one row per vehicle; the export is the import's layout. */

const labels = <C extends string>(codes: readonly C[], label: (code: C) => string) =>
  Object.fromEntries(codes.map((code) => [code, label(code)])) as Record<C, string>;

export const VEHICLE_TYPE_SHEET_LABELS = labels(FLEET_VEHICLE_TYPES, (t) => zh(msg(`vehicles.type.${t}`)));
export const VEHICLE_STATUS_SHEET_LABELS = labels(VEHICLE_STATUSES, (s) => zh(msg(`vehicles.status.${s}`)));
export const VEHICLE_OWNER_SHEET_LABELS = labels(VEHICLE_OWNERS, (o) => zh(msg(`vehicles.owner.${o}`)));

type VehicleKey =
  | "plate"
  | "type"
  | "payloadKg"
  | "volumeM3"
  | "warehouse"
  | "driver"
  | "phone"
  | "status"
  | "owner"
  | "agreementNumber"
  | "lineNo";

export const VEHICLE_COLUMNS: ReadonlyArray<ColumnSpec<VehicleKey>> = [
  {
    key: "plate",
    header: "车牌号",
    required: true,
    parse: cell.text(20),
    help: "如 渝A12345，新能源货车如 渝A12345D；已登记的车牌更新该车，新车牌登记新车",
  },
  {
    key: "type",
    header: "车型",
    required: true,
    parse: cell.oneOf(
      labelsAccepted(VEHICLE_TYPE_SHEET_LABELS, {
        "4.2米": "light",
        "6.8米": "medium",
        "9.6米": "heavy",
        轻型: "light",
        中型: "medium",
        重型: "heavy",
        其他: "other",
      }),
      "车型",
    ),
    help: Object.values(VEHICLE_TYPE_SHEET_LABELS).join("、"),
  },
  {
    key: "payloadKg",
    header: "载重kg",
    aliases: ["载重（千克）", "载重(kg)", "载重"],
    required: true,
    parse: cell.integer({ min: 0, max: MAX_VEHICLE_PAYLOAD_KG, label: "载重" }),
    help: "千克，整数，大于 0",
  },
  {
    key: "volumeM3",
    header: "容积m³",
    aliases: ["容积（立方米）", "容积(m³)", "容积m3", "容积"],
    required: true,
    parse: cell.decimal({ min: 0, max: MAX_VEHICLE_VOLUME_M3, label: "容积" }),
    help: "立方米，大于 0",
  },
  {
    key: "warehouse",
    header: "所属仓库编码",
    aliases: ["仓库编码"],
    required: true,
    parse: cell.text(20),
    help: "车辆驻地仓库的编码，如 QJ01",
  },
  { key: "driver", header: "驾驶员", required: false, parse: cell.text(30), help: "" },
  { key: "phone", header: "联系电话", required: false, parse: cell.text(30), help: "" },
  {
    key: "status",
    header: "状态",
    required: false,
    parse: cell.oneOf(labelsAccepted(VEHICLE_STATUS_SHEET_LABELS, { 维修: "maintenance" }), "状态"),
    help: `${Object.values(VEHICLE_STATUS_SHEET_LABELS).join("、")}；留空为可用`,
  },
  {
    key: "owner",
    header: "权属",
    required: false,
    parse: cell.oneOf(
      labelsAccepted(VEHICLE_OWNER_SHEET_LABELS, { 政府: "government", 协议: "agreement" }),
      "权属",
    ),
    help: `${Object.values(VEHICLE_OWNER_SHEET_LABELS).join("、")}；留空为政府车辆`,
  },
  {
    key: "agreementNumber",
    header: "协议编号",
    required: false,
    parse: cell.text(40),
    help: "协议运力车辆：运力储备协议的编号；企业配送车辆：协议储备协议的编号",
  },
  {
    key: "lineNo",
    header: "行号",
    aliases: ["协议行号"],
    required: false,
    parse: cell.integer({ min: 1, max: 999, label: "行号" }),
    help: "协议运力车辆：该协议中约定此车型的行号；企业配送车辆：所配送物资的行号（所属仓库须为该行的存放仓库）",
  },
];

export const VEHICLE_HEADERS = headersOf(VEHICLE_COLUMNS);

export interface VehicleSheetRow {
  row: number;
  plate: string;
  type: FleetVehicleType;
  payloadKg: number;
  volumeM3: number;
  warehouseCode: string;
  driver: string;
  phone: string;
  status: VehicleStatus;
  owner: VehicleOwner;
  /** Both or neither. */
  agreement: { number: string; lineNo: number } | null;
}

export async function parseVehicleSheet(bytes: Uint8Array): Promise<{
  rows: VehicleSheetRow[];
  issues: SheetIssue[];
}> {
  const table = await parseTable(bytes, VEHICLE_COLUMNS);
  const issues = [...table.issues];
  const malformed = new Set(issues.map((i) => i.row));
  const rows: VehicleSheetRow[] = [];
  for (const { row, values: v } of table.rows) {
    if (malformed.has(row)) continue;
    const number = (v.agreementNumber as string | undefined) || null;
    const lineNo = (v.lineNo as number | undefined) ?? null;
    if ((number === null) !== (lineNo === null)) {
      issues.push({
        row,
        column: number === null ? VEHICLE_HEADERS.agreementNumber : VEHICLE_HEADERS.lineNo,
        message: msg("vehicles.error.lineIncomplete"),
      });
      continue;
    }
    rows.push({
      row,
      plate: String(v.plate),
      type: v.type as FleetVehicleType,
      payloadKg: v.payloadKg as number,
      volumeM3: v.volumeM3 as number,
      warehouseCode: String(v.warehouse),
      driver: (v.driver as string | undefined) ?? "",
      phone: (v.phone as string | undefined) ?? "",
      status: (v.status as VehicleStatus | undefined) ?? "available",
      owner: (v.owner as VehicleOwner | undefined) ?? (number === null ? "government" : "agreement"),
      agreement: number !== null && lineNo !== null ? { number, lineNo } : null,
    });
  }
  return { rows, issues };
}

/** The fleet in the import's layout, so an export can be edited and imported back. */
export function buildVehicleExport(rows: Array<Omit<VehicleSheetRow, "row">>): Uint8Array {
  return writeWorkbook([
    {
      name: "车辆",
      rows: [
        VEHICLE_COLUMNS.map((c) => c.header),
        ...rows.map((r) => [
          r.plate,
          VEHICLE_TYPE_SHEET_LABELS[r.type],
          r.payloadKg,
          r.volumeM3,
          r.warehouseCode,
          r.driver || null,
          r.phone || null,
          VEHICLE_STATUS_SHEET_LABELS[r.status],
          VEHICLE_OWNER_SHEET_LABELS[r.owner],
          r.agreement?.number ?? null,
          r.agreement?.lineNo ?? null,
        ]),
      ],
      widths: [14, 20, 10, 10, 14, 12, 16, 12, 12, 20, 8],
    },
  ]);
}
