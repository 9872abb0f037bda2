import type { ReliefDatabase } from "@relief/db";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createEnterprise } from "../../enterprises/save";
import { actorFor, contextFor, createSeededDatabase, demoIds } from "../../testing";
import { addDays, localDate } from "../../time";
import { createWarehouse } from "../../warehouses/save";
import { cancelCalloff, confirmCalloff, createCalloff } from "../calloffs";
import { listCalloffs, listDeclarations, listVerifications } from "../history";
import { type AgreementView, agreementReminders, agreementViews, listAgreements } from "../list";
import { declareStock, verifyStock } from "../records";
import { createAgreement, terminateAgreement } from "../save";
import { agreementStatusSql, calloffStatus, calloffStatusSql } from "../status";

let database: ReliefDatabase;
const NOW = new Date();
const now = NOW.toISOString();
const today = localDate(NOW);
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000).toISOString();
const commerce = () => ({ ...contextFor(database, actorFor(database, "shangwu")), now: () => NOW });
let enterpriseId: number;
let calloffLine: number;
let stockLine: number;

/** Validity periods giving every status: pending, expiring, expired, active, terminated. */
function period(i: number): { startDate: string; endDate: string } {
  switch (i % 5) {
    case 0:
      return { startDate: addDays(today, 10), endDate: addDays(today, 400) };
    case 1:
      return { startDate: addDays(today, -100), endDate: addDays(today, i % 30) };
    case 2:
      return { startDate: addDays(today, -400), endDate: addDays(today, -1 - i) };
    default:
      return { startDate: addDays(today, -10), endDate: addDays(today, 100 + i) };
  }
}

/**
 * 130 transport agreements of one test enterprise beside the demo's, one stock agreement with 60 declarations
 * and 30 verifications, and 60 call-offs in every state.
 */
beforeAll(async () => {
  database = await createSeededDatabase();
  const ctx = commerce();
  const enterprise = createEnterprise({
    ctx,
    input: { name: "测试分页物流公司", creditCode: "91350100M000100Y43", kind: "logistics" },
  });
  enterpriseId = enterprise.id;
  for (let i = 0; i < 130; i++) {
    const created = createAgreement({
      ctx,
      input: {
        number: `PG-${String(i).padStart(4, "0")}`,
        enterpriseId,
        kind: "transport",
        ...period(i),
        lines: [{ vehicleType: "medium", quantity: 1000, responseHours: 4 }],
      },
    });
    if (i % 5 === 4 && i % 10 === 9) {
      terminateAgreement({ ctx, input: { id: created.id, terminatedOn: today, reason: "测试终止" } });
    }
    if (i === 3) calloffLine = created.lines[0]?.id ?? 0;
  }
  const warehouse = createWarehouse({
    ctx: contextFor(database),
    input: {
      code: "QYPG",
      name: "测试分页企业仓",
      kind: "enterprise",
      organisation: enterprise.name,
      enterpriseId,
      areaId: database.db.get<{ id: number }>(sql`SELECT id FROM areas WHERE level = 'township' LIMIT 1`)
        ?.id as number,
    },
  });
  const stock = createAgreement({
    ctx,
    input: {
      number: "PG-STOCK",
      enterpriseId,
      kind: "stock",
      startDate: addDays(today, -200),
      endDate: addDays(today, 200),
      lines: [
        {
          itemId: demoIds(database).item("YYS-1L"),
          quantity: 1000,
          responseHours: 6,
          warehouseId: warehouse.id,
        },
      ],
    },
  });
  stockLine = stock.lines[0]?.id ?? 0;
  for (let i = 0; i < 60; i++) {
    declareStock({ ctx, input: { lineId: stockLine, declaredOn: addDays(today, -i), quantity: 900 + i } });
    if (i < 30) {
      verifyStock({
        ctx,
        input: { lineId: stockLine, inspectedOn: addDays(today, -i), quantity: 800 + i, inspector: "张三" },
      });
    }
  }
  for (let i = 0; i < 60; i++) {
    const calloff = createCalloff({
      ctx,
      input: {
        lineId: calloffLine,
        quantity: 1 + (i % 3),
        requestedAt: hours(-200 + i * 3),
        // Some still have time to arrive; the others are overdue unless confirmed or cancelled.
        ...(i % 8 === 3 && { requiredBy: hours(10) }),
      },
    });
    if (i % 4 === 1) {
      confirmCalloff({
        ctx,
        input: {
          id: calloff.id,
          deliveredQuantity: i % 8 === 1 ? 0 : i % 24 === 13 ? 1 : 1 + (i % 3),
          deliveredAt: i % 12 === 5 ? hours(-200 + i * 3 + 1) : hours(-1),
          confirmedBy: "王",
        },
      });
    } else if (i % 4 === 2) cancelCalloff({ ctx, input: { id: calloff.id, reason: "测试取消" } });
  }
});

const byEndDate = (a: AgreementView, b: AgreementView) =>
  a.endDate.localeCompare(b.endDate) || a.number.localeCompare(b.number) || a.id - b.id;

describe("agreements a page at a time", () => {
  it("derives the status in SQL exactly as in the core, for every agreement", () => {
    const sqlStatus = new Map(
      database.db
        .all<{ id: number; status: string }>(
          sql`SELECT a.id, ${agreementStatusSql(today)} AS status FROM agreements a`,
        )
        .map((r) => [r.id, r.status]),
    );
    const views = agreementViews(database.db, {}, now);
    expect(new Set(views.map((a) => a.status))).toEqual(
      new Set(["pending", "active", "expiring", "expired", "terminated"]),
    );
    for (const a of views) expect([a.number, sqlStatus.get(a.id)]).toEqual([a.number, a.status]);
  });

  it("answers page 2 as the second slice of the whole register in end-date order, with the total", () => {
    const whole = agreementViews(database.db, {}, now).sort(byEndDate);
    expect(whole.length).toBeGreaterThan(140);
    const page2 = listAgreements(database.db, { page: 2, pageSize: 50 }, now);
    expect(page2.total).toBe(whole.length);
    expect(page2.rows.map((a) => a.number)).toEqual(whole.slice(50, 100).map((a) => a.number));
    expect(page2.rows[0]).toEqual(whole[50]);
    const last = listAgreements(database.db, { page: 3, pageSize: 50 }, now);
    expect(last.rows.map((a) => a.number)).toEqual(whole.slice(100).map((a) => a.number));
  });

  it("sorts by number, start date or enterprise in either direction", () => {
    const whole = agreementViews(database.db, {}, now);
    const numbers = whole.map((a) => a.number).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    expect(
      listAgreements(database.db, { sort: "number", order: "desc", pageSize: 20, page: 2 }, now).rows.map(
        (a) => a.number,
      ),
    ).toEqual(numbers.slice(20, 40));
    const starts = listAgreements(database.db, { sort: "startDate", pageSize: 200 }, now).rows.map(
      (a) => a.startDate,
    );
    expect(starts).toEqual([...starts].sort());
    const first = listAgreements(database.db, { sort: "enterprise", order: "desc", pageSize: 1 }, now)
      .rows[0];
    expect(first?.enterpriseName).toBe([...new Set(whole.map((a) => a.enterpriseName))].sort().at(-1));
  });

  it("filters by status, kind, enterprise and search text on the server, counting every match", () => {
    const whole = agreementViews(database.db, {}, now);
    for (const status of ["pending", "active", "expiring", "expired", "terminated"] as const) {
      const page = listAgreements(database.db, { status, pageSize: 10 }, now);
      expect([status, page.total]).toEqual([status, whole.filter((a) => a.status === status).length]);
      expect(page.rows.every((a) => a.status === status)).toBe(true);
      expect(page.rows.length).toBeLessThanOrEqual(10);
    }
    const ours = listAgreements(database.db, { enterpriseId, kind: "transport", pageSize: 200 }, now);
    expect(ours.total).toBe(130);
    expect(ours.rows.every((a) => a.lines.length === 1 && a.lines[0]?.vehicleType === "medium")).toBe(true);
    expect(listAgreements(database.db, { search: "PG-01", pageSize: 5 }, now).total).toBe(30);
    expect(listAgreements(database.db, { search: "分页物流", pageSize: 5 }, now).total).toBe(131);
    expect(listAgreements(database.db, { search: "%" }, now).total).toBe(0);
  });

  it("counts the expiry reminders and lists only the first few ending soonest", () => {
    const whole = agreementViews(database.db, {}, now);
    const reminders = agreementReminders(database.db, { limit: 5 }, now);
    const expiring = whole.filter((a) => a.status === "expiring").sort(byEndDate);
    expect(reminders.expiring).toBe(expiring.length);
    expect(reminders.expired).toBe(whole.filter((a) => a.status === "expired").length);
    expect(reminders.first.map((a) => a.number)).toEqual(expiring.slice(0, 5).map((a) => a.number));
    expect(reminders.first[0]?.daysToEnd).toBe(expiring[0]?.daysToEnd);
  });
});

describe("declarations, verifications and call-offs a page at a time", () => {
  it("pages an agreement's declarations and verifications newest first", () => {
    const declarations = listDeclarations(database.db, { lineId: stockLine, page: 2, pageSize: 25 });
    expect(declarations.total).toBe(60);
    expect(declarations.rows.map((d) => d.declaredOn)).toEqual(
      Array.from({ length: 25 }, (_, i) => addDays(today, -25 - i)),
    );
    const verifications = listVerifications(database.db, {
      agreementId: undefined,
      lineId: stockLine,
      pageSize: 20,
      page: 2,
    });
    expect(verifications.total).toBe(30);
    expect(verifications.rows.map((v) => v.quantity)).toEqual(Array.from({ length: 10 }, (_, i) => 820 + i));
  });

  it("pages the call-offs newest first and filters by a status derived in SQL as in the core", () => {
    const all = listCalloffs(database.db, { lineId: calloffLine, pageSize: 200 }, now);
    expect(all.total).toBe(60);
    expect(all.rows.map((c) => c.requestedAt)).toEqual(
      [...all.rows.map((c) => c.requestedAt)].sort().reverse(),
    );
    const sqlStatus = new Map(
      database.db
        .all<{ id: number; status: string }>(
          sql`SELECT c.id, ${calloffStatusSql(now)} AS status FROM agreement_calloffs c`,
        )
        .map((r) => [r.id, r.status]),
    );
    for (const c of all.rows) expect(sqlStatus.get(c.id)).toBe(calloffStatus(c, now));
    const statuses = new Set(all.rows.map((c) => c.status));
    expect(statuses).toEqual(
      new Set(["overdue", "open", "on_time", "late", "partial", "failed", "cancelled"]),
    );
    for (const status of statuses) {
      const page = listCalloffs(database.db, { lineId: calloffLine, status, pageSize: 3 }, now);
      expect(page.total).toBe(all.rows.filter((c) => c.status === status).length);
      expect(page.rows.length).toBeLessThanOrEqual(3);
      expect(page.rows.every((c) => c.status === status)).toBe(true);
    }
    const page2 = listCalloffs(database.db, { enterpriseId, page: 2, pageSize: 25 }, now);
    expect(page2.rows.map((c) => c.id)).toEqual(all.rows.slice(25, 50).map((c) => c.id));
  });
});
