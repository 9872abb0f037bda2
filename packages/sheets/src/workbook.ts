import { formatCount, IMPORT_LIMITS } from "./limits";
import { createSheetReader, type ReaderOutcome } from "./reader/pool";
import type { SheetRow } from "./reader/read-worker.mjs";

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
            ? `文件解压后超过上限 ${cap}，请删除无关的工作表或分批导入`
            : `文件解压后约 ${Math.ceil(outcome.declaredBytes / MB)} MB，超过上限 ${cap}，请删除无关的工作表或分批导入`,
      };
    case "ratio":
      return {
        message: `文件中的“${outcome.entry}”压缩比异常（${formatCount(outcome.ratio)}:1），不是正常的 Excel 文件`,
      };
    case "rows":
      return {
        message: `文件共 ${formatCount(outcome.rows)} 行，超过单次导入上限 ${formatCount(IMPORT_LIMITS.rows)} 行，请分批导入`,
      };
    case "timeout":
      return {
        message: `读取文件超过 ${IMPORT_LIMITS.timeoutMs / 1000} 秒仍未完成，请减少行数或分批导入`,
      };
    case "no-sheet":
      return { message: "Excel 文件中没有工作表" };
    case "unreadable":
    case "crashed":
      return { message: "无法读取该 Excel 文件，文件可能已损坏" };
  }
}

/**
 * Reads the first sheet of an upload off the request thread, within IMPORT_LIMITS. Throws
 * SheetReaderBusyError when the reader's queue is full; every other problem is an issue about the file.
 */
export async function readFirstSheet(bytes: Uint8Array): Promise<SheetGrid | SheetIssue> {
  if (!isSpreadsheet(bytes)) return { message: "文件不是 Excel 表格，请使用下载的 .xlsx 模板" };
  const outcome = await reader.read(bytes);
  return outcome.ok ? outcome : refusal(outcome);
}

export { type SheetSpec, writeWorkbook } from "./xlsx-writer";
