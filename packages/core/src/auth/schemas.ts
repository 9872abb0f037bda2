import { z } from "zod";
import { isBlankPassword, isCommonPassword, isRepeatedCharacter, PASSWORD_RULE } from "./password-policy";

/** What a failed login says, whatever failed: it reveals neither which accounts exist nor the password rules. */
export const BAD_CREDENTIALS = "用户名或密码错误";

export const LoginInput = z.object({
  username: z.string().trim().min(1, "请输入用户名").max(64, BAD_CREDENTIALS),
  password: z.string().min(1, "请输入密码").max(PASSWORD_RULE.maxLength, BAD_CREDENTIALS),
});
export type LoginInput = z.infer<typeof LoginInput>;

/** Every password that is set (new account, reset, change) passes here; each failure gives one message. */
export const NewPassword = z
  .string()
  .max(PASSWORD_RULE.maxLength, { error: `密码最多 ${PASSWORD_RULE.maxLength} 位`, abort: true })
  .refine((value) => !isBlankPassword(value), { error: "密码不能全是空白字符", abort: true })
  .min(PASSWORD_RULE.minLength, { error: `密码至少 ${PASSWORD_RULE.minLength} 位`, abort: true })
  .refine((value) => !isRepeatedCharacter(value), { error: "密码不能由同一个字符重复组成", abort: true })
  .refine((value) => !isCommonPassword(value), { error: "密码过于常见，容易被猜中，请换一个" });

export const ChangePasswordInput = z.object({
  // A current password longer than any password can be is simply wrong.
  currentPassword: z.string().min(1, "请输入当前密码").max(PASSWORD_RULE.maxLength, "当前密码不正确"),
  newPassword: NewPassword,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;
