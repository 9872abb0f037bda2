import { writeWorkbook } from "./workbook";

export interface StockReportRow {
  warehouseCode: string;
  warehouseName: string;
  itemCode: string;
  itemName: string;
  lotCode: string;
  ownership: string;
  productionDate: string | null;
  expiryDate: string | null;
  status: string;
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
  meta: { title: string; generatedAt: string; filters: string },
): Uint8Array {
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
    r.ownership,
    r.productionDate ?? "",
    r.expiryDate ?? "",
    r.status,
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
        [meta.title],
        [`生成时间：${meta.generatedAt}`, "", "", `筛选：${meta.filters}`],
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
  type: string;
  warehouseName: string;
  lotCode: string;
  ownership: string;
  received: number;
  issued: number;
  balance: number;
}

/** 库存卡: an item's movements with the running balance, opening and closing lines included. */
export function buildStockCard(
  rows: StockCardRow[],
  meta: { title: string; item: string; unit: string; scope: string; opening: number; closing: number },
): Uint8Array {
  const headers = ["日期时间", "单据号", "业务类型", "仓库", "批次", "权属", "收入", "发出", "结存"];
  return writeWorkbook([
    {
      name: "库存卡",
      rows: [
        [meta.title],
        [`物资：${meta.item}`, "", "", `计量单位：${meta.unit}`, "", `范围：${meta.scope}`],
        headers,
        ["", "", "期初结存", "", "", "", "", "", meta.opening],
        ...rows.map((r) => [
          r.postedAt,
          r.number,
          r.type,
          r.warehouseName,
          r.lotCode,
          r.ownership,
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
