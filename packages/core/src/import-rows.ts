import { msg, readSchemaMessage } from "@relief/domain";
import { type QuantityLimits, SheetReaderBusyError } from "@relief/sheets";
import { ZodError } from "zod";
import { DomainError, type ErrorIssue, TooManyRequestsError, ValidationError } from "./errors";
import { MAX_LINE_QUANTITY } from "./limits";

/** What a sheet parser may accept in a quantity cell: the line ceiling every posting is checked against. */
const SHEET_QUANTITY_LIMITS: QuantityLimits = { maxQuantity: MAX_LINE_QUANTITY };

/** Seconds a client is told to wait when the sheet reader's queue is full: about one file's parse. */
const BUSY_RETRY_SECONDS = 10;

/**
 * Parses an upload with one of the sheet parsers (in the reader's worker threads, before any transaction
 * opens), handing it the core's quantity ceiling. A full reader queue is the server's state, not the file's
 * fault: it answers "too many requests" with a retry hint instead of a list of problems in the file.
 */
export async function readUpload<T>(
  parse: (bytes: Uint8Array, limits: QuantityLimits) => Promise<T>,
  bytes: Uint8Array,
): Promise<T> {
  try {
    return await parse(bytes, SHEET_QUANTITY_LIMITS);
  } catch (error) {
    if (error instanceof SheetReaderBusyError)
      throw new TooManyRequestsError(msg("sheets.error.readerBusy"), BUSY_RETRY_SECONDS);
    throw error;
  }
}

/**
 * Runs the action a spreadsheet row stands for (inside the caller's import transaction) and turns what it
 * rejects into issues naming the row and column, so one pass reports every bad row. Field names of the
 * action's input map to column headers; `lines.N.field` of a multi-row record maps to the N-th row.
 */
export function runRow(
  issues: ErrorIssue[],
  row: { row: number; lineRows?: number[] },
  columns: Record<string, string>,
  action: () => void,
): boolean {
  const place = (field: string | undefined): { row: number; column?: string } => {
    if (!field) return { row: row.row };
    const parts = field.split(".");
    const line = parts[0] === "lines" && parts[1] !== undefined ? Number(parts[1]) : null;
    const name = parts[parts.length - 1] ?? field;
    const column = columns[name];
    return {
      row: line !== null && row.lineRows?.[line] !== undefined ? row.lineRows[line] : row.row,
      ...(column !== undefined && { column }),
    };
  };
  try {
    action();
    return true;
  } catch (error) {
    if (error instanceof ZodError) {
      for (const issue of error.issues)
        issues.push({
          ...place(issue.path.join(".")),
          message: readSchemaMessage(issue.message) ?? msg("common.error.invalidValue"),
        });
    } else if (error instanceof DomainError) {
      if (error.issues.length === 0) issues.push({ row: row.row, message: error.text });
      for (const issue of error.issues) issues.push({ ...place(issue.field), message: issue.message });
    } else throw error;
    return false;
  }
}

/**
 * Rejects a spreadsheet with every problem found, in row order, when there is any: the import's transaction
 * then rolls back, so nothing of the file is written.
 */
export function rejectIfAny(fileName: string, issues: ErrorIssue[]): void {
  if (issues.length === 0) return;
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  throw new ValidationError(
    msg("sheets.error.fileRejected", { file: fileName, count: issues.length }),
    issues,
  );
}
