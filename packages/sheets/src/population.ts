import { msg } from "@relief/domain";
import { type ColumnSpec, cell, parseTable } from "./table";
import { type SheetIssue, writeWorkbook } from "./workbook";

export type PopulationBasis = "census" | "official" | "estimate";

export const POPULATION_BASIS_LABELS: Record<PopulationBasis, string> = {
  census: "普查",
  official: "官方统计",
  estimate: "估算",
};

type PopulationKey = "township" | "village" | "population" | "year" | "basis" | "householdSize";

const currentYear = new Date().getFullYear();

export const POPULATION_COLUMNS: ReadonlyArray<ColumnSpec<PopulationKey>> = [
  {
    key: "township",
    header: "镇街",
    aliases: ["街道/镇", "township"],
    required: true,
    parse: cell.text(50),
    help: "街道或镇的全称，须与系统中的名称一致，如“龙洲湾街道”“木洞镇”",
  },
  {
    key: "village",
    header: "村/社区",
    aliases: ["村社区", "village"],
    required: false,
    parse: cell.text(50),
    help: "留空表示镇街本身；填写则更新该村（社区），系统中没有时新建",
  },
  {
    key: "population",
    header: "常住人口",
    aliases: ["人口", "population"],
    required: true,
    parse: cell.integer({ min: 0, max: 50_000_000, label: "常住人口" }),
    help: "非负整数，单位：人",
  },
  {
    key: "year",
    header: "统计年份",
    aliases: ["年份", "year"],
    required: false,
    parse: cell.integer({ min: 1949, max: currentYear, label: "统计年份" }),
    help: `人口数字所属年份，1949–${currentYear}；留空则沿用原值`,
  },
  {
    key: "basis",
    header: "数据依据",
    aliases: ["依据", "basis"],
    required: false,
    parse: cell.oneOf<PopulationBasis>(
      {
        普查: "census",
        官方统计: "official",
        官方: "official",
        估算: "estimate",
        census: "census",
        official: "official",
        estimate: "estimate",
      },
      "数据依据",
    ),
    help: "普查、官方统计或估算；留空则沿用原值",
  },
  {
    key: "householdSize",
    header: "户均人口",
    aliases: ["household size"],
    required: false,
    parse: cell.decimal({ min: 1, max: 10, label: "户均人口" }),
    help: "每户平均人数，1–10，可带小数；留空则沿用原值",
  },
];

export interface PopulationRow {
  row: number;
  township: string;
  village: string | null;
  population: number;
  year: number | null;
  basis: PopulationBasis | null;
  householdSize: number | null;
}

/**
 * Parses an uploaded population sheet. Structural checks (columns, types, ranges, duplicates) happen here;
 * whether a township exists is for the caller, who knows the register. `rows` holds the rows that passed,
 * so the caller can check them too and report every problem of the file at once.
 */
export async function parsePopulationSheet(
  bytes: Uint8Array,
): Promise<{ rows: PopulationRow[]; issues: SheetIssue[] }> {
  const table = await parseTable(bytes, POPULATION_COLUMNS);
  const issues = [...table.issues];
  const rows: PopulationRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of table.rows) {
    if (typeof values.township !== "string" || typeof values.population !== "number") continue;
    const village = typeof values.village === "string" && values.village !== "" ? values.village : null;
    const key = `${values.township}\u0000${village ?? ""}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        row,
        column: village ? "村/社区" : "镇街",
        message: msg("sheets.error.duplicateRow", {
          first: String(first),
          place: village ? `${values.township} ${village}` : values.township,
        }),
      });
      continue;
    }
    seen.set(key, row);
    rows.push({
      row,
      township: values.township,
      village,
      population: values.population,
      year: typeof values.year === "number" ? values.year : null,
      basis: (values.basis as PopulationBasis | undefined) ?? null,
      householdSize: typeof values.householdSize === "number" ? values.householdSize : null,
    });
  }
  return { rows, issues };
}

export interface PopulationExportRow {
  township: string;
  village: string | null;
  population: number | null;
  year: number | null;
  basis: PopulationBasis | null;
  householdSize: number | null;
}

/** The export doubles as the import template: edit the figures and upload the same file. */
export function buildPopulationWorkbook(rows: PopulationExportRow[], title: string): Uint8Array {
  const headers = POPULATION_COLUMNS.map((c) => c.header);
  const body = rows.map((r) => [
    r.township,
    r.village ?? "",
    r.population,
    r.year,
    r.basis ? POPULATION_BASIS_LABELS[r.basis] : null,
    r.householdSize,
  ]);
  const help = [
    [title],
    [],
    ["列名", "是否必填", "说明"],
    ...POPULATION_COLUMNS.map((c) => [c.header, c.required ? "必填" : "选填", c.help]),
    [],
    ["导入规则：任何一行有误时整个文件不导入，并列出所有错误的行和列；全部正确时一次性更新。"],
    ["同一镇街（或同一村/社区）在文件中只能出现一次。"],
  ];
  return writeWorkbook([
    { name: "人口", rows: [headers, ...body], widths: [16, 16, 12, 10, 10, 10] },
    { name: "填写说明", rows: help, widths: [14, 10, 60] },
  ]);
}
