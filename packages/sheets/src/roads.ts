import {
  CROSSINGS,
  type Crossing,
  KM_BASES,
  type KmBasis,
  msg,
  ROAD_CLASSES,
  ROAD_NODE_KINDS,
  ROAD_STATUSES,
  type RoadClass,
  type RoadNodeKind,
  type RoadStatus,
  zh,
} from "@relief/domain";
import { type ColumnSpec, cell, headersOf, labelsAccepted, parseTable } from "./table";
import { type SheetIssue, writeWorkbook } from "./workbook";

/**
 * 路网 sheets: the first sheet holds the roads (路段), one row per edge, its ends named by node code; the second
 * the nodes (节点). Both are matched by code: a known code updates, a new one creates. Status is shown but not
 * imported: closing and reopening roads keeps its history through the status action.
 */

export const ROAD_CLASS_SHEET_LABELS = Object.fromEntries(
  ROAD_CLASSES.map((c) => [c, zh(msg(`roads.class.${c}`))]),
) as Record<RoadClass, string>;
export const ROAD_STATUS_SHEET_LABELS = Object.fromEntries(
  ROAD_STATUSES.map((s) => [s, zh(msg(`roads.status.${s}`))]),
) as Record<RoadStatus, string>;
export const ROAD_NODE_KIND_SHEET_LABELS = Object.fromEntries(
  ROAD_NODE_KINDS.map((k) => [k, zh(msg(`roads.nodeKind.${k}`))]),
) as Record<RoadNodeKind, string>;
export const KM_BASIS_SHEET_LABELS = Object.fromEntries(
  KM_BASES.map((b) => [b, zh(msg(`roads.kmBasis.${b}`))]),
) as Record<KmBasis, string>;
export const CROSSING_SHEET_LABELS = Object.fromEntries(
  CROSSINGS.map((c) => [c, zh(msg(`roads.crossing.${c}`))]),
) as Record<Crossing, string>;
const YES_NO = { 是: "yes", 否: "no", yes: "yes", no: "no", Y: "yes", N: "no" } as const;

export const ROAD_EDGE_SHEET = "路段";
export const ROAD_NODE_SHEET = "节点";

type EdgeKey =
  | "code"
  | "name"
  | "from"
  | "to"
  | "roadClass"
  | "km"
  | "speedKmh"
  | "oneWay"
  | "minutes"
  | "crossing"
  | "active";

export const ROAD_EDGE_COLUMNS: ReadonlyArray<ColumnSpec<EdgeKey>> = [
  {
    key: "code",
    header: "编码",
    required: true,
    parse: cell.text(20),
    help: "路段编码，如 R001；已有编码更新该路段",
  },
  { key: "name", header: "名称", required: true, parse: cell.text(60), help: "道路名称，如 木高路" },
  {
    key: "from",
    header: "起点",
    required: true,
    parse: cell.text(20),
    help: "起点节点的编码（节点表或系统中已有）",
  },
  { key: "to", header: "终点", required: true, parse: cell.text(20), help: "终点节点的编码" },
  {
    key: "roadClass",
    header: "等级",
    required: true,
    parse: cell.oneOf(
      labelsAccepted(ROAD_CLASS_SHEET_LABELS, {
        高速: "expressway",
        村道: "village",
        乡道: "village",
        轮渡: "ferry",
      }),
      "等级",
    ),
    help: Object.values(ROAD_CLASS_SHEET_LABELS).join("、"),
  },
  {
    key: "km",
    header: "里程km",
    aliases: ["里程", "里程（km）"],
    required: false,
    parse: cell.decimal({ min: 0.1, max: 1000, label: "里程km" }),
    help: "与系统中不同的里程记为实测；留空则保留原里程，新路段按两端坐标估算",
  },
  {
    key: "speedKmh",
    header: "限速",
    aliases: ["限速km/h"],
    required: false,
    parse: cell.decimal({ min: 1, max: 130, label: "限速" }),
    help: "km/h；留空按道路等级的车速",
  },
  {
    key: "oneWay",
    header: "单行",
    required: false,
    parse: cell.oneOf(YES_NO, "单行"),
    help: "是 或 否；留空为双向通行",
  },
  {
    key: "minutes",
    header: "渡口分钟",
    required: false,
    parse: cell.decimal({ min: 1, max: 1440, label: "渡口分钟" }),
    help: "渡口必填：过渡与候渡的分钟数",
  },
  {
    key: "crossing",
    header: "过江",
    required: false,
    parse: cell.oneOf(labelsAccepted(CROSSING_SHEET_LABELS, { 桥: "bridge", 渡: "ferry" }), "过江"),
    help: `${Object.values(CROSSING_SHEET_LABELS).join("、")}；不跨江留空`,
  },
  {
    key: "active",
    header: "启用",
    required: false,
    parse: cell.oneOf(YES_NO, "启用"),
    help: "是 或 否；停用的路段不参与调度；留空为启用",
  },
];

export const ROAD_EDGE_HEADERS = headersOf(ROAD_EDGE_COLUMNS);

type NodeKey = "code" | "name" | "kind" | "lat" | "lon" | "township" | "warehouse" | "active";

export const ROAD_NODE_COLUMNS: ReadonlyArray<ColumnSpec<NodeKey>> = [
  { key: "code", header: "编码", required: true, parse: cell.text(20), help: "节点编码；已有编码更新该节点" },
  { key: "name", header: "名称", required: true, parse: cell.text(60), help: "" },
  {
    key: "kind",
    header: "类型",
    required: true,
    parse: cell.oneOf(
      labelsAccepted(ROAD_NODE_KIND_SHEET_LABELS, { 驻地: "township", 路口: "junction" }),
      "类型",
    ),
    help: Object.values(ROAD_NODE_KIND_SHEET_LABELS).join("、"),
  },
  {
    key: "lat",
    header: "纬度",
    required: true,
    parse: cell.decimal({ min: -90, max: 90, label: "纬度" }),
    help: "如 29.40",
  },
  {
    key: "lon",
    header: "经度",
    required: true,
    parse: cell.decimal({ min: -180, max: 180, label: "经度" }),
    help: "如 106.54",
  },
  { key: "township", header: "所在镇街", required: false, parse: cell.text(50), help: "镇街驻地节点必填" },
  { key: "warehouse", header: "仓库编码", required: false, parse: cell.text(20), help: "仓库节点必填" },
  {
    key: "active",
    header: "启用",
    required: false,
    parse: cell.oneOf(YES_NO, "启用"),
    help: "是 或 否；留空为启用",
  },
];

export const ROAD_NODE_HEADERS = headersOf(ROAD_NODE_COLUMNS);

export interface RoadEdgeSheetRow {
  row: number;
  code: string;
  name: string;
  from: string;
  to: string;
  roadClass: RoadClass;
  km: number | null;
  speedKmh: number | null;
  oneWay: boolean;
  minutes: number | null;
  crossing: Crossing | null;
  active: boolean;
}

export interface RoadNodeSheetRow {
  row: number;
  code: string;
  name: string;
  kind: RoadNodeKind;
  lat: number;
  lon: number;
  township: string | null;
  warehouse: string | null;
  active: boolean;
}

export interface RoadSheets {
  edges: RoadEdgeSheetRow[];
  edgeIssues: SheetIssue[];
  nodes: RoadNodeSheetRow[];
  /** Issues of the node sheet: their rows are that sheet's. */
  nodeIssues: SheetIssue[];
}

const text = (v: unknown) => (v as string | undefined) || null;
const num = (v: unknown) => (v as number | undefined) ?? null;

/** Reads both sheets; a workbook without a second sheet (or with an empty one) changes no node. */
export async function parseRoadSheets(bytes: Uint8Array): Promise<RoadSheets> {
  const edgeTable = await parseTable(bytes, ROAD_EDGE_COLUMNS);
  const edgeIssues = [...edgeTable.issues];
  const badEdges = new Set(edgeIssues.map((i) => i.row));
  const edges = edgeTable.rows
    .filter(({ row }) => !badEdges.has(row))
    .map(({ row, values: v }) => ({
      row,
      code: String(v.code),
      name: String(v.name),
      from: String(v.from),
      to: String(v.to),
      roadClass: v.roadClass as RoadClass,
      km: num(v.km),
      speedKmh: num(v.speedKmh),
      oneWay: v.oneWay === "yes",
      minutes: num(v.minutes),
      crossing: (text(v.crossing) as Crossing | null) ?? null,
      active: v.active !== "no",
    }));
  if (edgeIssues.length > 0 && edgeIssues.every((i) => i.row === undefined))
    return { edges, edgeIssues, nodes: [], nodeIssues: [] };

  const nodeTable = await parseTable(bytes, ROAD_NODE_COLUMNS, {}, 1);
  const absent =
    nodeTable.issues.length === 1 &&
    ["sheets.error.noSheet", "sheets.error.noRows"].includes(nodeTable.issues[0]?.message.key ?? "");
  const nodeIssues = absent ? [] : [...nodeTable.issues];
  const badNodes = new Set(nodeIssues.map((i) => i.row));
  const nodes = nodeTable.rows
    .filter(({ row }) => !badNodes.has(row))
    .map(({ row, values: v }) => ({
      row,
      code: String(v.code),
      name: String(v.name),
      kind: v.kind as RoadNodeKind,
      lat: v.lat as number,
      lon: v.lon as number,
      township: text(v.township),
      warehouse: text(v.warehouse),
      active: v.active !== "no",
    }));
  return { edges, edgeIssues, nodes, nodeIssues };
}

export interface RoadEdgeExportRow extends Omit<RoadEdgeSheetRow, "row" | "km"> {
  km: number;
  kmBasis: KmBasis;
  status: RoadStatus;
  speedFactor: number;
  reason: string | null;
  statusSince: string | null;
  expectedReopenAt: string | null;
}

export type RoadNodeExportRow = Omit<RoadNodeSheetRow, "row">;

const yesNo = (b: boolean) => (b ? "是" : "否");

/**
 * The network in the import's layout (so an export can be edited and imported back), the roads' length basis
 * and status after the import columns, and a 填写说明 sheet.
 */
export function buildRoadsWorkbook(edges: RoadEdgeExportRow[], nodes: RoadNodeExportRow[]): Uint8Array {
  return writeWorkbook([
    {
      name: ROAD_EDGE_SHEET,
      rows: [
        [
          ...ROAD_EDGE_COLUMNS.map((c) => c.header),
          "里程来源",
          "状态",
          "速度系数",
          "原因",
          "状态起始",
          "预计恢复",
        ],
        ...edges.map((e) => [
          e.code,
          e.name,
          e.from,
          e.to,
          ROAD_CLASS_SHEET_LABELS[e.roadClass],
          e.km,
          e.speedKmh,
          yesNo(e.oneWay),
          e.minutes,
          e.crossing ? CROSSING_SHEET_LABELS[e.crossing] : null,
          yesNo(e.active),
          KM_BASIS_SHEET_LABELS[e.kmBasis],
          ROAD_STATUS_SHEET_LABELS[e.status],
          e.status === "slow" ? e.speedFactor : null,
          e.reason,
          e.statusSince,
          e.expectedReopenAt,
        ]),
      ],
      widths: [10, 28, 14, 14, 10, 10, 8, 6, 10, 8, 6, 12, 8, 10, 30, 18, 18],
    },
    {
      name: ROAD_NODE_SHEET,
      rows: [
        ROAD_NODE_COLUMNS.map((c) => c.header),
        ...nodes.map((n) => [
          n.code,
          n.name,
          ROAD_NODE_KIND_SHEET_LABELS[n.kind],
          n.lat,
          n.lon,
          n.township,
          n.warehouse,
          yesNo(n.active),
        ]),
      ],
      widths: [14, 36, 10, 10, 10, 14, 12, 6],
    },
    {
      name: "填写说明",
      rows: [
        [
          "路网导入：第一张表为路段，第二张表为节点，均按编码对应：已有编码更新，新编码新建。任何一行有误时整个文件不导入，并列出所有错误。",
        ],
        [
          "“里程来源”及其后的通行状态各列只供查看，导入时不读取；道路中断、缓行和恢复请在系统中标记，以保留记录。",
        ],
        [],
        ["表", "列名", "是否必填", "说明"],
        ...ROAD_EDGE_COLUMNS.map((c) => [ROAD_EDGE_SHEET, c.header, c.required ? "必填" : "选填", c.help]),
        ...ROAD_NODE_COLUMNS.map((c) => [ROAD_NODE_SHEET, c.header, c.required ? "必填" : "选填", c.help]),
      ],
      widths: [8, 12, 10, 70],
    },
  ]);
}
