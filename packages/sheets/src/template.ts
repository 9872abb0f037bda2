import type { ColumnSpec } from "./table";
import { writeWorkbook } from "./workbook";

/**
 * An import template: the data sheet (headers and example rows) and a 填写说明 sheet with the rules, every
 * column's help, and lists of the valid codes of this installation.
 */
export function buildImportTemplate(spec: {
  sheetName: string;
  columns: ReadonlyArray<ColumnSpec<string>>;
  examples: unknown[][];
  widths?: number[];
  intro: string[];
  lists: Array<{ headers: string[]; rows: unknown[][] }>;
}): Uint8Array {
  return writeWorkbook([
    {
      name: spec.sheetName,
      rows: [spec.columns.map((c) => c.header), ...spec.examples],
      widths: spec.widths ?? spec.columns.map((c) => Math.max(10, c.header.length * 2 + 4)),
    },
    {
      name: "填写说明",
      rows: [
        ...spec.intro.map((line) => [line]),
        [],
        ["列名", "是否必填", "说明"],
        ...spec.columns.map((c) => [c.header, c.required ? "必填" : "选填", c.help]),
        ...spec.lists.flatMap((list) => [[], list.headers, ...list.rows]),
      ],
      widths: [16, 28, 60],
    },
  ]);
}
