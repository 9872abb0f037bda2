import { ChangePasswordInput, changePassword, LoginInput, login, logout, toUserViewById } from "@relief/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { allow, publicProcedure, SIGNED_IN } from "../trpc";

export const authRouter = {
  login: publicProcedure.input(LoginInput).mutation(async ({ ctx, input }) => {
    const result = await login({ ctx, input, userAgent: ctx.userAgent });
    ctx.setSessionCookie(result.token, result.expiresAt);
    return { user: result.user, expiresAt: result.expiresAt };
  }),
  logout: allow(SIGNED_IN).mutation(({ ctx }) => {
    logout({ ctx, token: ctx.sessionToken });
    ctx.clearSessionCookie();
    return { ok: true as const };
  }),
  me: allow(SIGNED_IN).query(({ ctx }) => toUserViewById(ctx.db, ctx.actor.userId)),
  changePassword: allow(SIGNED_IN)
    .input(ChangePasswordInput)
    .mutation(async ({ ctx, input }) => {
      await changePassword({ ctx, input });
      ctx.clearSessionCookie();
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
