import { auditLog, type ReliefDatabase, users } from "@relief/db";
import { readSchemaMessage, renderMessage } from "@relief/domain";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { ValidationError } from "../../errors";
import { actorFor, contextFor, createSeededDatabase, zhIssues } from "../../testing";
import { createUser } from "../../users/create";
import { CreateUserInput, ResetPasswordInput } from "../../users/schemas";
import { resetPassword } from "../../users/update";
import { changePassword } from "../change-password";
import { COMMON_PASSWORDS } from "../common-passwords";
import { refusePasswordEqualToUsername } from "../password-policy";
import { ChangePasswordInput, LoginInput, NewPassword } from "../schemas";

/** The messages a new password gets, or [] when it is accepted. */
function problems(password: string): string[] {
  const result = NewPassword.safeParse(password);
  return result.success ? [] : zhIssues(result.error).map((i) => i.message);
}

describe("password rules", () => {
  it("refuses short, blank, repeated, common and over-long passwords, one message each", () => {
    expect(problems("12345678")).toEqual(["密码至少 10 位"]);
    expect(problems(" ".repeat(8))).toEqual(["密码不能全是空白字符"]);
    expect(problems(" ".repeat(12))).toEqual(["密码不能全是空白字符"]);
    expect(problems("\u3000".repeat(10))).toEqual(["密码不能全是空白字符"]);
    expect(problems("\t \n".repeat(5))).toEqual(["密码不能全是空白字符"]);
    expect(problems("x".repeat(129))).toEqual(["密码最多 128 位"]);
    expect(problems("0000000000")).toEqual(["密码不能由同一个字符重复组成"]);
    expect(problems("AAAAAAAAAAAA")).toEqual(["密码不能由同一个字符重复组成"]);
    for (const common of [
      "1234567890",
      "Aa12345678",
      "PASSWORD123",
      "woaini1314",
      "１２３４５６７８９０",
      " qwertyuiop ",
    ]) {
      expect(problems(common), common).toEqual(["密码过于常见，容易被猜中，请换一个"]);
    }
  });

  it("refuses every listed common password, whatever its case", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(300);
    for (const common of COMMON_PASSWORDS) {
      expect(problems(common), common).not.toEqual([]);
      expect(problems(common.toUpperCase()), common).not.toEqual([]);
    }
  });

  it("states its rules in English to an English reader", () => {
    const issue = NewPassword.safeParse("12345678").error?.issues[0];
    const text = issue ? readSchemaMessage(issue.message) : null;
    expect(text && renderMessage(text, "en-US")).toBe("The password needs at least 10 characters");
    let refusal: unknown;
    try {
      refusePasswordEqualToUsername("Wangwu2026", "wangwu2026", "password");
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(ValidationError);
    expect(renderMessage((refusal as ValidationError).text, "en-US")).toBe(
      "The password cannot be the same as the user name",
    );
  });

  it("accepts the demo password and ordinary strong ones", () => {
    for (const ok of ["relief-demo", "s3cret-pass", "巴南区救灾物资2026", `${"x".repeat(127)}y`]) {
      expect(problems(ok), ok).toEqual([]);
    }
  });

  it("bounds every password field; a login's bound says no more than a wrong password", () => {
    const long = "x".repeat(129);
    const login = LoginInput.safeParse({ username: "admin", password: long });
    expect(zhIssues(login.error).map((i) => i.message)).toEqual(["用户名或密码错误"]);
    const change = ChangePasswordInput.safeParse({ currentPassword: long, newPassword: "a-new-password" });
    expect(zhIssues(change.error).map((i) => [i.field, i.message])).toEqual([
      ["currentPassword", "当前密码不正确"],
    ]);
    const create = CreateUserInput.safeParse({
      username: "wangwu",
      displayName: "王五",
      role: "leader",
      password: long,
    });
    expect(create.error?.issues.map((i) => i.path.join("."))).toEqual(["password"]);
    expect(ResetPasswordInput.safeParse({ id: 1, password: long }).success).toBe(false);
  });
});

describe("a password equal to the user name", () => {
  let database: ReliefDatabase;
  const userCount = () => database.db.select({ n: count() }).from(users).get()?.n;
  const auditCount = () => database.db.select({ n: count() }).from(auditLog).get()?.n;
  const hashOf = (username: string) =>
    database.db.select().from(users).where(eq(users.username, username)).get()?.passwordHash;

  beforeEach(async () => {
    database = await createSeededDatabase();
  });

  it("is refused when creating an account, and nothing is written", async () => {
    const before = { users: userCount(), audit: auditCount() };
    const error = await createUser({
      ctx: contextFor(database),
      input: { username: "zhangsan01", displayName: "张三", role: "leader", password: "ZhangSan01" },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ message: "密码不能与用户名相同" });
    expect(zhIssues(error)).toEqual([{ field: "password", message: "密码不能与用户名相同" }]);
    expect({ users: userCount(), audit: auditCount() }).toEqual(before);
  });

  it("is refused on a reset and on a change, and the old password stays", async () => {
    const created = await createUser({
      ctx: contextFor(database),
      input: { username: "zhangsan01", displayName: "张三", role: "leader", password: "first-password" },
    });
    const before = { hash: hashOf("zhangsan01"), audit: auditCount() };
    const reset = await resetPassword({
      ctx: contextFor(database),
      input: { id: created.id, password: "zhangsan01" },
    }).catch((e: unknown) => e);
    expect(zhIssues(reset)).toEqual([{ field: "password", message: "密码不能与用户名相同" }]);
    const change = await changePassword({
      ctx: contextFor(database, actorFor(database, "zhangsan01")),
      input: { currentPassword: "first-password", newPassword: "ZHANGSAN01" },
    }).catch((e: unknown) => e);
    expect(zhIssues(change)).toEqual([{ field: "newPassword", message: "密码不能与用户名相同" }]);
    expect({ hash: hashOf("zhangsan01"), audit: auditCount() }).toEqual(before);
  });
});
