import { adjustmentReasons, items, lots, openDatabase, users, warehouses } from "@relief/db";
import { createTestDatabase, type ReliefDatabase } from "@relief/db/testing";
import { type Message, readSchemaMessage, zh } from "@relief/domain";
import { and, eq } from "drizzle-orm";
import { ZodError } from "zod";
import type { Actor, CoreContext } from "./context";
import { DomainError } from "./errors";
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

/** A user of the role with no warehouse assigned; it cannot log in (no password), tests act as it directly. */
export function addUser(database: ReliefDatabase, username: string, role: Actor["role"]): Actor {
  const user = database.db
    .insert(users)
    .values({ username, displayName: username, role, passwordHash: "-" })
    .returning()
    .get();
  return { userId: user.id, username: user.username, role: user.role };
}

/** Ids of the Banan demo catalog and warehouses by code, for readable tests. */
export function demoIds(database: ReliefDatabase) {
  const warehouse = (code: string) => {
    const row = database.db.select().from(warehouses).where(eq(warehouses.code, code)).get();
    if (!row) throw new Error(`no demo warehouse ${code}`);
    return row.id;
  };
  const item = (code: string) => {
    const row = database.db.select().from(items).where(eq(items.code, code)).get();
    if (!row) throw new Error(`no demo item ${code}`);
    return row.id;
  };
  const lot = (itemCode: string, lotCode: string) => {
    const row = database.db
      .select()
      .from(lots)
      .where(and(eq(lots.itemId, item(itemCode)), eq(lots.lotCode, lotCode)))
      .get();
    if (!row) throw new Error(`no demo lot ${itemCode}/${lotCode}`);
    return row.id;
  };
  const reason = (code: string) => {
    const row = database.db.select().from(adjustmentReasons).where(eq(adjustmentReasons.code, code)).get();
    if (!row) throw new Error(`no adjustment reason ${code}`);
    return row.id;
  };
  return { warehouse, item, lot, reason };
}

/** Row counts of every table a failed stock action must leave untouched. */
export function stockSnapshot(database: ReliefDatabase) {
  const n = (table: string) =>
    (database.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    documents: n("stock_documents"),
    lines: n("ledger_lines"),
    lots: n("lots"),
    audit: n("audit_log"),
    balances: database.sqlite.prepare("SELECT * FROM balances ORDER BY 1, 2, 3, 4").all(),
  };
}

export interface IssueText {
  row?: number;
  column?: string;
  field?: string;
  message: string;
}

/**
 * The issues of a failed action or call with their Chinese text, for assertions: a domain error's issues, or
 * an input schema's (field = the path joined with dots; zod's own English, without a key, is kept as it is).
 */
export function zhIssues(cause: unknown): IssueText[] {
  if (cause instanceof DomainError)
    return cause.issues.map(({ message, ...place }) => ({ ...place, message: zh(message) }));
  if (cause instanceof ZodError)
    return cause.issues.map((issue) => {
      const text: Message | null = readSchemaMessage(issue.message);
      return { field: issue.path.join("."), message: text ? zh(text) : issue.message };
    });
  throw new Error(`not a domain or schema error: ${String(cause)}`);
}

/**
 * The Chinese text of what `action` throws, for `toContain` assertions: a domain error's message, or an input
 * schema's issues joined. Fails when nothing is thrown.
 */
export function zhThrown(action: () => unknown): string {
  try {
    action();
  } catch (cause) {
    if (cause instanceof DomainError) return cause.message;
    return zhIssues(cause)
      .map((issue) => issue.message)
      .join("；");
  }
  throw new Error("expected the action to throw");
}
