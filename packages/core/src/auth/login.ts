import { users } from "@relief/db";
import { msg } from "@relief/domain";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, withTransaction } from "../context";
import { TooManyRequestsError, UnauthorizedError } from "../errors";
import { toUserView, type UserView } from "../users/view";
import { dummyHash, verifyPassword } from "./password";
import type { LoginInput } from "./schemas";
import { createSession } from "./session";
import { formatWait, loginThrottle, pruneLoginLimits } from "./throttle";

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: UserView;
}

/**
 * Checks a password and opens a session. Unknown users and wrong passwords get the same message and take
 * the same time. Every attempt is counted before its password is checked (see `LoginThrottle`), and a
 * refused one is audited without any check.
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
  const attempt = await loginThrottle(ctx.db).begin(input.username, ip);
  const user = ctx.db.select().from(users).where(eq(users.username, input.username)).get();
  if (!attempt.ok) {
    const { limit, retryAfterSeconds } = attempt;
    withTransaction(ctx, (tx) => {
      pruneLoginLimits(tx);
      recordAudit(tx, ctx, {
        action: "auth.login.throttled",
        targetType: "user",
        targetIds: user ? [user.id] : [],
        summary: { username: input.username, limit, retryAfterSeconds },
      });
    });
    throw new TooManyRequestsError(
      msg("users.error.throttled", { wait: formatWait(retryAfterSeconds) }),
      retryAfterSeconds,
    );
  }
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !ok || !user.active) {
    await attempt.failed();
    withTransaction(ctx, (tx) => {
      pruneLoginLimits(tx);
      recordAudit(tx, ctx, {
        action: "auth.login.failed",
        targetType: "user",
        targetIds: user ? [user.id] : [],
        summary: { username: input.username, reason: !user || !ok ? "bad_credentials" : "inactive" },
      });
    });
    throw new UnauthorizedError(msg(user && ok ? "users.error.inactive" : "users.error.badCredentials"));
  }
  await attempt.succeeded();
  return withTransaction(ctx, (tx) => {
    pruneLoginLimits(tx);
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
