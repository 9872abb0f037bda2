import { type DbOrTx, users } from "@relief/db";
import { asc, eq } from "drizzle-orm";
import { NotFoundError } from "../errors";
import { toUserView, type UserView } from "./view";

export function listUsers(db: DbOrTx): UserView[] {
  return db.select().from(users).orderBy(asc(users.id)).all().map(toUserView);
}

export function toUserViewById(db: DbOrTx, id: number): UserView {
  const row = db.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw new NotFoundError(`用户 #${id} 不存在`);
  return toUserView(row);
}
