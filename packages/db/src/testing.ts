import { openDatabase, type ReliefDatabase } from "./client";
import { migrateDatabase } from "./migrate";

export type { ReliefDatabase };

/** A fresh in-memory database with the real migrations applied. */
export function createTestDatabase(): ReliefDatabase {
  const database = openDatabase(":memory:");
  migrateDatabase(database.db);
  return database;
}

export { type ExecutedStatement, fullScans, queryPlan, recordStatements } from "./plans";
