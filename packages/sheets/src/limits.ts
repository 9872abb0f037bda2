/**
 * What one spreadsheet import may cost the server. Every import reads its file through the one sheet reader
 * (reader/pool.ts), so these hold for population, receipts, enterprises, agreements, declarations and any
 * import added later.
 */
export const IMPORT_LIMITS = {
  /** Data rows per file, blank rows and the header not counted. */
  rows: 20_000,
  /**
   * Inflated size of an .xlsx package (all its parts), or the size of a legacy .xls. A 20,000-row receipt
   * sheet inflates to about 7 MB, so this leaves room for styled files and refuses a zip bomb.
   */
  inflatedBytes: 50 * 1024 * 1024,
  /** Columns read; the widest template has 17, anything right of this is not looked at. */
  columns: 100,
  /** Time for one file, waiting for a thread included. */
  timeoutMs: 30_000,
  /** Threads parsing at once: on a 2-core server one core stays with the request thread and SQLite. */
  threads: 1,
  /** Files waiting for a thread; one more is refused as busy rather than queued without end. */
  queue: 4,
} as const;

export type ImportLimits = { -readonly [K in keyof typeof IMPORT_LIMITS]: number };

/** Whole numbers with thousands separators, as the limits are stated to users. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
