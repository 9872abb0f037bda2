import { msg } from "@relief/domain";
import { ValidationError } from "../errors";
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_RULE = { minLength: 10, maxLength: 128 } as const;

/** The form the hash sees (NFKC), trimmed and in lower case: how a password is compared with words it may not be. */
function folded(value: string): string {
  return value.normalize("NFKC").trim().toLowerCase();
}

export function isBlankPassword(password: string): boolean {
  return folded(password) === "";
}

export function isRepeatedCharacter(password: string): boolean {
  return new Set(folded(password)).size === 1;
}

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(folded(password));
}

/** Checked in the actions, where the account's user name is known (a reset carries only the user's id). */
export function refusePasswordEqualToUsername(password: string, username: string, field: string): void {
  if (folded(password) !== folded(username)) return;
  const message = msg("users.error.passwordIsUsername");
  throw new ValidationError(message, [{ field, message }]);
}
