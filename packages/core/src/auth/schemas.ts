import { z } from "zod";
import { PASSWORD_RULE } from "./password";

export const LoginInput = z.object({
  username: z.string().trim().min(1, "请输入用户名").max(64),
  password: z.string().min(1, "请输入密码").max(PASSWORD_RULE.maxLength),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const NewPassword = z
  .string()
  .min(PASSWORD_RULE.minLength, `密码至少 ${PASSWORD_RULE.minLength} 位`)
  .max(PASSWORD_RULE.maxLength, `密码最多 ${PASSWORD_RULE.maxLength} 位`);

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "请输入当前密码"),
  newPassword: NewPassword,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;
