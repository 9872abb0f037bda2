export interface ReadTask {
  bytes: Uint8Array;
  maxInflatedBytes: number;
  maxRows: number;
  maxColumns: number;
  /** Which sheet to read, by position; the first when omitted. */
  sheet?: number;
}

export interface SheetRow {
  /** The row number Excel shows. */
  row: number;
  cells: unknown[];
}

export type ReadRefusal =
  | { ok: false; reason: "inflated"; declaredBytes: number | null }
  | { ok: false; reason: "ratio"; entry: string; ratio: number }
  | { ok: false; reason: "rows"; rows: number }
  | { ok: false; reason: "unreadable" }
  | { ok: false; reason: "no-sheet" };

export type ReadResult = { ok: true; sheetName: string; header: SheetRow; rows: SheetRow[] } | ReadRefusal;

export declare function inflatedSizeProblem(bytes: Uint8Array, maxBytes: number): ReadRefusal | null;

export default function readFirstSheet(task: ReadTask): ReadResult;
