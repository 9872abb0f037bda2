import { mkdirSync } from "node:fs";
import path from "node:path";
import { isDatabaseEmpty, seedBanan } from "@relief/core";
import { migrateDatabase, openDatabase, type ReliefDatabase, refreshStatistics } from "@relief/db";
import type { SeedMode } from "./config";

/**
 * Opens (creating the folder if needed) and migrates the database; seeds it if it is new and empty; brings the
 * planner's statistics up to date for the tables and indexes as they now are.
 */
export async function prepareDatabase(
  databasePath: string,
  seed: SeedMode,
): Promise<{ database: ReliefDatabase; seeded: boolean }> {
  if (databasePath !== ":memory:") mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true });
  const database = openDatabase(databasePath);
  try {
    migrateDatabase(database.db);
    const seeded = seed === "banan" && isDatabaseEmpty(database.db);
    if (seeded) await seedBanan({ ctx: { db: database.db, actor: null } });
    refreshStatistics(database.sqlite, "open");
    return { database, seeded };
  } catch (error) {
    database.close();
    throw error;
  }
}
