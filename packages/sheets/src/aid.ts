import { writeWorkbook } from "./workbook";

/**
 * Mutual-aid documents: the request sent to a neighbouring district (互助请求单) and the loans list
 * (借用物资台账). Chinese documents: headers and labels stay Chinese.
 */

export interface AidRequestDocument {
  number: string;
  direction: string;
  neighbour: string;
  incident: string;
  deliverTo: string;
  entry: string;
  neededBy: string;
  requestedAt: string;
  requestedBy: string;
  status: string;
  note: string;
  /** 行号, 物资编码, 物资名称, 数量, 单位. */
  lines: Array<[number, string, string, number, string]>;
}

export function buildAidRequestSheet(doc: AidRequestDocument): Uint8Array {
  return writeWorkbook([
    {
      name: "互助请求单",
      rows: [
        ["跨区应急物资互助请求单"],
        ["编号", doc.number, "方向", doc.direction],
        ["对方区县", doc.neighbour, "状态", doc.status],
        ["灾情编号", doc.incident || null, "需用时间", doc.neededBy],
        ["送达地点", doc.deliverTo || null, "入境道口", doc.entry || null],
        ["发出时间", doc.requestedAt, "经办人", doc.requestedBy],
        ["说明", doc.note || null],
        [],
        ["行号", "物资编码", "物资名称", "数量", "单位"],
        ...doc.lines,
      ],
      widths: [10, 22, 28, 16, 10],
    },
  ]);
}

export interface LoanSheetRow {
  number: string;
  direction: string;
  neighbour: string;
  requestedAt: string;
  itemCode: string;
  itemName: string;
  baseUnit: string;
  delivered: number;
  returned: number;
  outstanding: number;
  status: string;
}

export function buildLoansSheet(rows: LoanSheetRow[]): Uint8Array {
  return writeWorkbook([
    {
      name: "借用物资台账",
      rows: [
        [
          "请求编号",
          "方向",
          "对方区县",
          "请求时间",
          "物资编码",
          "物资名称",
          "单位",
          "已交付",
          "已归还或核销",
          "待归还",
          "请求状态",
        ],
        ...rows.map((r) => [
          r.number,
          r.direction,
          r.neighbour,
          r.requestedAt,
          r.itemCode,
          r.itemName,
          r.baseUnit,
          r.delivered,
          r.returned,
          r.outstanding,
          r.status,
        ]),
      ],
      widths: [18, 14, 12, 18, 12, 24, 8, 10, 10, 10, 10],
    },
  ]);
}
