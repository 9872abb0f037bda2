import { m } from "@relief/domain";
import { z } from "zod";
import { isBlankPassword, isCommonPassword, isRepeatedCharacter, PASSWORD_RULE } from "./password-policy";

/** What a failed login says, whatever failed: it reveals neither which accounts exist nor the password rules. */
const BAD_CREDENTIALS = m("users.error.badCredentials");

export const LoginInput = z.object({
  username: z.string().trim().min(1, m("users.error.enterUsername")).max(64, BAD_CREDENTIALS),
  password: z.string().min(1, m("users.error.enterPassword")).max(PASSWORD_RULE.maxLength, BAD_CREDENTIALS),
});
export type LoginInput = z.infer<typeof LoginInput>;

/** Every password that is set (new account, reset, change) passes here; each failure gives one message. */
export const NewPassword = z
  .string()
  .max(PASSWORD_RULE.maxLength, {
    error: m("users.error.passwordTooLong", { max: String(PASSWORD_RULE.maxLength) }),
    abort: true,
  })
  .refine((value) => !isBlankPassword(value), { error: m("users.error.passwordBlank"), abort: true })
  .min(PASSWORD_RULE.minLength, {
    error: m("users.error.passwordTooShort", { min: String(PASSWORD_RULE.minLength) }),
    abort: true,
  })
  .refine((value) => !isRepeatedCharacter(value), { error: m("users.error.passwordRepeated"), abort: true })
  .refine((value) => !isCommonPassword(value), { error: m("users.error.passwordCommon") });

export const ChangePasswordInput = z.object({
  // A current password longer than any password can be is simply wrong.
  currentPassword: z
    .string()
    .min(1, m("users.error.enterCurrentPassword"))
    .max(PASSWORD_RULE.maxLength, m("users.error.wrongCurrentPassword")),
  newPassword: NewPassword,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;
