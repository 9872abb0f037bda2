import { mkdirSync } from "node:fs";
import path from "node:path";
import { isDatabaseEmpty, seedBanan } from "@relief/core";
import { migrateDatabase, openDatabase, type ReliefDatabase } from "@relief/db";
import type { SeedMode } from "./config";

/** Opens (creating the folder if needed) and migrates the database; seeds it if it is new and empty. */
export async function prepareDatabase(
  databasePath: string,
  seed: SeedMode,
): Promise<{ database: ReliefDatabase; seeded: boolean }> {
  if (databasePath !== ":memory:") mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true });
  const database = openDatabase(databasePath);
  try {
    migrateDatabase(database.db);
    if (seed === "banan" && isDatabaseEmpty(database.db)) {
      await seedBanan({ ctx: { db: database.db, actor: null } });
      return { database, seeded: true };
    }
    return { database, seeded: false };
  } catch (error) {
    database.close();
    throw error;
  }
}
