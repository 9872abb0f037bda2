import { type DbOrTx, users } from "@relief/db";
import { msg } from "@relief/domain";
import { asc, eq } from "drizzle-orm";
import { NotFoundError } from "../errors";
import { toUserView, type UserView } from "./view";

export function listUsers(db: DbOrTx): UserView[] {
  return db.select().from(users).orderBy(asc(users.id)).all().map(toUserView);
}

export function toUserViewById(db: DbOrTx, id: number): UserView {
  const row = db.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw new NotFoundError(msg("users.error.notFound", { id: String(id) }));
  return toUserView(row);
}
