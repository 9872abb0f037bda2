import { ChangePasswordInput, changePassword, LoginInput, login, logout, toUserViewById } from "@relief/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { ALL_ROLES, allow, publicProcedure } from "../trpc";

export const authRouter = {
  login: publicProcedure.input(LoginInput).mutation(async ({ ctx, input }) => {
    const result = await login({ ctx, input, userAgent: ctx.userAgent });
    ctx.setSessionCookie(result.token, result.expiresAt);
    return { user: result.user, expiresAt: result.expiresAt };
  }),
  logout: allow(ALL_ROLES).mutation(({ ctx }) => {
    logout({ ctx, token: ctx.sessionToken });
    ctx.clearSessionCookie();
    return { ok: true as const };
  }),
  me: allow(ALL_ROLES).query(({ ctx }) => toUserViewById(ctx.db, ctx.actor.userId)),
  changePassword: allow(ALL_ROLES)
    .input(ChangePasswordInput)
    .mutation(async ({ ctx, input }) => {
      await changePassword({ ctx, input });
      ctx.clearSessionCookie();
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
