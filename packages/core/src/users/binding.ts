import { type DbOrTx, enterprises, type Role } from "@relief/db";
import { msg } from "@relief/domain";
import { eq } from "drizzle-orm";
import type { Actor } from "../context";
import { ForbiddenError, ValidationError } from "../errors";

/**
 * An enterprise user is bound to exactly one partner enterprise and every other account to none (the
 * `users_enterprise` CHECK says the same in the database); this says which rule a form broke, by field.
 */
export function checkEnterpriseBinding(db: DbOrTx, role: Role, enterpriseId: number | null): void {
  if (role === "enterprise" && enterpriseId === null) {
    const required = msg("users.error.enterpriseRequired");
    throw new ValidationError(required, [{ field: "enterpriseId", message: required }]);
  }
  if (role !== "enterprise" && enterpriseId !== null) {
    const refused = msg("users.error.enterpriseOnlyForEnterpriseRole", {
      role: msg(`users.rolePerson.${role}`),
    });
    throw new ValidationError(refused, [{ field: "enterpriseId", message: refused }]);
  }
  if (
    enterpriseId !== null &&
    !db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, enterpriseId)).get()
  ) {
    const missing = msg("users.error.enterpriseNotFound", { id: String(enterpriseId) });
    throw new ValidationError(missing, [{ field: "enterpriseId", message: missing }]);
  }
}

/**
 * Administrators (and the system itself: seeding, the command line) manage every account; the commerce bureau
 * only enterprise users, before and after a change.
 */
export function assertMayManageAccount(actor: Actor | null, ...roles: Role[]): void {
  if (actor === null || actor.role === "admin") return;
  if (actor?.role === "commerce" && roles.every((role) => role === "enterprise")) return;
  throw new ForbiddenError(msg("users.error.commerceManagesEnterpriseUsers"));
}
