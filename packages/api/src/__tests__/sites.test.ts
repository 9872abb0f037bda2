import { createSeededDatabase, demoIds, zhIssues } from "@relief/core/testing";
import type { ReliefDatabase } from "@relief/db";
import { beforeEach, describe, expect, it } from "vitest";
import { callerAs, errorOf } from "../testing";

let database: ReliefDatabase;

beforeEach(async () => {
  database = await createSeededDatabase();
});

/** The warehouse register and the audit log, to show a refusal wrote nothing. */
function register() {
  return {
    warehouses: database.sqlite.prepare("SELECT * FROM warehouses ORDER BY id").all(),
    audit: database.sqlite.prepare("SELECT COUNT(*) AS n FROM audit_log").get(),
  };
}

async function partner() {
  const caller = callerAs(database, "shangwu");
  const [enterprise] = (await caller.enterprises.list({ search: "帐篷", pageSize: 1 })).rows;
  if (!enterprise) throw new Error("the demo data has a tent maker");
  const areaId = (await caller.warehouses.list()).find((w) => w.code === "QY01")?.areaId ?? 0;
  return { caller, enterprise, areaId };
}

describe("the commerce bureau registers its partners' sites", () => {
  it("creates a site for a partner enterprise, which then lists it among its sites", async () => {
    const { caller, enterprise, areaId } = await partner();
    const site = await caller.warehouses.create({
      code: "QY70",
      name: "帐篷厂南彭仓",
      kind: "enterprise",
      organisation: enterprise.name,
      enterpriseId: enterprise.id,
      areaId,
    });
    expect(site).toMatchObject({ kind: "enterprise", enterpriseId: enterprise.id, owner: "commerce" });
    const detail = await caller.enterprises.get({ id: enterprise.id });
    expect(detail.warehouses.map((w) => w.code)).toContain("QY70");
  });

  it("may not register a civil-affairs warehouse, and nothing is written", async () => {
    const { caller, areaId } = await partner();
    const before = register();
    const error = await errorOf(
      caller.warehouses.create({
        code: "MZ70",
        name: "某镇储备点",
        kind: "township_point",
        organisation: "某镇人民政府",
        areaId,
      }),
    );
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe("商务人员不能登记民政部门管理的仓库类型");
    expect(zhIssues(error.cause)).toEqual([{ field: "kind", message: "该类型由民政部门管理" }]);
    expect(register()).toEqual(before);
  });

  it("refuses an enterprise site that names no enterprise, beside the enterprise field, writing nothing", async () => {
    const { caller, areaId } = await partner();
    const before = register();
    const error = await errorOf(
      caller.warehouses.create({
        code: "QY71",
        name: "无主代储点",
        kind: "enterprise",
        organisation: "某企业",
        enterpriseId: null,
        areaId,
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("企业代储点须指定运营它的合作企业");
    expect(zhIssues(error.cause)).toEqual([{ field: "enterpriseId", message: "请选择运营该代储点的企业" }]);
    expect(register()).toEqual(before);
  });

  it("refuses an edit that takes a site's enterprise away", async () => {
    const { caller } = await partner();
    const site = (await caller.warehouses.list()).find((w) => w.id === demoIds(database).warehouse("QY01"));
    if (!site) throw new Error("the demo data has QY01");
    const { owner, areaName, usedM3, usage, userIds, ...fields } = site;
    const before = register();
    const error = await errorOf(caller.warehouses.update({ ...fields, enterpriseId: null }));
    expect(zhIssues(error.cause)).toEqual([{ field: "enterpriseId", message: "请选择运营该代储点的企业" }]);
    expect(register()).toEqual(before);
  });
});
