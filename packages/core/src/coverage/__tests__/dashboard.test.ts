import { agreementLines, agreements, areas, enterprises, type ReliefDatabase } from "@relief/db";
import { beforeAll, describe, expect, it } from "vitest";
import { agreementViews } from "../../agreements/list";
import { listAreas } from "../../areas/list";
import { listExpiry } from "../../stock/expiry";
import { createSeededDatabase } from "../../testing";
import { addDays, localDate } from "../../time";
import { DASHBOARD_REMINDERS, homeDashboard } from "../dashboard";

let database: ReliefDatabase;
const NOW = new Date();
const now = NOW.toISOString();
const today = localDate(NOW);

/** Bytes of an answer as it travels (JSON). */
const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** A district after years: 3,001 villages and 500 more agreements, 100 of them expiring within 30 days. */
function grow(db: ReliefDatabase["db"]): void {
  const townships = listAreas(db, { level: "township" }).areas;
  const villages = Array.from({ length: 3_001 }, (_, i) => ({
    parentId: townships[i % townships.length]?.id as number,
    level: "village" as const,
    kind: "village" as const,
    name: `增长村${i}`,
    population: 300,
    populationYear: 2024,
    populationBasis: "estimate" as const,
    sortOrder: i,
    updatedAt: now,
  }));
  // In statements of 1,000 rows: one statement of every column of 3,001 rows passes SQLite's variable limit.
  for (let i = 0; i < villages.length; i += 1_000)
    db.insert(areas)
      .values(villages.slice(i, i + 1_000))
      .run();
  const enterpriseId = db.select({ id: enterprises.id }).from(enterprises).get()?.id as number;
  const created = db
    .insert(agreements)
    .values(
      Array.from({ length: 500 }, (_, i) => ({
        number: `GROW-${i}`,
        enterpriseId,
        kind: "transport" as const,
        startDate: addDays(today, -300),
        endDate: addDays(today, i % 5 === 0 ? 1 + (i % 29) : 60 + i),
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning({ id: agreements.id })
    .all();
  db.insert(agreementLines)
    .values(
      created.map((a) => ({
        agreementId: a.id,
        lineNo: 1,
        vehicleType: "medium" as const,
        quantity: 5,
        responseHours: 4,
      })),
    )
    .run();
}

describe("home dashboard", () => {
  beforeAll(async () => {
    database = await createSeededDatabase();
  });

  it("answers the figures the home page shows, the same as the full lists give", () => {
    const dashboard = homeDashboard(database.db, now);
    expect(dashboard.district).toMatchObject({ name: "巴南区", population: 1_178_856 });
    expect(dashboard.targets?.reservePeople).toBe(117_886);
    expect(dashboard.townships).toHaveLength(23);
    const expiring = listExpiry(database.db, { list: "expiring", pageSize: 200 }, today);
    expect(dashboard.expiringStock).toMatchObject({
      withinDays: 90,
      expired: expiring.counts.expired,
      expiring: expiring.counts.expiring,
    });
    expect(dashboard.expiringStock.first).toEqual(expiring.rows.slice(0, DASHBOARD_REMINDERS));
    const views = agreementViews(database.db, {}, now);
    expect(dashboard.expiringAgreements.expiring).toBe(views.filter((a) => a.status === "expiring").length);
    expect(dashboard.expiringAgreements.expired).toBe(views.filter((a) => a.status === "expired").length);
    expect(dashboard.expiringAgreements.first.map((a) => a.number)).toEqual(["BNSW-XY-2026-002"]);
  });

  it("stays the same size however many villages and agreements the district has", () => {
    const before = size(homeDashboard(database.db, now));
    grow(database.db);
    const dashboard = homeDashboard(database.db, now);
    expect(dashboard.townships).toHaveLength(23);
    expect(dashboard.townships.reduce((sum, t) => sum + t.childCount, 0)).toBe(3_001);
    expect(dashboard.expiringAgreements.expiring).toBe(101);
    expect(dashboard.expiringAgreements.first).toHaveLength(DASHBOARD_REMINDERS);
    expect(dashboard.expiringStock.first.length).toBeLessThanOrEqual(DASHBOARD_REMINDERS);
    // Only the five reminders' text differs; the register and the 500 agreements stay on the server.
    expect(size(dashboard)).toBeLessThan(before + 1_000);
    expect(size(dashboard)).toBeLessThan(20_000);
  });
});
