import {
  CreateUserInput,
  createUser,
  listUsers,
  ResetPasswordInput,
  resetPassword,
  UpdateUserInput,
  updateUser,
} from "@relief/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { ADMIN, allow } from "../trpc";

export const usersRouter = {
  list: allow(ADMIN).query(({ ctx }) => listUsers(ctx.db)),
  create: allow(ADMIN)
    .input(CreateUserInput)
    .mutation(({ ctx, input }) => createUser({ ctx, input })),
  update: allow(ADMIN)
    .input(UpdateUserInput)
    .mutation(({ ctx, input }) => updateUser({ ctx, input })),
  resetPassword: allow(ADMIN)
    .input(ResetPasswordInput)
    .mutation(async ({ ctx, input }) => {
      await resetPassword({ ctx, input });
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
