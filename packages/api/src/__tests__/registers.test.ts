import { createSeededDatabase, zhIssues } from "@relief/core/testing";
import { areas, type ReliefDatabase } from "@relief/db";
import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, errorOf } from "../testing";

/** The register lists of areas, enterprises and agreements answer pages, never whole tables. */
describe("register lists over the API", () => {
  let database: ReliefDatabase;
  beforeAll(async () => {
    database = await createSeededDatabase();
    const [township] = (await callerAs(database, "admin").areas.list({ level: "township" })).areas;
    database.db
      .insert(areas)
      .values(
        Array.from({ length: 40 }, (_, i) => ({
          parentId: township?.id ?? 0,
          level: "village" as const,
          kind: "village" as const,
          name: `接口村${i}`,
          population: 10,
          populationYear: 2024,
          populationBasis: "estimate" as const,
          sortOrder: i,
          updatedAt: "2026-01-01T00:00:00.000Z",
        })),
      )
      .run();
  });

  it("answers no more rows than the page asked for, with the total over all pages", async () => {
    const caller = callerAs(database, "lingdao");
    const pages = {
      "areas.villages": await caller.areas.villages({ pageSize: 3, page: 2 }),
      "enterprises.list": await caller.enterprises.list({ pageSize: 3, page: 2 }),
      "agreements.list": await caller.agreements.list({ pageSize: 3, page: 2 }),
      "agreements.calloffs": await caller.agreements.calloffs({ pageSize: 3 }),
      "agreements.declarations": await caller.agreements.declarations({ pageSize: 3 }),
      "agreements.verifications": await caller.agreements.verifications({ pageSize: 1 }),
    };
    for (const [path, page] of Object.entries(pages)) {
      expect([path, page.rows.length <= 3, page.total > page.rows.length]).toEqual([path, true, true]);
    }
    expect(pages["areas.villages"].total).toBe(40);
    expect(pages["enterprises.list"].total).toBe(10);
    expect((await caller.enterprises.options({ limit: 4 })).length).toBe(4);
    expect((await caller.agreements.reminders({ limit: 1 })).first.length).toBeLessThanOrEqual(1);
  });

  it("refuses a page larger than 200 rows with a Chinese message", async () => {
    const caller = callerAs(database, "diaodu");
    for (const call of [
      caller.areas.villages({ pageSize: 201 }),
      caller.enterprises.list({ pageSize: 201 }),
      caller.agreements.list({ pageSize: 201 }),
      caller.agreements.calloffs({ pageSize: 201 }),
      caller.agreements.declarations({ pageSize: 201 }),
    ]) {
      const error = await errorOf(call);
      expect(error.code).toBe("BAD_REQUEST");
      expect(zhIssues(error.cause)).toEqual([{ field: "pageSize", message: "每页最多 200 行" }]);
    }
  });

  it("answers areas.list with the district and townships only, and the dashboard without any register", async () => {
    const caller = callerAs(database, "lingdao");
    const overview = await caller.areas.list();
    expect(overview.areas).toHaveLength(24);
    expect(overview.areas.some((a) => a.level === "village")).toBe(false);
    const dashboard = await caller.coverage.dashboard();
    expect(dashboard.townships).toHaveLength(23);
    expect(dashboard.expiringAgreements.first.length).toBeLessThanOrEqual(5);
    expect(dashboard.expiringStock.first.length).toBeLessThanOrEqual(5);
    expect(Buffer.byteLength(JSON.stringify(dashboard))).toBeLessThan(20_000);
  });

  it("gives an agreement without its history, which is paged apart", async () => {
    const caller = callerAs(database, "shangwu");
    const [water] = (await caller.agreements.list({ search: "BNSW-XY-2026-001" })).rows;
    const detail = await caller.agreements.get({ id: water?.id ?? 0 });
    expect(detail).not.toHaveProperty("declarations");
    expect(detail).not.toHaveProperty("calloffs");
    const declarations = await caller.agreements.declarations({ agreementId: water?.id, pageSize: 200 });
    expect(declarations.rows.every((d) => detail.lines.some((l) => l.id === d.lineId))).toBe(true);
    expect((await errorOf(caller.agreements.get({ id: 99_999 }))).code).toBe("NOT_FOUND");
  });
});
