import { writeWorkbook } from "./workbook";

/** One affected area with its latest figures and progress; labels and times already in Chinese. */
export interface IncidentSummaryArea {
  name: string;
  township: string;
  affected: number;
  relocated: number;
  reportKind: string;
  reportedAt: string;
  peopleServed: number;
  peopleServedByDeadline: number;
  servedInFullAt: string;
}

/** One row of the progress table: an area × item, or the district's total of an item (area 全区合计). */
export interface IncidentSummaryLine {
  area: string;
  itemCode: string;
  itemName: string;
  unit: string;
  needed: number;
  planned: number;
  reserved: number;
  inTransit: number;
  delivered: number;
  deliveredByDeadline: number;
}

export interface IncidentSummaryOrder {
  number: string;
  source: string;
  area: string;
  vehicle: string;
  plate: string;
  status: string;
  plannedDepartAt: string;
  plannedArrivalAt: string;
  departedAt: string;
  receivedAt: string;
  cancelledAt: string;
}

export interface IncidentSummaryClosure {
  code: string;
  name: string;
  roadClass: string;
  trunk: boolean;
  reason: string;
  closedSince: string;
  reopenedAt: string;
  hours: number;
  /** Trunk roads: reopened within the target or not; null while still closed within it, and for other roads. */
  withinTarget: boolean | null;
}

/** 灾情处置情况报告: every figure as the progress page shows it, text in Chinese, times in district time. */
export interface IncidentSummarySheet {
  number: string;
  title: string;
  type: string;
  status: string;
  drill: boolean;
  startedAt: string;
  deadlineAt: string;
  /** When the figures were read. */
  asOf: string;
  /** 剩余 3 小时 20 分 / 已超时 1 小时 5 分 / 已结束. */
  timeLeft: string;
  /** Which plan version the planned figures are, and whether it is approved. */
  plan: string;
  relocated: number;
  affected: number;
  peopleServed: number;
  peopleServedByDeadline: number;
  /** Orders by status label, in the vocabulary's order. */
  orderCounts: Array<{ status: string; count: number }>;
  areas: IncidentSummaryArea[];
  lines: IncidentSummaryLine[];
  orders: IncidentSummaryOrder[];
  closures: IncidentSummaryClosure[];
  trunkAverageHours: number | null;
  targetHours: number;
  trunkTargetMet: boolean | null;
}

export const SUMMARY_AREA_HEADERS = [
  "序号",
  "受灾区域",
  "所属镇街",
  "受灾人口",
  "紧急转移安置人口",
  "报告类型",
  "报告时间",
  "已救助人数",
  "时限内救助人数",
  "全部送达时间",
] as const;

export const SUMMARY_PROGRESS_HEADERS = [
  "受灾区域",
  "物资编码",
  "品名",
  "单位",
  "需求数量",
  "计划数量",
  "已预留",
  "在途",
  "已送达",
  "时限内送达",
] as const;

export const SUMMARY_ORDER_HEADERS = [
  "单号",
  "发货仓库",
  "收货区域",
  "车辆",
  "车牌号",
  "状态",
  "计划出发",
  "计划到达",
  "发出时间",
  "签收时间",
  "取消时间",
] as const;

export const SUMMARY_CLOSURE_HEADERS = [
  "道路编码",
  "道路名称",
  "道路等级",
  "干线",
  "原因",
  "中断时间",
  "恢复通行",
  "中断时长（小时）",
  "12 小时内恢复",
] as const;

const WIDTH = SUMMARY_ORDER_HEADERS.length;
const hours = (h: number) => Math.round(h * 10) / 10;
const yesNo = (value: boolean | null) => (value === null ? "" : value ? "是" : "否");

/**
 * 灾情处置情况报告 on one sheet, section by section so a reader prints it as one document (and LibreOffice
 * reads every figure off the first sheet): the incident's particulars and headline (people served of the
 * relocated, by the deadline, time left, orders by status), the affected areas with their latest report and
 * people served, the progress table per area and item with the district totals, the orders, and the road
 * closures with the 12-hour trunk-road figure. A drill says 演练 in its title and on its own line. Figures are
 * numbers.
 */
export function buildIncidentSummarySheet(s: IncidentSummarySheet): Uint8Array {
  const rows: unknown[][] = [];
  const merges: Array<[number, number, number, number]> = [];
  const wide = (text: string) => {
    merges.push([rows.length, 0, rows.length, WIDTH - 1]);
    rows.push([text]);
  };
  const section = (title: string) => {
    rows.push([]);
    wide(title);
  };

  wide(s.drill ? "灾情处置情况报告（演练）" : "灾情处置情况报告");
  if (s.drill) wide("演练：调拨不预留、不出库，仅供演练使用");
  rows.push(["灾情编号", s.number, null, "标题", s.title, null, "灾害类型", s.type, null, "状态", s.status]);
  rows.push(["发生时间", s.startedAt, null, "救助时限", s.deadlineAt, null, "剩余时间", s.timeLeft]);
  rows.push(["统计时间", s.asOf, null, "调运方案", s.plan]);
  rows.push([
    "受灾人口",
    s.affected,
    null,
    "紧急转移安置人口",
    s.relocated,
    null,
    "已救助人数",
    s.peopleServed,
    null,
    "时限内救助人数",
    s.peopleServedByDeadline,
  ]);
  rows.push(["调拨单", ...s.orderCounts.flatMap((c) => [c.status, c.count])]);

  section("一、受灾区域（最新报告）与救助情况");
  rows.push([...SUMMARY_AREA_HEADERS]);
  s.areas.forEach((a, i) => {
    rows.push([
      i + 1,
      a.name,
      a.township,
      a.affected,
      a.relocated,
      a.reportKind,
      a.reportedAt,
      a.peopleServed,
      a.peopleServedByDeadline,
      a.servedInFullAt,
    ]);
  });
  rows.push([
    "合计",
    null,
    null,
    s.affected,
    s.relocated,
    null,
    null,
    s.peopleServed,
    s.peopleServedByDeadline,
  ]);

  section("二、物资调运进度（基本单位）");
  rows.push([...SUMMARY_PROGRESS_HEADERS]);
  for (const l of s.lines)
    rows.push([
      l.area,
      l.itemCode,
      l.itemName,
      l.unit,
      l.needed,
      l.planned,
      l.reserved,
      l.inTransit,
      l.delivered,
      l.deliveredByDeadline,
    ]);

  section("三、调拨单");
  rows.push([...SUMMARY_ORDER_HEADERS]);
  for (const o of s.orders)
    rows.push([
      o.number,
      o.source,
      o.area,
      o.vehicle,
      o.plate,
      o.status,
      o.plannedDepartAt,
      o.plannedArrivalAt,
      o.departedAt,
      o.receivedAt,
      o.cancelledAt,
    ]);

  section("四、道路中断");
  rows.push([
    "干线道路平均中断时长（小时）",
    null,
    null,
    s.trunkAverageHours === null ? "无干线道路中断" : hours(s.trunkAverageHours),
    "目标（小时）",
    s.targetHours,
    "是否达标",
    yesNo(s.trunkTargetMet),
  ]);
  rows.push([...SUMMARY_CLOSURE_HEADERS]);
  for (const c of s.closures)
    rows.push([
      c.code,
      c.name,
      c.roadClass,
      yesNo(c.trunk),
      c.reason,
      c.closedSince,
      c.reopenedAt,
      hours(c.hours),
      yesNo(c.withinTarget),
    ]);

  rows.push([]);
  rows.push(["填报单位（盖章）：", null, null, null, "负责人：", null, null, "填表人：", null, "日期："]);

  return writeWorkbook([
    {
      name: "灾情处置情况",
      rows,
      widths: [16, 14, 14, 14, 16, 12, 16, 16, 16, 16, 16],
      merges,
    },
  ]);
}

export const incidentSummaryFileName = (number: string) => `灾情处置情况报告_${number}.xlsx`;
