import * as XLSX from "xlsx";

/** A problem found in an uploaded sheet; `row` is the row number the user sees in Excel (header = 1). */
export interface SheetIssue {
  row?: number;
  column?: string;
  message: string;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * SheetJS reads almost anything (plain text becomes a one-column CSV), so the file type is decided by its
 * signature first: .xlsx (a zip package) or the legacy .xls (an OLE compound file).
 */
export function isSpreadsheet(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, OLE_MAGIC);
}

export interface SheetGrid {
  sheetName: string;
  /** Rows as arrays of cell values; index 0 is spreadsheet row 1. */
  rows: unknown[][];
}

export function readFirstSheet(bytes: Uint8Array): SheetGrid | SheetIssue {
  if (!isSpreadsheet(bytes)) return { message: "文件不是 Excel 表格，请使用下载的 .xlsx 模板" };
  let workbook: XLSX.WorkBook;
  try {
    // Dates stay Excel serial numbers: converting them to JS Dates would drag in the time zone.
    workbook = XLSX.read(bytes, { type: "array", cellDates: false, dense: true });
  } catch {
    return { message: "无法读取该 Excel 文件，文件可能已损坏" };
  }
  const sheetName = workbook.SheetNames[0];
  const sheet = sheetName ? workbook.Sheets[sheetName] : undefined;
  if (!sheetName || !sheet) return { message: "Excel 文件中没有工作表" };
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, {
    header: 1,
    raw: true,
    blankrows: true,
    defval: null,
  });
  return { sheetName, rows };
}

export interface SheetSpec {
  name: string;
  rows: unknown[][];
  /** Column widths in characters. */
  widths?: number[];
  /** Merged ranges, zero-based and inclusive: [first row, first column, last row, last column]. */
  merges?: Array<[number, number, number, number]>;
  /** Number formats for cells, zero-based: e.g. percentages `0.0%` for the numeric cells listed. */
  formats?: Array<{ row: number; column: number; format: string }>;
}

export function writeWorkbook(sheets: SheetSpec[]): Uint8Array {
  const workbook = XLSX.utils.book_new();
  for (const spec of sheets) {
    const sheet = XLSX.utils.aoa_to_sheet(spec.rows);
    if (spec.widths) sheet["!cols"] = spec.widths.map((wch) => ({ wch }));
    for (const { row, column, format } of spec.formats ?? []) {
      const cell = sheet[XLSX.utils.encode_cell({ r: row, c: column })];
      if (cell && cell.t === "n") cell.z = format;
    }
    if (spec.merges)
      sheet["!merges"] = spec.merges.map(([r1, c1, r2, c2]) => ({
        s: { r: r1, c: c1 },
        e: { r: r2, c: c2 },
      }));
    XLSX.utils.book_append_sheet(workbook, sheet, spec.name);
  }
  return new Uint8Array(XLSX.write(workbook, { type: "array", bookType: "xlsx", compression: true }));
}
