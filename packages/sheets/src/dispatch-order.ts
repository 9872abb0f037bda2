import { splitIntoPacks, type UnitInfo } from "@relief/domain";
import { writeWorkbook } from "./workbook";

export interface DispatchOrderSheetLine {
  itemCode: string;
  itemName: string;
  specification: string;
  /** The lot's code; agreement stock has none until the enterprise loads it, and names its call-off instead. */
  lotCode: string;
  calloffNumber: string | null;
  baseUnit: string;
  /** Base units, a number so it adds up in Excel. */
  quantity: number;
  /** The item's packs: the quantity is shown beside in the largest whole pack ("4 箱 + 3 瓶"). */
  packs: UnitInfo["packs"];
  /** Base units received; null until the township signs. */
  receivedQuantity: number | null;
  /** A shortfall on receipt: base units, what became of them (a label) and why. */
  shortfall: { quantity: number; outcome: string; reason: string } | null;
  note: string;
}

/** A 调拨单's text as it is printed: every label and time already in Chinese and district time. */
export interface DispatchOrderSheet {
  number: string;
  drill: boolean;
  status: string;
  incident: string;
  authority: string;
  authorityRef: string;
  issuingUnit: string;
  sourceWarehouse: string;
  area: string;
  receiver: string;
  purpose: string;
  vehicle: string;
  trip: number;
  plate: string;
  driver: string;
  requiredBy: string;
  plannedDepartAt: string;
  plannedArrivalAt: string;
  departedAt: string;
  receivedAt: string;
  signer: string;
  /** Why a cancelled order was cancelled; empty otherwise. */
  cancelReason: string;
  lines: DispatchOrderSheetLine[];
}

export const DISPATCH_ORDER_HEADERS = [
  "序号",
  "物资编码",
  "品名",
  "规格",
  "批次",
  "数量",
  "单位",
  "折合包装",
  "实收数量",
  "备注",
] as const;

const WIDTH = DISPATCH_ORDER_HEADERS.length;

function inPacks(line: DispatchOrderSheetLine): string {
  const { pack, rest } = splitIntoPacks(line.quantity, { baseUnit: line.baseUnit, packs: line.packs });
  if (!pack) return "";
  return rest ? `${pack.count} ${pack.name} + ${rest} ${line.baseUnit}` : `${pack.count} ${pack.name}`;
}

function remark(line: DispatchOrderSheetLine): string {
  const short = line.shortfall;
  const said = short ? `短少 ${short.quantity} ${line.baseUnit}，${short.outcome}：${short.reason}` : "";
  const calloff = line.calloffNumber ? `协议调用 ${line.calloffNumber}` : "";
  return [calloff, said, line.note].filter(Boolean).join("；");
}
/** The header block pairs a label and a value twice per row: label, value over 4 columns, label, value over 4. */
const RIGHT = 5;

/**
 * 救灾物资调拨单 on one A4 sheet: the title (a drill's says 演练 twice, in the title and on its own line), the
 * order's particulars two to a row, the lines with quantities in base units and in packs, and the signature
 * block the driver carries back (发货人、司机、收货人 with dates and seals). Figures are numbers.
 */
export function buildDispatchOrderSheet(order: DispatchOrderSheet): Uint8Array {
  const rows: unknown[][] = [];
  const merges: Array<[number, number, number, number]> = [];
  const wide = (cells: unknown[]) => {
    merges.push([rows.length, 0, rows.length, WIDTH - 1]);
    rows.push(cells);
  };
  const pair = (leftLabel: string, left: string, rightLabel: string, right: string) => {
    const row = rows.length;
    merges.push([row, 1, row, RIGHT - 1], [row, RIGHT + 1, row, WIDTH - 1]);
    rows.push([leftLabel, left, null, null, null, rightLabel, right]);
  };

  wide([order.drill ? "救灾物资调拨单（演练）" : "救灾物资调拨单"]);
  if (order.drill) wide(["演练单据：不预留、不出库，仅供演练使用"]);
  pair("单号", order.number, "状态", order.status);
  if (order.cancelReason) wide([`取消原因：${order.cancelReason}`]);
  pair("灾情", order.incident, "用途", order.purpose);
  pair("批准机关", order.authority, "批准文号", order.authorityRef);
  pair("发货单位", order.issuingUnit, "发货仓库", order.sourceWarehouse);
  pair("收货镇街", order.area, "收货联系人", order.receiver);
  pair("车辆", `${order.vehicle}（第 ${order.trip} 趟）`, "车牌号", order.plate);
  pair("驾驶员", order.driver, "要求到达时间", order.requiredBy);
  pair("计划出发", order.plannedDepartAt, "计划到达", order.plannedArrivalAt);
  pair("发出时间", order.departedAt, "签收时间", order.receivedAt);
  rows.push([]);
  rows.push([...DISPATCH_ORDER_HEADERS]);
  order.lines.forEach((line, index) => {
    rows.push([
      index + 1,
      line.itemCode,
      line.itemName,
      line.specification,
      line.lotCode,
      line.quantity,
      line.baseUnit,
      inPacks(line),
      line.receivedQuantity,
      remark(line),
    ]);
  });
  rows.push([]);
  rows.push(["发货人签字：", null, null, "司机签字：", null, null, "收货人签字：", order.signer]);
  rows.push(["日期：", null, null, "日期：", null, null, "日期："]);
  rows.push(["发货单位（盖章）：", null, null, null, null, null, "收货单位（盖章）："]);

  return writeWorkbook([
    {
      name: "调拨单",
      rows,
      widths: [12, 12, 18, 16, 16, 14, 6, 16, 10, 24],
      merges,
    },
  ]);
}

export const dispatchOrderFileName = (number: string) => `调拨单_${number}.xlsx`;
