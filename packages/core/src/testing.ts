import { openDatabase, users } from "@relief/db";
import { createTestDatabase, type ReliefDatabase } from "@relief/db/testing";
import { eq } from "drizzle-orm";
import type { Actor, CoreContext } from "./context";
import { seedBanan } from "./seed/banan";

export type { Actor };

export const SYSTEM: Actor = { userId: 1, username: "admin", role: "admin" };

let seededImage: Promise<Buffer> | undefined;

/**
 * An in-memory database with the real migrations and the Banan demo data. Seeding hashes five passwords,
 * so it happens once per test file; each call gets its own copy of the result.
 */
export async function createSeededDatabase(): Promise<ReliefDatabase> {
  seededImage ??= (async () => {
    const database = createTestDatabase();
    await seedBanan({ ctx: { db: database.db, actor: null } });
    const image = database.sqlite.serialize();
    database.close();
    return image;
  })();
  return openDatabase(await seededImage);
}

export function contextFor(database: ReliefDatabase, actor: Actor | null = SYSTEM): CoreContext {
  return { db: database.db, actor, ip: "127.0.0.1" };
}

/** The actor for one of the seeded demo accounts (`admin`, `minzheng`, …). */
export function actorFor(database: ReliefDatabase, username: string): Actor {
  const user = database.db.select().from(users).where(eq(users.username, username)).get();
  if (!user) throw new Error(`no such test user: ${username}`);
  return { userId: user.id, username: user.username, role: user.role };
}
