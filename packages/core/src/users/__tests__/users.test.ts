import { auditLog, type ReliefDatabase, users } from "@relief/db";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { ConflictError } from "../../errors";
import { actorFor, contextFor, createSeededDatabase } from "../../testing";
import { createUser } from "../create";
import { listUsers } from "../list";
import { updateUser } from "../update";

describe("user accounts", () => {
  let database: ReliefDatabase;
  beforeEach(async () => {
    database = await createSeededDatabase();
  });

  it("creates a user with a hashed password and audits it without the password", async () => {
    const user = await createUser({
      ctx: contextFor(database),
      input: { username: "wangwu", displayName: "王五", role: "dispatcher", password: "s3cret-pass" },
    });
    expect(user).toMatchObject({ username: "wangwu", role: "dispatcher", active: true });
    const row = database.db.select().from(users).where(eq(users.id, user.id)).get();
    expect(row?.passwordHash).toMatch(/^scrypt\$/);
    const audit = database.db.select().from(auditLog).where(eq(auditLog.action, "users.create")).get();
    expect(audit?.summary).not.toContain("s3cret-pass");
    expect(JSON.parse(audit?.summary ?? "{}")).toMatchObject({ username: "wangwu", password: "[已隐藏]" });
  });

  it("rejects a duplicate user name and writes nothing", async () => {
    const before = database.db.select({ n: count() }).from(auditLog).get();
    await expect(
      createUser({
        ctx: contextFor(database),
        input: { username: "diaodu", displayName: "重复", role: "leader", password: "another-pass" },
      }),
    ).rejects.toThrow(ConflictError);
    expect(listUsers(database.db, actorFor(database, "admin"))).toHaveLength(6);
    await expect(
      createUser({
        ctx: contextFor(database),
        input: { username: "diaodu", displayName: "重复", role: "leader", password: "another-pass" },
      }),
    ).rejects.toThrow("用户名“diaodu”已存在");
    expect(database.db.select({ n: count() }).from(auditLog).get()).toEqual(before);
  });

  it("never leaves the system without an active administrator", () => {
    const admin = actorFor(database, "admin");
    const ctx = contextFor(database);
    expect(() => updateUser({ ctx, input: { id: admin.userId, role: "leader" } })).toThrow(
      "系统至少需要保留一名启用的管理员",
    );
    expect(() => updateUser({ ctx, input: { id: admin.userId, active: false } })).toThrow(ConflictError);
    const other = actorFor(database, "lingdao");
    updateUser({ ctx, input: { id: other.userId, role: "admin" } });
    expect(updateUser({ ctx, input: { id: admin.userId, active: false } })).toMatchObject({ active: false });
  });
});
