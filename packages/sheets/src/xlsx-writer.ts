import { constants, crc32, deflateRawSync } from "node:zlib";

export interface SheetSpec {
  name: string;
  /** Strings, finite numbers and booleans become cells; null, undefined and "" leave the cell empty. */
  rows: unknown[][];
  /** Column widths in characters. */
  widths?: number[];
  /** Merged ranges, zero-based and inclusive: [first row, first column, last row, last column]. */
  merges?: Array<[number, number, number, number]>;
  /** Number formats for cells, zero-based: e.g. percentages `0.0%` for the numeric cells listed. */
  formats?: Array<{ row: number; column: number; format: string }>;
  /** A number format for the numbers of whole columns from `fromRow` down (zero-based): a table's dates. */
  columnFormats?: Array<{ column: number; fromRow: number; format: string }>;
  /** Excel's filter buttons on a table's header row (zero-based), over the rows below it to `lastRow` (the last row by default). */
  autoFilter?: { row: number; firstColumn: number; lastColumn: number; lastRow?: number };
}

/** Excel's day 0 is 1899-12-30 (its serial numbers count the phantom 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A calendar day `YYYY-MM-DD`, or a wall-clock time `YYYY-MM-DD HH:mm`, as the serial number Excel stores for it. */
export function excelDate(text: string): number {
  const [, y, mo, d, h = "0", mi = "0"] = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(text) ?? [];
  if (!y) throw new Error(`"${text}" is not a date`);
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  return (ms - EXCEL_EPOCH_MS) / DAY_MS;
}

/** The number formats of dates in the stock reports. */
export const DATE_FORMAT = "yyyy-mm-dd";
export const DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";

/*
 * The .xlsx package is written directly rather than through SheetJS: SheetJS builds an object per cell and a
 * shared-strings table: the stock report of the simulated four-year district (75,800 rows × 15 columns) took
 * about 5 s to write that way.
 * Here each row goes straight to XML text, strings inline, and the text is deflated in slices as it is made,
 * so a large export never holds its whole sheet XML at once. Deflate is Node's native zlib (fflate's pure-JS
 * deflate took longer than everything else together), and the zip container is laid out here with every
 * size in the local headers: fflate's streaming Zip writes data descriptors instead, which SheetJS misreads
 * for an entry that is not deflated. Every feature SheetSpec has is supported, so every workbook takes this
 * one path.
 */

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
/** Excel's own limit; SheetJS refused longer text too. */
const MAX_TEXT = 32767;
/** Text is deflated once this many characters of XML have accumulated. */
const SLICE_CHARS = 1 << 20;
/** The first id Excel leaves for custom number formats. */
const FIRST_CUSTOM_FORMAT = 164;
/** Level 1 costs about a fifth of level 6's time for a file about a quarter larger. */
const DEFLATE_LEVEL = 1;
/** Excel's default font is 7 pixels wide per character; widths follow SheetJS's conversion of `wch`. */
const MAX_DIGIT_WIDTH = 7;

// Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped. `_xHHHH_`
// is how OOXML spells an escaped character, so a literal one gets its underscore escaped to survive.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job
const NEEDS_WORK = /[&<>_\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SPACE_AT_ENDS = /^\s|\s$/;

function escapeText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text
    .replace(FORBIDDEN, "")
    .replace(/_(x[0-9a-fA-F]{4}_)/g, "_x005F_$1")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;");
}

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cellRef(row: number, column: number): string {
  return `${columnName(column)}${row + 1}`;
}

function columnWidth(wch: number): number {
  return Math.trunc(((wch * MAX_DIGIT_WIDTH + 5) / MAX_DIGIT_WIDTH) * 256) / 256;
}

/** Sheet names as Excel accepts them; SheetJS refused the same. */
function checkSheetNames(sheets: SheetSpec[]): void {
  const seen = new Set<string>();
  for (const { name } of sheets) {
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name))
      throw new Error(
        `Sheet name "${name}" is empty, longer than 31 characters or has one of \\ / ? * [ ] :`,
      );
    if (seen.has(name.toLowerCase())) throw new Error(`Sheet name "${name}" is used twice`);
    seen.add(name.toLowerCase());
  }
}

/** Number formats of all sheets, each given a style index (0 is the default style). */
function styleIndexes(sheets: SheetSpec[]): Map<string, number> {
  const styles = new Map<string, number>();
  for (const spec of sheets)
    for (const { format } of [...(spec.formats ?? []), ...(spec.columnFormats ?? [])])
      if (!styles.has(format)) styles.set(format, styles.size + 1);
  return styles;
}

function stylesXml(styles: Map<string, number>): string {
  const formats = [...styles.keys()];
  const numFmts = formats.length
    ? `<numFmts count="${formats.length}">${formats
        .map((f, i) => `<numFmt numFmtId="${FIRST_CUSTOM_FORMAT + i}" formatCode="${escapeAttribute(f)}"/>`)
        .join("")}</numFmts>`
    : "";
  const xfs = formats
    .map(
      (_, i) =>
        `<xf numFmtId="${FIRST_CUSTOM_FORMAT + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
    )
    .join("");
  return `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">${numFmts}<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${formats.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${xfs}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}

/** A cell's XML, or "" for an empty one. `ref` is "" when the cell directly follows the previous one. */
function cellXml(ref: string, value: unknown, style: number): string {
  const r = ref && ` r="${ref}"`;
  const s = style ? ` s="${style}"` : "";
  if (typeof value === "number") return Number.isFinite(value) ? `<c${r}${s}><v>${value}</v></c>` : "";
  if (typeof value === "boolean") return `<c${r} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value === null || value === undefined || value === "") return "";
  const text = String(value);
  const space = SPACE_AT_ENDS.test(text) ? ' xml:space="preserve"' : "";
  return `<c${r} t="inlineStr"><is><t${space}>${escapeText(text)}</t></is></c>`;
}

/** Writes one worksheet's XML, handing it to `emit` in slices. */
function writeSheet(spec: SheetSpec, styles: Map<string, number>, emit: (xml: string) => void): void {
  const width = spec.rows.reduce((max, row) => Math.max(max, row.length), 0);
  const columns = Array.from({ length: width }, (_, c) => columnName(c));
  const cellStyle = new Map<number, number>();
  for (const { row, column, format } of spec.formats ?? [])
    cellStyle.set(row * 16384 + column, styles.get(format) ?? 0);
  const columnStyle = new Map<number, { fromRow: number; style: number }>();
  for (const { column, fromRow, format } of spec.columnFormats ?? [])
    columnStyle.set(column, { fromRow, style: styles.get(format) ?? 0 });
  const styleOf = (r: number, c: number) => {
    const own = cellStyle.get(r * 16384 + c);
    if (own !== undefined) return own;
    const column = columnStyle.get(c);
    return column && r >= column.fromRow ? column.style : 0;
  };
  const styled = cellStyle.size > 0 || columnStyle.size > 0;

  const last = width && spec.rows.length ? cellRef(spec.rows.length - 1, width - 1) : "A1";
  let xml = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:${last}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>`;
  if (spec.widths?.length)
    xml += `<cols>${spec.widths
      .map((wch, i) => `<col min="${i + 1}" max="${i + 1}" width="${columnWidth(wch)}" customWidth="1"/>`)
      .join("")}</cols>`;
  xml += "<sheetData>";
  for (let r = 0; r < spec.rows.length; r++) {
    const row = spec.rows[r] ?? [];
    let cells = "";
    const line = r + 1;
    // A cell's reference is optional in OOXML; it is written only after a gap, a tenth of the file less.
    let gap = false;
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (typeof value === "string" && value.length > MAX_TEXT)
        throw new Error(`Text in cell ${cellRef(r, c)} is longer than ${MAX_TEXT} characters`);
      const style = styled ? styleOf(r, c) : 0;
      const cell = cellXml(gap ? `${columns[c]}${line}` : "", value, style);
      gap = !cell;
      cells += cell;
    }
    if (cells) xml += `<row r="${line}">${cells}</row>`;
    if (xml.length >= SLICE_CHARS) {
      emit(xml);
      xml = "";
    }
  }
  xml += "</sheetData>";
  const filter = filterRange(spec);
  if (filter) xml += `<autoFilter ref="${filter}"/>`;
  if (spec.merges?.length)
    xml += `<mergeCells count="${spec.merges.length}">${spec.merges
      .map(([r1, c1, r2, c2]) => `<mergeCell ref="${cellRef(r1, c1)}:${cellRef(r2, c2)}"/>`)
      .join("")}</mergeCells>`;
  xml +=
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  emit(xml);
}

/** The range of a sheet's filter, `A3:O120`, or null without one. */
function filterRange(spec: SheetSpec): string | null {
  const filter = spec.autoFilter;
  if (!filter) return null;
  const lastRow = Math.max(filter.row, filter.lastRow ?? spec.rows.length - 1);
  return `${cellRef(filter.row, filter.firstColumn)}:${cellRef(lastRow, filter.lastColumn)}`;
}

/** Excel keeps each sheet's filter range as a hidden name too, and repairs a file whose filter lacks one. */
function filterNames(sheets: SheetSpec[]): string {
  const names = sheets.flatMap((spec, i) => {
    const range = filterRange(spec);
    if (!range) return [];
    const absolute = range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    const sheet = `'${spec.name.replace(/'/g, "''")}'`;
    return [
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeText(sheet)}!${absolute}</definedName>`,
    ];
  });
  return names.length ? `<definedNames>${names.join("")}</definedNames>` : "";
}

function packageParts(sheets: SheetSpec[]): Array<[string, string]> {
  const sheetTypes = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join("");
  const sheetRels = sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join("");
  const sheetList = sheets
    .map((s, i) => `<sheet name="${escapeAttribute(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  return [
    [
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetTypes}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ],
    [
      "_rels/.rels",
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${sheetList}</sheets>${filterNames(sheets)}</workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${sheetRels}<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    ],
  ];
}

interface ZipEntry {
  name: Uint8Array;
  crc: number;
  size: number;
  chunks: Uint8Array[];
}

/**
 * A zip entry deflated slice by slice. Each slice is its own raw deflate stream ended by a sync flush (no
 * final block), so the slices laid end to end are one valid deflate stream; only the last one finishes it.
 */
function deflatedEntry(name: string): ZipEntry & { write(text: string, final: boolean): void } {
  const entry = {
    name: Buffer.from(name, "utf8"),
    crc: 0,
    size: 0,
    chunks: [] as Uint8Array[],
    write(text: string, final: boolean) {
      const bytes = Buffer.from(text, "utf8");
      entry.size += bytes.length;
      entry.crc = crc32(bytes, entry.crc);
      const finishFlush = final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH;
      entry.chunks.push(deflateRawSync(bytes, { level: DEFLATE_LEVEL, finishFlush }));
    },
  };
  return entry;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
/** Zip "version needed to extract" for deflate: 2.0. */
const ZIP_VERSION = 20;
/** 1980-01-01 00:00 in DOS form: a fixed timestamp, so the same data gives the same bytes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** The zip package: local header and data of each entry, then the central directory. */
function zipPackage(entries: ZipEntry[]): Uint8Array {
  const compressed = entries.map((e) => e.chunks.reduce((n, c) => n + c.length, 0));
  const localBytes = entries.reduce((n, e, i) => n + 30 + e.name.length + (compressed[i] ?? 0), 0);
  const centralBytes = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  if (localBytes + centralBytes + 22 >= 0xffffffff || entries.some((e) => e.size >= 0xffffffff))
    throw new Error("Workbook is larger than a zip without zip64 can hold (4 GB)");
  const out = new Uint8Array(localBytes + centralBytes + 22);
  const view = new DataView(out.buffer);
  const common = (at: number, e: ZipEntry, size: number) => {
    view.setUint16(at, ZIP_VERSION, true);
    view.setUint16(at + 2, 0, true);
    view.setUint16(at + 4, 8, true);
    view.setUint16(at + 6, 0, true);
    view.setUint16(at + 8, DOS_DATE, true);
    view.setUint32(at + 10, e.crc, true);
    view.setUint32(at + 14, size, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, e.name.length, true);
  };
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((e, i) => {
    offsets.push(at);
    view.setUint32(at, LOCAL_HEADER, true);
    common(at + 4, e, compressed[i] ?? 0);
    out.set(e.name, at + 30);
    at += 30 + e.name.length;
    for (const chunk of e.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
  });
  entries.forEach((e, i) => {
    view.setUint32(at, CENTRAL_HEADER, true);
    view.setUint16(at + 4, ZIP_VERSION, true);
    common(at + 6, e, compressed[i] ?? 0);
    view.setUint32(at + 42, offsets[i] ?? 0, true);
    out.set(e.name, at + 46);
    at += 46 + e.name.length;
  });
  view.setUint32(at, END_OF_DIRECTORY, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, centralBytes, true);
  view.setUint32(at + 16, localBytes, true);
  return out;
}

/** Writes an .xlsx workbook of plain tables: text, numbers, column widths, merged ranges, number formats, filters. */
export function writeWorkbook(sheets: SheetSpec[]): Uint8Array {
  checkSheetNames(sheets);
  const styles = styleIndexes(sheets);
  const entries: ZipEntry[] = [];
  const addText = (name: string, text: string) => {
    const entry = deflatedEntry(name);
    entry.write(text, true);
    entries.push(entry);
  };
  for (const [name, text] of packageParts(sheets)) addText(name, text);
  addText("xl/styles.xml", stylesXml(styles));
  sheets.forEach((spec, i) => {
    const entry = deflatedEntry(`xl/worksheets/sheet${i + 1}.xml`);
    let pending: string | null = null;
    writeSheet(spec, styles, (xml) => {
      if (pending !== null) entry.write(pending, false);
      pending = xml;
    });
    entry.write(pending ?? "", true);
    entries.push(entry);
  });
  return zipPackage(entries);
}
