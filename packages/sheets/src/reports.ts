import { type DocumentType, type LotStatus, msg, type Ownership, zh } from "@relief/domain";
import { writeWorkbook } from "./workbook";

const ownershipLabel = (ownership: Ownership) => zh(msg(`stock.ownership.${ownership}`));

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
  meta: { date: string; filters: { warehouse?: string; item?: string; ownership?: Ownership } },
): Uint8Array {
  const { warehouse, item, ownership } = meta.filters;
  const filters = [
    warehouse && `仓库 ${warehouse}`,
    item && `物资 ${item}`,
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
    r.productionDate ?? "",
    r.expiryDate ?? "",
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
    },
  ]);
}

export interface StockCardRow {
  postedAt: string;
  number: string;
  type: DocumentType;
  warehouseName: string;
  lotCode: string;
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
  const headers = ["日期时间", "单据号", "业务类型", "仓库", "批次", "权属", "收入", "发出", "结存"];
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
        ["", "", "期初结存", "", "", "", "", "", meta.opening],
        ...rows.map((r) => [
          r.postedAt,
          r.number,
          zh(msg(`stock.documentType.${r.type}`)),
          r.warehouseName,
          r.lotCode,
          ownershipLabel(r.ownership),
          r.received || "",
          r.issued || "",
          r.balance,
        ]),
        ["", "", "期末结存", "", "", "", "", "", meta.closing],
      ],
      widths: [18, 22, 10, 22, 16, 8, 10, 10, 10],
    },
  ]);
}

export const stockReportFileName = (date: string) => `库存报表_${date}.xlsx`;
export const stockCardFileName = (itemCode: string, date: string) => `库存卡_${itemCode}_${date}.xlsx`;
