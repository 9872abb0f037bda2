import { users } from "@relief/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, withTransaction } from "../context";
import { TooManyRequestsError, UnauthorizedError } from "../errors";
import { toUserView, type UserView } from "../users/view";
import { dummyHash, verifyPassword } from "./password";
import type { LoginInput } from "./schemas";
import { createSession } from "./session";
import { clearLoginFailures, loginThrottleState, recordLoginFailure } from "./throttle";

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: UserView;
}

/**
 * Checks a password and opens a session. Unknown users and wrong passwords get the same message and take
 * the same time; too many failures for one user name (or one address) within the window lock it out.
 */
export async function login({
  ctx,
  input,
  userAgent,
}: {
  ctx: CoreContext;
  input: LoginInput;
  userAgent?: string | null;
}): Promise<LoginResult> {
  const now = ctx.now?.() ?? new Date();
  const ip = ctx.ip ?? null;
  const throttle = loginThrottleState(ctx.db, input.username, ip, now);
  if (throttle.blocked) {
    const minutes = Math.ceil(throttle.retryAfterSeconds / 60);
    throw new TooManyRequestsError(`登录失败次数过多，请 ${minutes} 分钟后再试`, throttle.retryAfterSeconds);
  }
  const user = ctx.db.select().from(users).where(eq(users.username, input.username)).get();
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !ok || !user.active) {
    withTransaction(ctx, (tx) => {
      recordLoginFailure(tx, input.username, ip, now);
      recordAudit(tx, ctx, {
        action: "auth.login.failed",
        targetType: "user",
        targetIds: user ? [user.id] : [],
        summary: { username: input.username, reason: !user || !ok ? "bad_credentials" : "inactive" },
      });
    });
    throw new UnauthorizedError(user && ok ? "该账号已停用，请联系管理员" : "用户名或密码错误");
  }
  return withTransaction(ctx, (tx) => {
    clearLoginFailures(tx, user.username);
    const session = createSession(tx, user.id, now, { ip, userAgent });
    recordAudit(
      tx,
      { ...ctx, actor: { userId: user.id, username: user.username, role: user.role } },
      {
        action: "auth.login",
        targetType: "user",
        targetIds: [user.id],
        summary: { username: user.username },
      },
    );
    return { ...session, user: toUserView(user) };
  });
}
