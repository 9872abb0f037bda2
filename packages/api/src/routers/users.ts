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
import { ACCOUNT_MANAGERS, allow } from "../trpc";

/** Administrators manage every account; the commerce bureau its enterprise users (the core narrows it). */
export const usersRouter = {
  list: allow(ACCOUNT_MANAGERS).query(({ ctx }) => listUsers(ctx.db, ctx.actor)),
  create: allow(ACCOUNT_MANAGERS)
    .input(CreateUserInput)
    .mutation(({ ctx, input }) => createUser({ ctx, input })),
  update: allow(ACCOUNT_MANAGERS)
    .input(UpdateUserInput)
    .mutation(({ ctx, input }) => updateUser({ ctx, input })),
  resetPassword: allow(ACCOUNT_MANAGERS)
    .input(ResetPasswordInput)
    .mutation(async ({ ctx, input }) => {
      await resetPassword({ ctx, input });
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
