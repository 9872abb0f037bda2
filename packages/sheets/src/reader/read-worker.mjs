// Runs in the sheet reader's worker threads (piscina). Plain JavaScript importing only SheetJS and node:zlib,
// so it loads the same under tsx, vitest and node without a TypeScript loader.
import { inflateRawSync } from "node:zlib";
import * as XLSX from "xlsx";
import { isBlank } from "./blank.mjs";

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_MARK = 0xffffffff;
/** Spreadsheet XML compresses 3–15 to 1; a large entry far beyond that is a crafted file, not a workbook. */
const MAX_RATIO = 200;
const RATIO_CHECKED_FROM = 1024 * 1024;

/**
 * The entries of a zip package as its central directory lists them, found the way SheetJS finds them (the
 * last end-of-directory record, each entry's data after its local header), so the check and the reading see
 * the same bytes. Null for anything malformed, and for zip64, which no upload within the size limit needs.
 */
function zipEntries(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at) => (at >= 0 && at + 4 <= bytes.length ? view.getUint32(at, true) : -1);
  const u16 = (at) => (at >= 0 && at + 2 <= bytes.length ? view.getUint16(at, true) : -1);
  let end = bytes.length - 22;
  while (end >= 0 && u32(end) !== END_OF_DIRECTORY) end--;
  if (end < 0) return null;
  const entries = [];
  let at = u32(end + 16);
  for (let i = u16(end + 10); i > 0; i--) {
    if (u32(at) !== CENTRAL_HEADER) return null;
    const compressed = u32(at + 20);
    const original = u32(at + 24);
    const nameLength = u16(at + 28);
    const local = u32(at + 42);
    if ([compressed, original, local].includes(ZIP64_MARK) || u32(local) !== LOCAL_HEADER) return null;
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      compressed,
      original,
      method: u16(local + 8),
      data: local + 30 + u16(local + 26) + u16(local + 28),
    });
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return entries;
}

/**
 * Refuses a package that would inflate beyond the cap. The sizes the directory declares are checked first,
 * inflating nothing; but they are the writer's word and SheetJS inflates each entry to its end whatever they
 * say, so every entry is then inflated once under a hard output bound (the budget left), which stops a file
 * that understates its sizes at the cap.
 */
export function inflatedSizeProblem(bytes, maxBytes) {
  const entries = zipEntries(bytes);
  if (!entries) return { ok: false, reason: "unreadable" };
  const declared = entries.reduce((sum, e) => sum + e.original, 0);
  if (declared > maxBytes) return { ok: false, reason: "inflated", declaredBytes: declared };
  const bomb = entries.find((e) => e.original >= RATIO_CHECKED_FROM && e.original > e.compressed * MAX_RATIO);
  if (bomb) {
    const ratio = Math.round(bomb.original / Math.max(1, bomb.compressed));
    return { ok: false, reason: "ratio", entry: bomb.name, ratio };
  }
  let inflated = 0;
  for (const entry of entries) {
    if (entry.method !== 8) {
      inflated += entry.compressed;
      continue;
    }
    try {
      const budget = Math.max(1, maxBytes - inflated);
      inflated += inflateRawSync(bytes.subarray(entry.data), { maxOutputLength: budget }).length;
    } catch (error) {
      if (error?.code === "ERR_BUFFER_TOO_LARGE")
        return { ok: false, reason: "inflated", declaredBytes: null };
      return { ok: false, reason: "unreadable" };
    }
  }
  return inflated > maxBytes ? { ok: false, reason: "inflated", declaredBytes: null } : null;
}

/** A cell's value as `sheet_to_json(…, { raw: true })` gives it: errors and empty stubs read as nothing. */
function cellValue(cell) {
  if (!cell || cell.t === "e" || cell.t === "z") return null;
  return cell.v ?? null;
}

/**
 * Reads one sheet of a workbook (the first unless `sheet` gives another's position): the first non-blank row
 * as the header, then the non-blank rows with their row numbers as Excel shows them. Only that sheet is
 * parsed, without styles, formulas or number formats; blank rows are never materialised, so a stray cell at
 * row 1,000,000 costs nothing.
 */
export default function readFirstSheet({
  bytes,
  maxInflatedBytes,
  maxRows,
  maxColumns,
  sheet: position = 0,
}) {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip) {
    const problem = inflatedSizeProblem(bytes, maxInflatedBytes);
    if (problem) return problem;
  } else if (bytes.length > maxInflatedBytes) {
    // A legacy .xls is not compressed: its size is what SheetJS will hold.
    return { ok: false, reason: "inflated", declaredBytes: bytes.length };
  }
  let workbook;
  try {
    // Dates stay Excel serial numbers: converting them to JS Dates would drag in the time zone.
    workbook = XLSX.read(bytes, {
      type: "array",
      sheets: position,
      dense: true,
      cellDates: false,
      cellFormula: false,
      cellHTML: false,
      cellNF: false,
      cellStyles: false,
      cellText: false,
    });
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  const sheetName = workbook.SheetNames[position];
  const sheet = sheetName ? workbook.Sheets[sheetName] : undefined;
  if (!sheetName || !sheet) return { ok: false, reason: "no-sheet" };
  let header = null;
  const rows = [];
  const data = sheet["!data"] ?? [];
  for (let r = 0; r < data.length; r++) {
    const line = data[r];
    if (!line) continue;
    const cells = [];
    for (let c = 0; c < Math.min(line.length, maxColumns); c++) cells.push(cellValue(line[c]));
    if (cells.every(isBlank)) continue;
    if (header) rows.push({ row: r + 1, cells });
    else header = { row: r + 1, cells };
  }
  if (rows.length > maxRows) return { ok: false, reason: "rows", rows: rows.length };
  return { ok: true, sheetName, header: header ?? { row: 1, cells: [] }, rows };
}
