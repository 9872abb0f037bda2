import { LOGIN_THROTTLE } from "@relief/core";
import { createSeededDatabase, zhIssues } from "@relief/core/testing";
import { auditLog, type ReliefDatabase, sessions, users } from "@relief/db";
import { beforeEach, describe, expect, it } from "vitest";
import { callerAs, errorOf } from "../testing";

describe("auth API", () => {
  let database: ReliefDatabase;
  const snapshot = () => ({
    users: database.db.select().from(users).all(),
    sessions: database.db.select().from(sessions).all().length,
    audit: database.db.select().from(auditLog).all().length,
  });

  beforeEach(async () => {
    database = await createSeededDatabase();
  });

  it("checks only the free attempts of 40 parallel logins for one user and refuses the rest with the wait", async () => {
    const anonymous = callerAs(database, null);
    const guesses = Array.from({ length: 39 }, (_, i) => `guess-${i}`);
    const results = await Promise.all(
      [...guesses, "relief-demo"].map((password) =>
        anonymous.auth.login({ username: "lingdao", password }).then(
          () => "OK",
          (error: { code: string; message: string }) => error,
        ),
      ),
    );
    const codes = results.map((r) => (typeof r === "string" ? r : r.code));
    expect(codes.filter((c) => c === "UNAUTHORIZED")).toHaveLength(LOGIN_THROTTLE.freeFailures);
    expect(codes.filter((c) => c === "TOO_MANY_REQUESTS")).toHaveLength(40 - LOGIN_THROTTLE.freeFailures);
    expect(codes.at(-1)).toBe("TOO_MANY_REQUESTS");
    expect(results.at(-1)).toMatchObject({
      message: expect.stringMatching(/^登录尝试过于频繁，请 \d+ 秒后再试$/),
    });
    expect(database.db.select().from(sessions).all().length).toBe(0);
    const throttled = database.db
      .select()
      .from(auditLog)
      .all()
      .filter((a) => a.action === "auth.login.throttled");
    expect(throttled).toHaveLength(37);
    expect(throttled[0]).toMatchObject({ ip: "127.0.0.1", userId: null });
  });

  it("answers a too-long login password as a wrong one", async () => {
    const error = await errorOf(
      callerAs(database, null).auth.login({ username: "admin", password: "x".repeat(129) }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(zhIssues(error.cause)).toEqual([{ field: "password", message: "用户名或密码错误" }]);
  });

  it("refuses weak passwords wherever one is set, naming the field, and writes nothing", async () => {
    const admin = callerAs(database, "admin");
    const before = snapshot();
    const cases = [
      [
        admin.users.create({ username: "wangwu", displayName: "王五", role: "leader", password: "12345678" }),
        "password",
        "密码至少 10 位",
      ],
      [
        admin.users.create({
          username: "wangwu",
          displayName: "王五",
          role: "leader",
          password: " ".repeat(8),
        }),
        "password",
        "密码不能全是空白字符",
      ],
      [
        admin.users.resetPassword({ id: 2, password: "Password123" }),
        "password",
        "密码过于常见，容易被猜中，请换一个",
      ],
      [
        callerAs(database, "lingdao").auth.changePassword({
          currentPassword: "relief-demo",
          newPassword: "1q2w3e4r5t",
        }),
        "newPassword",
        "密码过于常见，容易被猜中，请换一个",
      ],
      [
        callerAs(database, "lingdao").auth.changePassword({
          currentPassword: "x".repeat(10_000),
          newPassword: "a-new-password",
        }),
        "currentPassword",
        "当前密码不正确",
      ],
    ] as const;
    for (const [call, field, message] of cases) {
      const error = await errorOf(call);
      expect(error.code).toBe("BAD_REQUEST");
      expect(zhIssues(error.cause)).toEqual([{ field, message }]);
    }
    expect(snapshot()).toEqual(before);
  });

  it("refuses a new password equal to the user name with a field error", async () => {
    const before = snapshot();
    const error = await errorOf(
      callerAs(database, "admin").users.create({
        username: "liaison.officer",
        displayName: "联络员",
        role: "leader",
        password: "Liaison.Officer",
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(zhIssues(error.cause)).toEqual([{ field: "password", message: "密码不能与用户名相同" }]);
    expect(snapshot()).toEqual(before);
  });
});
