import { writeWorkbook } from "./workbook";

export interface CoverageReportCategory {
  name: string;
  unitLabel: string;
  /** The quota as people read it: “1 顶/3 人”, “3 L/人·日 × 3 日”. */
  quota: string;
  required: string;
  requiredQuantity: number;
  governmentQuantity: number;
  agreementQuantity: number;
  totalQuantity: number;
  peopleCovered: number;
  /** peopleCovered ÷ target people, as a fraction (formatted as a percentage in the sheet). */
  coverage: number;
  shortfallQuantity: number;
  shortfallTonnes: number;
  shortfallM3: number;
}

export interface CoverageReport {
  title: string;
  organisation: string;
  date: string;
  population: number;
  targetRatio: number;
  targetPeople: number;
  peopleCovered: number;
  governmentPeopleCovered: number;
  bottleneck: string;
  shelterTarget: number;
  shelterCapacity: number;
  categories: CoverageReportCategory[];
  notes: string[];
}

const HEADERS = [
  "序号",
  "物资类别",
  "计量单位",
  "保障定额",
  "是否计入",
  "需储备数量",
  "政府储备",
  "协议储备",
  "合计",
  "可保障人数",
  "覆盖率",
  "缺口数量",
  "缺口重量（吨）",
  "缺口体积（m³）",
];

/**
 * 救灾物资储备保障能力报表 in a government-report layout: title, reporting unit and date, the headline, a table
 * by category, the shelter figure, notes (estimates named), and signature lines. Figures are numbers.
 */
export function buildCoverageReport(report: CoverageReport): Uint8Array {
  const width = HEADERS.length;
  const pct = (x: number) => Math.round(x * 10000) / 10000;
  const rows: unknown[][] = [
    [report.title],
    [`填报单位：${report.organisation}`, ...Array(8).fill(null), `报表日期：${report.date}`],
    [],
    [
      "常住人口",
      report.population,
      null,
      "保障目标",
      `${Math.round(report.targetRatio * 1000) / 10}%`,
      null,
      "目标人数",
      report.targetPeople,
    ],
    [
      "可保障人数（政府＋协议）",
      report.peopleCovered,
      null,
      "占目标",
      pct(report.targetPeople > 0 ? report.peopleCovered / report.targetPeople : 0),
      null,
      "短板类别",
      report.bottleneck,
    ],
    [
      "可保障人数（仅政府储备）",
      report.governmentPeopleCovered,
      null,
      "占目标",
      pct(report.targetPeople > 0 ? report.governmentPeopleCovered / report.targetPeople : 0),
    ],
    [],
    HEADERS,
    ...report.categories.map((c, i) => [
      i + 1,
      c.name,
      c.unitLabel,
      c.quota,
      c.required,
      c.requiredQuantity,
      c.governmentQuantity,
      c.agreementQuantity,
      c.totalQuantity,
      c.peopleCovered,
      pct(c.coverage),
      c.shortfallQuantity,
      c.shortfallTonnes,
      c.shortfallM3,
    ]),
    [],
    [
      "应急避难场所",
      null,
      null,
      "目标（20% 常住人口）",
      report.shelterTarget,
      null,
      "可容纳人数",
      report.shelterCapacity,
      null,
      "缺口",
      Math.max(0, report.shelterTarget - report.shelterCapacity),
    ],
    [],
    ["说明："],
    ...report.notes.map((n, i) => [`${i + 1}. ${n}`]),
    [],
    ["单位负责人：", null, null, "审核人：", null, null, "填表人：", null, null, "联系电话："],
  ];
  const noteStart = rows.length - report.notes.length - 2;
  const tableStart = 8;
  const percent = "0.0%";
  return writeWorkbook([
    {
      name: "储备保障能力",
      rows,
      widths: [6, 16, 8, 22, 26, 12, 12, 12, 12, 12, 9, 12, 12, 12],
      merges: [
        [0, 0, 0, width - 1],
        [1, 0, 1, 8],
        [1, 9, 1, width - 1],
        ...report.notes.map((_, i): [number, number, number, number] => [
          noteStart + i,
          0,
          noteStart + i,
          width - 1,
        ]),
      ],
      formats: [
        { row: 4, column: 4, format: percent },
        { row: 5, column: 4, format: percent },
        ...report.categories.map((_, i) => ({ row: tableStart + i, column: 10, format: percent })),
      ],
    },
  ]);
}
