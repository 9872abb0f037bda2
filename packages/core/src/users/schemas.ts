import { ROLES } from "@relief/db";
import { m } from "@relief/domain";
import { z } from "zod";
import { NewPassword } from "../auth/schemas";

export const Username = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_.-]{2,31}$/, m("users.error.usernameFormat"));

export const CreateUserInput = z.object({
  username: Username,
  displayName: z.string().trim().min(1, m("users.error.enterName")).max(50),
  role: z.enum(ROLES, { error: m("users.error.invalidRole") }),
  /** The partner enterprise an enterprise user acts for; no other role has one. */
  enterpriseId: z.number().int().positive().nullable().default(null),
  password: NewPassword,
});
export type CreateUserInput = z.input<typeof CreateUserInput>;

export const UpdateUserInput = z.object({
  id: z.number().int().positive(),
  displayName: z.string().trim().min(1, m("users.error.enterName")).max(50).optional(),
  role: z.enum(ROLES, { error: m("users.error.invalidRole") }).optional(),
  /** Left out: kept for an enterprise user, cleared when the role changes to another. */
  enterpriseId: z.number().int().positive().nullable().optional(),
  active: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const ResetPasswordInput = z.object({
  id: z.number().int().positive(),
  password: NewPassword,
});
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;
