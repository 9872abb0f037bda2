import { auditLog, type ReliefDatabase, sessions } from "@relief/db";
import { msg } from "@relief/domain";
import { desc } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { UnauthorizedError, ValidationError } from "../../errors";
import { actorFor, contextFor, createSeededDatabase } from "../../testing";
import { updateUser } from "../../users/update";
import { changePassword } from "../change-password";
import { login } from "../login";
import { logout } from "../logout";
import { resolveSession, SESSION_HOURS } from "../session";

const T0 = new Date("2026-11-29T03:00:00Z");

describe("login and sessions", () => {
  let database: ReliefDatabase;
  const anon = (at: Date = T0, ip = "10.0.0.1") => ({ ...contextFor(database, null), ip, now: () => at });

  beforeEach(async () => {
    database = await createSeededDatabase();
  });

  it("opens a session that resolves to the user until it expires", async () => {
    const result = await login({ ctx: anon(), input: { username: "minzheng", password: "relief-demo" } });
    expect(result.user).toMatchObject({ username: "minzheng", role: "civil_affairs" });
    expect(result.user).not.toHaveProperty("passwordHash");
    expect(resolveSession(database.db, result.token, T0)).toMatchObject({ username: "minzheng" });
    const stored = database.db.select().from(sessions).all();
    expect(stored[0]?.id).not.toBe(result.token);
    const later = new Date(T0.getTime() + SESSION_HOURS * 3_600_000 + 1);
    expect(resolveSession(database.db, result.token, later)).toBeNull();
    expect(resolveSession(database.db, "forged-token", T0)).toBeNull();
    const audit = database.db.select().from(auditLog).orderBy(desc(auditLog.id)).get();
    expect(audit).toMatchObject({ action: "auth.login", username: "minzheng", ip: "10.0.0.1" });
  });

  it("gives the same answer for an unknown user and a wrong password, and audits both", async () => {
    await expect(login({ ctx: anon(), input: { username: "nobody", password: "x" } })).rejects.toThrow(
      new UnauthorizedError(msg("users.error.badCredentials")),
    );
    await expect(login({ ctx: anon(), input: { username: "minzheng", password: "wrong" } })).rejects.toThrow(
      new UnauthorizedError(msg("users.error.badCredentials")),
    );
    const failures = database.db
      .select()
      .from(auditLog)
      .all()
      .filter((a) => a.action === "auth.login.failed");
    expect(failures.map((f) => JSON.parse(f.summary).username)).toEqual(["nobody", "minzheng"]);
    expect(JSON.stringify(failures)).not.toContain("wrong");
  });

  it("refuses a disabled account and ends its sessions when it is disabled", async () => {
    const { token } = await login({ ctx: anon(), input: { username: "shangwu", password: "relief-demo" } });
    const user = actorFor(database, "shangwu");
    updateUser({ ctx: contextFor(database), input: { id: user.userId, active: false } });
    expect(resolveSession(database.db, token, T0)).toBeNull();
    await expect(
      login({ ctx: anon(), input: { username: "shangwu", password: "relief-demo" } }),
    ).rejects.toThrow("该账号已停用，请联系管理员");
  });

  it("logout ends the session", async () => {
    const { token } = await login({ ctx: anon(), input: { username: "admin", password: "relief-demo" } });
    logout({ ctx: contextFor(database, actorFor(database, "admin")), token });
    expect(resolveSession(database.db, token, T0)).toBeNull();
  });

  it("changing one's password needs the current one and ends existing sessions", async () => {
    const { token } = await login({ ctx: anon(), input: { username: "lingdao", password: "relief-demo" } });
    const ctx = contextFor(database, actorFor(database, "lingdao"));
    await expect(
      changePassword({ ctx, input: { currentPassword: "nope", newPassword: "a-new-password" } }),
    ).rejects.toThrow(ValidationError);
    await changePassword({ ctx, input: { currentPassword: "relief-demo", newPassword: "a-new-password" } });
    expect(resolveSession(database.db, token, T0)).toBeNull();
    await expect(
      login({ ctx: anon(), input: { username: "lingdao", password: "a-new-password" } }),
    ).resolves.toBeTruthy();
  });
});
