import { createHash, randomBytes } from "node:crypto";
import { type DbOrTx, sessions, users } from "@relief/db";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Actor } from "../context";

export const SESSION_HOURS = 12;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function createSession(
  db: DbOrTx,
  userId: number,
  now: Date,
  client: { ip?: string | null; userAgent?: string | null },
): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())).run();
  db.insert(sessions)
    .values({
      id: hashToken(token),
      userId,
      createdAt: now.toISOString(),
      expiresAt,
      ip: client.ip ?? null,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    })
    .run();
  return { token, expiresAt };
}

/** The acting user behind a session cookie, or null when it is unknown, expired or the user is disabled. */
export function resolveSession(db: DbOrTx, token: string | undefined, now: Date): Actor | null {
  if (!token) return null;
  const row = db
    .select({ userId: users.id, username: users.username, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, hashToken(token)),
        gt(sessions.expiresAt, now.toISOString()),
        eq(users.active, true),
      ),
    )
    .get();
  return row ?? null;
}

export function deleteSession(db: DbOrTx, token: string): void {
  db.delete(sessions)
    .where(eq(sessions.id, hashToken(token)))
    .run();
}

export function deleteUserSessions(db: DbOrTx, userId: number): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}
