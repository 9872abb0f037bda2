import { createTestDatabase, type ReliefDatabase } from "@relief/db/testing";
import type { Actor, CoreContext } from "./context";
import { seedBanan } from "./seed/banan";

export const SYSTEM: Actor = { userId: 1, username: "admin", role: "admin" };

/** An in-memory database with the real migrations and the Banan demo data. */
export async function createSeededDatabase(): Promise<ReliefDatabase> {
  const database = createTestDatabase();
  await seedBanan({ ctx: { db: database.db, actor: null } });
  return database;
}

export function contextFor(database: ReliefDatabase, actor: Actor | null = SYSTEM): CoreContext {
  return { db: database.db, actor, ip: "127.0.0.1" };
}
