import { auditLog, type ReliefDatabase } from "@relief/db";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { updateArea } from "../../areas/update";
import { actorFor, contextFor, createSeededDatabase } from "../../testing";
import { listAudit } from "../list";
import { redact } from "../record";

describe("audit log", () => {
  let database: ReliefDatabase;
  beforeEach(async () => {
    database = await createSeededDatabase();
  });

  it("records who changed what, and can be filtered", () => {
    const minzheng = actorFor(database, "minzheng");
    const ctx = { ...contextFor(database, minzheng), now: () => new Date("2026-07-01T08:00:00Z") };
    updateArea({ ctx, input: { id: 2, population: 180_000 } });
    const { total, rows } = listAudit(database.db, { action: "areas.", userId: minzheng.userId });
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({
      at: "2026-07-01T08:00:00.000Z",
      username: "minzheng",
      action: "areas.update",
      targetType: "area",
      targetIds: [2],
      summary: { name: "龙洲湾街道", changes: { population: 180_000 } },
      ip: "127.0.0.1",
    });
    expect(listAudit(database.db, { from: "2026-07-02T00:00:00Z", action: "areas" }).total).toBe(0);
    expect(listAudit(database.db, { to: "2026-07-02T00:00:00Z", action: "areas" }).total).toBe(1);
  });

  it("cannot be edited or deleted, even with direct SQL", () => {
    expect(() => database.db.update(auditLog).set({ action: "x" }).where(eq(auditLog.id, 1)).run()).toThrow(
      "append-only",
    );
    expect(() => database.db.delete(auditLog).run()).toThrow("append-only");
  });

  it("hides secrets and bulky values in summaries", () => {
    expect(
      redact({
        password: "p",
        newPassword: "q",
        token: "t",
        file: "x".repeat(500),
        list: [1, 2],
        nested: { secret: 1 },
      }),
    ).toEqual({
      password: "[已隐藏]",
      newPassword: "[已隐藏]",
      token: "[已隐藏]",
      file: "[500 字符]",
      list: [1, 2],
      nested: { secret: "[已隐藏]" },
    });
  });
});
