import { type DocumentType, type LotStatus, type Message, msg, type Ownership, zh } from "@relief/domain";
import { writeWorkbook } from "./workbook";
import { DATE_FORMAT, DATE_TIME_FORMAT, excelDate } from "./xlsx-writer";

const ownershipLabel = (ownership: Ownership) => zh(msg(`stock.ownership.${ownership}`));

/** A date as an Excel date cell (a serial number the column formats), or an empty cell. */
const dateCell = (date: string | null) => (date ? excelDate(date) : "");

/** Rows above each report's header row: the title and the line of when and what. */
const HEADER_ROW = 2;

/** The date columns of a report table, and its filter row: what makes it sortable and filterable in Excel. */
function tableLayout(columns: number, dateColumns: number[], format = DATE_FORMAT) {
  return {
    columnFormats: dateColumns.map((column) => ({ column, fromRow: HEADER_ROW + 1, format })),
    autoFilter: { row: HEADER_ROW, firstColumn: 0, lastColumn: columns - 1 },
  };
}

export interface StockReportRow {
  warehouseCode: string;
  warehouseName: string;
  itemCode: string;
  itemName: string;
  lotCode: string;
  ownership: Ownership;
  productionDate: string | null;
  expiryDate: string | null;
  /** The lot's status, or "expired" past its expiry date whatever the status. */
  status: LotStatus | "expired";
  baseUnit: string;
  onHand: number;
  reserved: number;
  onHold: number;
  inTransit: number;
  available: number;
}

/** 库存报表: one row per warehouse × item × lot × ownership, figures as numbers so they add up in Excel. */
export function buildStockReport(
  rows: StockReportRow[],
  meta: { date: string; filters: { warehouse?: string; item?: string; lot?: string; ownership?: Ownership } },
): Uint8Array {
  const { warehouse, item, lot, ownership } = meta.filters;
  const filters = [
    warehouse && `仓库 ${warehouse}`,
    item && `物资 ${item}`,
    lot && `批次含“${lot}”`,
    ownership && `权属 ${ownershipLabel(ownership)}`,
  ].filter(Boolean);
  const headers = [
    "仓库编码",
    "仓库",
    "物资编码",
    "物资",
    "批次",
    "权属",
    "生产日期",
    "有效期至",
    "状态",
    "单位",
    "在库",
    "已预留",
    "冻结",
    "在途",
    "可用",
  ];
  const body = rows.map((r) => [
    r.warehouseCode,
    r.warehouseName,
    r.itemCode,
    r.itemName,
    r.lotCode,
    ownershipLabel(r.ownership),
    dateCell(r.productionDate),
    dateCell(r.expiryDate),
    zh(msg(`stock.lotStatus.${r.status}`)),
    r.baseUnit,
    r.onHand,
    r.reserved,
    r.onHold,
    r.inTransit,
    r.available,
  ]);
  return writeWorkbook([
    {
      name: "库存报表",
      rows: [
        ["救灾物资库存报表"],
        [`生成时间：${meta.date}（北京时间）`, "", "", `筛选：${filters.join("，") || "全部"}`],
        headers,
        ...body,
      ],
      widths: [10, 22, 12, 20, 16, 8, 12, 12, 10, 6, 10, 10, 10, 10, 10],
      ...tableLayout(headers.length, [6, 7]),
    },
  ]);
}

export interface StockCardRow {
  /** District wall-clock time, `YYYY-MM-DD HH:mm`. */
  postedAt: string;
  number: string;
  type: DocumentType;
  warehouseName: string;
  lotCode: string;
  productionDate: string | null;
  expiryDate: string | null;
  ownership: Ownership;
  received: number;
  issued: number;
  balance: number;
}

/** 库存卡: an item's movements with the running balance, opening and closing lines included. */
export function buildStockCard(
  rows: StockCardRow[],
  meta: {
    item: { code: string; name: string };
    unit: string;
    /** The one warehouse the card covers; all warehouses when null. */
    warehouse: string | null;
    from?: string;
    to?: string;
    opening: number;
    closing: number;
  },
): Uint8Array {
  const range = meta.from || meta.to ? `${meta.from ?? "…"} 至 ${meta.to ?? "…"}` : "全部日期";
  const headers = [
    "日期时间",
    "单据号",
    "业务类型",
    "仓库",
    "批次",
    "生产日期",
    "有效期至",
    "权属",
    "收入",
    "发出",
    "结存",
  ];
  const layout = tableLayout(headers.length, [5, 6]);
  return writeWorkbook([
    {
      name: "库存卡",
      rows: [
        ["救灾物资库存卡"],
        [
          `物资：${meta.item.code} ${meta.item.name}`,
          "",
          "",
          `计量单位：${meta.unit}`,
          "",
          `范围：${meta.warehouse ?? "全部仓库"}，${range}`,
        ],
        headers,
        ["", "", "期初结存", "", "", "", "", "", "", "", meta.opening],
        ...rows.map((r) => [
          excelDate(r.postedAt),
          r.number,
          zh(msg(`stock.documentType.${r.type}`)),
          r.warehouseName,
          r.lotCode,
          dateCell(r.productionDate),
          dateCell(r.expiryDate),
          ownershipLabel(r.ownership),
          r.received || "",
          r.issued || "",
          r.balance,
        ]),
        ["", "", "期末结存", "", "", "", "", "", "", "", meta.closing],
      ],
      widths: [18, 22, 10, 22, 16, 12, 12, 8, 10, 10, 10],
      columnFormats: [
        { column: 0, fromRow: HEADER_ROW + 1, format: DATE_TIME_FORMAT },
        ...layout.columnFormats,
      ],
      // The opening and closing lines are part of the card, not movements to filter: the filter stops above the closing one.
      autoFilter: { ...layout.autoFilter, lastRow: HEADER_ROW + rows.length + 1 },
    },
  ]);
}

export const stockReportFileName = (date: string) => `库存报表_${date}.xlsx`;
export const stockCardFileName = (itemCode: string, date: string) => `库存卡_${itemCode}_${date}.xlsx`;

/** One row of the expiry list or of the rotation list, as the page shows it. */
export interface ExpiryReportRow {
  warehouseCode: string;
  warehouseName: string;
  itemCode: string;
  itemName: string;
  lotCode: string;
  ownership: Ownership;
  productionDate: string | null;
  expiryDate: string;
  daysLeft: number;
  lotStatus: LotStatus;
  baseUnit: string;
  onHand: number;
  reserved: number;
  onHold: number;
}

export interface RotationReportRow extends ExpiryReportRow {
  rotateBy: string;
  /** On hand less reserved and held: what the list proposes to move. */
  free: number;
  /** The suggested action's label (its key in the catalog). */
  action: Message;
  destinations: string[];
}

/** The lot's condition, and the part of it held: 隔离待检、冻结 200 / 正常. */
function conditionLabel(r: ExpiryReportRow): string {
  const status = msg(`stock.lotStatus.${r.lotStatus}`);
  return zh(r.onHold > 0 ? msg("stock.lotCondition.held", { status, quantity: r.onHold }) : status);
}

const EXPIRY_HEADERS = ["仓库编码", "仓库", "物资编码", "物资", "批次", "权属", "生产日期", "有效期至"];

function expiryLead(r: ExpiryReportRow): unknown[] {
  return [
    r.warehouseCode,
    r.warehouseName,
    r.itemCode,
    r.itemName,
    r.lotCode,
    ownershipLabel(r.ownership),
    dateCell(r.productionDate),
    dateCell(r.expiryDate),
  ];
}

interface ExpiryMeta {
  date: string;
  /** The page's filters in words: 仓库 …，90 天内到期. */
  filters: string[];
}

/** 效期清单: the expired lots, or the lots expiring within the window, with stock on hand. */
export function buildExpiryReport(
  rows: ExpiryReportRow[],
  meta: ExpiryMeta & { list: "expired" | "expiring" },
): Uint8Array {
  const headers = [...EXPIRY_HEADERS, "剩余天数", "批次状态", "单位", "在库", "已预留", "冻结"];
  return writeWorkbook([
    {
      name: meta.list === "expired" ? "已过期" : "临期",
      rows: [
        [meta.list === "expired" ? "救灾物资过期清单" : "救灾物资临期清单"],
        [`生成时间：${meta.date}（北京时间）`, "", "", `筛选：${meta.filters.join("，")}`],
        headers,
        ...rows.map((r) => [
          ...expiryLead(r),
          r.daysLeft,
          conditionLabel(r),
          r.baseUnit,
          r.onHand,
          r.reserved,
          r.onHold,
        ]),
      ],
      widths: [10, 22, 12, 20, 16, 8, 12, 12, 10, 18, 6, 10, 10, 10],
      ...tableLayout(headers.length, [6, 7]),
    },
  ]);
}

/** 轮换建议: what to move out before it expires, by when, how, and where it could still be of use. */
export function buildRotationReport(rows: RotationReportRow[], meta: ExpiryMeta): Uint8Array {
  const headers = [
    ...EXPIRY_HEADERS,
    "轮换期限",
    "批次状态",
    "单位",
    "在库",
    "已预留",
    "冻结",
    "可轮换",
    "建议处置",
    "可调往",
  ];
  return writeWorkbook([
    {
      name: "轮换建议",
      rows: [
        ["救灾物资轮换建议"],
        [`生成时间：${meta.date}（北京时间）`, "", "", `筛选：${meta.filters.join("，")}`],
        headers,
        ...rows.map((r) => [
          ...expiryLead(r),
          excelDate(r.rotateBy),
          conditionLabel(r),
          r.baseUnit,
          r.onHand,
          r.reserved,
          r.onHold,
          r.free,
          zh(r.action),
          r.destinations.join("、"),
        ]),
      ],
      widths: [10, 22, 12, 20, 16, 8, 12, 12, 12, 18, 6, 10, 10, 10, 10, 36, 30],
      ...tableLayout(headers.length, [6, 7, 8]),
    },
  ]);
}

export const expiryReportFileName = (list: "expired" | "expiring", date: string) =>
  `${list === "expired" ? "过期清单" : "临期清单"}_${date}.xlsx`;
export const rotationReportFileName = (date: string) => `轮换建议_${date}.xlsx`;
