import { writeWorkbook } from "./workbook";

export interface PurchaseListRow {
  itemCode: string;
  itemName: string;
  baseUnit: string;
  warehouseCode: string;
  warehouseName: string;
  quantity: number;
  unitPriceYuan: number;
  costYuan: number;
  /** Why it is bought, already in Chinese. */
  reason: string;
}

/** 储备物资采购清单: the purchases of a layout advice, figures as numbers so they add up in Excel. */
export function buildPurchaseList(
  rows: PurchaseListRow[],
  meta: { date: string; adviceId: number; budgetYuan: number | null },
): Uint8Array {
  const headers = [
    "物资编码",
    "物资",
    "单位",
    "存放仓库编码",
    "存放仓库",
    "数量",
    "单价（元）",
    "金额（元）",
    "理由",
  ];
  const total = rows.reduce((s, r) => s + r.costYuan, 0);
  return writeWorkbook([
    {
      name: "采购清单",
      rows: [
        ["储备物资采购清单（储备布局建议）"],
        [
          `生成日期：${meta.date}（北京时间）`,
          "",
          "",
          `布局建议编号：${meta.adviceId}`,
          "",
          `预算：${meta.budgetYuan === null ? "未设" : `${meta.budgetYuan} 元`}`,
        ],
        headers,
        ...rows.map((r) => [
          r.itemCode,
          r.itemName,
          r.baseUnit,
          r.warehouseCode,
          r.warehouseName,
          r.quantity,
          r.unitPriceYuan,
          r.costYuan,
          r.reason,
        ]),
        ["合计", "", "", "", "", "", "", total, ""],
      ],
      widths: [12, 20, 6, 12, 22, 10, 10, 12, 60],
      autoFilter: { row: 2, firstColumn: 0, lastColumn: headers.length - 1 },
    },
  ]);
}
