import { type DbOrTx, users } from "@relief/db";
import { msg } from "@relief/domain";
import { asc, eq } from "drizzle-orm";
import type { Actor } from "../context";
import { NotFoundError } from "../errors";
import { toUserView, type UserView } from "./view";

/** Every account for administrators; the enterprise users alone for the commerce bureau, who manages them. */
export function listUsers(db: DbOrTx, actor: Actor): UserView[] {
  return db
    .select()
    .from(users)
    .where(actor.role === "admin" ? undefined : eq(users.role, "enterprise"))
    .orderBy(asc(users.id))
    .all()
    .map(toUserView);
}

export function toUserViewById(db: DbOrTx, id: number): UserView {
  const row = db.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw new NotFoundError(msg("users.error.notFound", { id: String(id) }));
  return toUserView(row);
}
