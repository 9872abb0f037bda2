import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

/** The user's own %, _ and \ escaped, so that in a LIKE pattern they match themselves. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `column` contains `text` literally (case-insensitive for ASCII, as SQLite's LIKE is). */
export function containsText(column: SQLWrapper, text: string): SQL {
  return sql`${column} LIKE ${`%${escapeLike(text)}%`} ESCAPE '\\'`;
}

/** `column` begins with `text` literally. */
export function startsWithText(column: SQLWrapper, text: string): SQL {
  return sql`${column} LIKE ${`${escapeLike(text)}%`} ESCAPE '\\'`;
}
