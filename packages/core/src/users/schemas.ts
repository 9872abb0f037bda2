import { ROLES } from "@relief/db";
import { z } from "zod";
import { NewPassword } from "../auth/schemas";

export const Username = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_.-]{2,31}$/, "用户名须为 3–32 位小写字母、数字或 _ . -，以字母开头");

export const CreateUserInput = z.object({
  username: Username,
  displayName: z.string().trim().min(1, "请输入姓名").max(50),
  role: z.enum(ROLES, { error: "角色无效" }),
  password: NewPassword,
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.object({
  id: z.number().int().positive(),
  displayName: z.string().trim().min(1, "请输入姓名").max(50).optional(),
  role: z.enum(ROLES, { error: "角色无效" }).optional(),
  active: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const ResetPasswordInput = z.object({
  id: z.number().int().positive(),
  password: NewPassword,
});
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;
