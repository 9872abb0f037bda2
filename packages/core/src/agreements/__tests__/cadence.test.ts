import { agreements, areas, auditLog, type ReliefDatabase } from "@relief/db";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createEnterprise } from "../../enterprises/save";
import { actorFor, contextFor, createSeededDatabase, demoIds, zhIssues } from "../../testing";
import { addDays, localDate } from "../../time";
import { createWarehouse } from "../../warehouses/save";
import { getAgreement } from "../list";
import { createAgreement, updateAgreement } from "../save";
import type { CreateAgreementInput } from "../schemas";

let database: ReliefDatabase;
const NOW = new Date();
const today = localDate(NOW);

const commerce = () => ({ ...contextFor(database, actorFor(database, "shangwu")), now: () => NOW });

/** A stock agreement of a fresh enterprise, with one line of water at its own site. */
function stockAgreement(): CreateAgreementInput {
  const ctx = commerce();
  const enterprise = createEnterprise({
    ctx,
    input: { name: "测试用申报周期公司", creditCode: "91350100M000100Y43", kind: "wholesale_retail" },
  });
  const areaId = database.db
    .select({ id: areas.id })
    .from(areas)
    .where(eq(areas.level, "township"))
    .get()?.id;
  const warehouse = createWarehouse({
    ctx: contextFor(database),
    input: {
      code: "QYT9",
      name: "测试周期仓",
      kind: "enterprise",
      organisation: enterprise.name,
      enterpriseId: enterprise.id,
      areaId: areaId ?? 0,
    },
  });
  return {
    number: "TEST-XY-CADENCE",
    enterpriseId: enterprise.id,
    kind: "stock",
    startDate: addDays(today, -10),
    endDate: addDays(today, 355),
    lines: [
      {
        itemId: demoIds(database).item("YYS-1L"),
        quantity: 1000,
        responseHours: 6,
        warehouseId: warehouse.id,
      },
    ],
  };
}

const written = () => ({
  agreements: database.db.select({ n: count() }).from(agreements).get()?.n ?? 0,
  audit: database.db.select({ n: count() }).from(auditLog).get()?.n ?? 0,
});

beforeEach(async () => {
  database = await createSeededDatabase();
});

describe("the declaration cadence (申报周期)", () => {
  it("is monthly unless set, is kept when an edit leaves it out, and changes when an edit sets it", () => {
    const ctx = commerce();
    const input = stockAgreement();
    const monthly = createAgreement({ ctx, input });
    expect(monthly.declarationMonths).toBe(1);
    const lines = monthly.lines.map((l) => ({
      id: l.id,
      itemId: l.itemId,
      quantity: l.quantity,
      responseHours: 6,
      warehouseId: l.warehouseId,
    }));
    updateAgreement({ ctx, input: { ...input, id: monthly.id, lines, declarationMonths: 3 } });
    expect(getAgreement(database.db, monthly.id, NOW.toISOString()).declarationMonths).toBe(3);
    updateAgreement({ ctx, input: { ...input, id: monthly.id, lines, note: "续签" } });
    expect(getAgreement(database.db, monthly.id, NOW.toISOString()).declarationMonths).toBe(3);
  });

  it("refuses a cadence outside 1–12 whole months beside its field, writing nothing", () => {
    const ctx = commerce();
    const input = stockAgreement();
    const before = written();
    for (const declarationMonths of [0, 13, 1.5]) {
      let thrown: unknown;
      try {
        createAgreement({ ctx, input: { ...input, declarationMonths } });
      } catch (error) {
        thrown = error;
      }
      expect(zhIssues(thrown)).toEqual([
        { field: "declarationMonths", message: "申报周期应为 1 至 12 个月的整数" },
      ]);
    }
    expect(written()).toEqual(before);
  });
});
