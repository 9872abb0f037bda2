import { auditLog, type ReliefDatabase } from "@relief/db";
import { count } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { ConflictError } from "../../errors";
import { actorFor, contextFor, createSeededDatabase, zhThrown } from "../../testing";
import { enterpriseSummaries } from "../list";
import { createEnterprise, updateEnterprise } from "../save";

let database: ReliefDatabase;
beforeEach(async () => {
  database = await createSeededDatabase();
});

const audits = () => database.db.select({ n: count() }).from(auditLog).get()?.n;
const water = {
  name: "重庆某某饮用水批发有限公司（演示）",
  creditCode: "91350100m000100y43",
  kind: "wholesale_retail" as const,
  keySupplier: true,
  contacts: [{ name: "张经理", role: "应急联络人", mobile: "13800000000" }],
};

describe("enterprise register", () => {
  it("registers an enterprise with contacts, normalising the credit code, and audits it", () => {
    const ctx = contextFor(database, actorFor(database, "shangwu"));
    const before = audits() ?? 0;
    const created = createEnterprise({ ctx, input: water });
    expect(created).toMatchObject({ creditCode: "91350100M000100Y43", status: "active", keySupplier: true });
    expect(created.contacts).toEqual([{ name: "张经理", role: "应急联络人", mobile: "13800000000" }]);
    expect(audits()).toBe(before + 1);
    const updated = updateEnterprise({
      ctx,
      input: { id: created.id, ...water, status: "suspended", contacts: [] },
    });
    expect(updated).toMatchObject({ status: "suspended", contacts: [] });
  });

  it("rejects a duplicate credit code, naming the enterprise that holds it, and writes nothing", () => {
    const ctx = contextFor(database, actorFor(database, "shangwu"));
    createEnterprise({ ctx, input: water });
    const before = audits();
    const registered = enterpriseSummaries(database.db, new Date().toISOString()).length;
    expect(() => createEnterprise({ ctx, input: { ...water, name: "另一家公司" } })).toThrow(ConflictError);
    expect(zhThrown(() => createEnterprise({ ctx, input: { ...water, name: "另一家公司" } }))).toContain(
      "统一社会信用代码 91350100M000100Y43 已登记为“重庆某某饮用水批发有限公司（演示）”",
    );
    expect(enterpriseSummaries(database.db, new Date().toISOString())).toHaveLength(registered);
    expect(audits()).toBe(before);
  });

  it("rejects an invalid credit code, a bad phone and an unknown township before writing", () => {
    const ctx = contextFor(database, actorFor(database, "shangwu"));
    const registered = enterpriseSummaries(database.db, new Date().toISOString());
    expect(
      zhThrown(() => createEnterprise({ ctx, input: { ...water, creditCode: "91350100M000100Y44" } })),
    ).toContain("统一社会信用代码校验位错误：第 18 位应为“3”，实际为“4”");
    expect(
      zhThrown(() =>
        createEnterprise({ ctx, input: { ...water, contacts: [{ name: "李", role: "", mobile: "12345" }] } }),
      ),
    ).toContain("请填写 11 位手机号或带区号的固定电话");
    expect(zhThrown(() => createEnterprise({ ctx, input: { ...water, areaId: 1 } }))).toContain(
      "所在镇街无效",
    );
    expect(enterpriseSummaries(database.db, new Date().toISOString())).toEqual(registered);
  });
});
