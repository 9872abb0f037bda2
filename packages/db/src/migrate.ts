import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./client";

export const MIGRATIONS_FOLDER = path.resolve(import.meta.dirname, "../../../drizzle");

/**
 * Applies every migration in `drizzle/` (or `folder`, for a test that builds an older release's database) that
 * the database has not seen yet, all in one transaction: an upgrade lands whole or not at all.
 */
export function migrateDatabase(db: Db, folder = MIGRATIONS_FOLDER): void {
  migrate(db, { migrationsFolder: folder });
}
