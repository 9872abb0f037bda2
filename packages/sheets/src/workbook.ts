import { type Message, msg } from "@relief/domain";
import { formatCount, IMPORT_LIMITS } from "./limits";
import { createSheetReader, type ReaderOutcome } from "./reader/pool";
import type { SheetRow } from "./reader/read-worker.mjs";

/** A problem found in an uploaded sheet; `row` is the row number the user sees in Excel (header = 1). */
export interface SheetIssue {
  row?: number;
  column?: string;
  message: Message;
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
  /** The first non-blank row. */
  header: SheetRow;
  /** The non-blank rows below it, each with the row number Excel shows. */
  rows: SheetRow[];
}

const MB = 1024 * 1024;
const reader = createSheetReader();

/** Why a file was not read, in words for the person who uploaded it. */
function refusal(outcome: Exclude<ReaderOutcome, { ok: true }>): SheetIssue {
  const cap = `${IMPORT_LIMITS.inflatedBytes / MB} MB`;
  switch (outcome.reason) {
    case "inflated":
      return {
        message:
          outcome.declaredBytes === null
            ? msg("sheets.error.inflatedOverCap", { cap })
            : msg("sheets.error.inflatedSize", { size: String(Math.ceil(outcome.declaredBytes / MB)), cap }),
      };
    case "ratio":
      return {
        message: msg("sheets.error.compressionRatio", {
          entry: outcome.entry,
          ratio: formatCount(outcome.ratio),
        }),
      };
    case "rows":
      return {
        message: msg("sheets.error.tooManyRows", {
          rows: formatCount(outcome.rows),
          max: formatCount(IMPORT_LIMITS.rows),
        }),
      };
    case "timeout":
      return {
        message: msg("sheets.error.readTimeout", { seconds: String(IMPORT_LIMITS.timeoutMs / 1000) }),
      };
    case "no-sheet":
      return { message: msg("sheets.error.noSheet") };
    case "unreadable":
    case "crashed":
      return { message: msg("sheets.error.unreadable") };
  }
}

/**
 * Reads the first sheet of an upload (or the one at position `sheet`) off the request thread, within
 * IMPORT_LIMITS. Throws SheetReaderBusyError when the reader's queue is full; every other problem is an issue
 * about the file.
 */
export async function readFirstSheet(bytes: Uint8Array, sheet = 0): Promise<SheetGrid | SheetIssue> {
  if (!isSpreadsheet(bytes)) return { message: msg("sheets.error.notSpreadsheet") };
  const outcome = await reader.read(bytes, sheet);
  return outcome.ok ? outcome : refusal(outcome);
}

export { type SheetSpec, writeWorkbook } from "./xlsx-writer";
