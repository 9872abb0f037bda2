import { localDate } from "@relief/core";
import { createSeededDatabase, demoIds } from "@relief/core/testing";
import type { ReliefDatabase } from "@relief/db";
import { DECLARATION_HEADERS, readFirstSheet, writeWorkbook } from "@relief/sheets";
import type { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { errorDetails } from "../errors";
import { callerAs, errorOf } from "../testing";

/** The demo enterprise `qiye` is bound to, and the others, whose names must never reach it. */
const OWN = "巴南示例饮品批发有限公司";
const OWN_AGREEMENT = "BNSW-XY-2026-001";

/** Rows of the tables a refused call must leave alone. */
function counts(database: ReliefDatabase) {
  const n = (table: string) =>
    (database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    declarations: n("agreement_declarations"),
    audit: n("audit_log"),
    credit: n("credit_events"),
    users: n("users"),
  };
}

function otherEnterpriseNames(database: ReliefDatabase): string[] {
  return (database.sqlite.prepare("SELECT name FROM enterprises").all() as Array<{ name: string }>)
    .map((e) => e.name)
    .filter((name) => name !== OWN);
}

/** Everything an answer says, as text, to look for other enterprises' names in. */
const textOf = (value: unknown) => JSON.stringify(value);

/** What a refusal tells the user in Chinese: its message and each issue's, by field or row. */
function issuesOf(error: TRPCError): string[] {
  return (errorDetails(error.cause)?.issues ?? []).map((i) => `${i.field ?? i.row ?? ""}:${i.message}`);
}

async function ownLine(database: ReliefDatabase) {
  const agreements = await callerAs(database, "qiye").portal.agreements();
  const line = agreements.find((a) => a.number === OWN_AGREEMENT)?.lines[0];
  if (!line) throw new Error("the demo enterprise has no stock line");
  return line;
}

async function lineOf(database: ReliefDatabase, number: string) {
  const [agreement] = (await callerAs(database, "shangwu").agreements.list({ search: number })).rows;
  const line = agreement?.lines[0];
  if (!line) throw new Error(`no agreement ${number}`);
  return line;
}

async function declaredWater(database: ReliefDatabase): Promise<number> {
  const summary = await callerAs(database, "shangwu").coverage.summary({ countDeclared: true });
  const water = summary.categories.find((c) => c.code === "drinking_water");
  if (!water) throw new Error("no drinking water category");
  return water.declaredQuantity;
}

describe("the enterprise portal", () => {
  let database: ReliefDatabase;
  let today: string;
  beforeEach(async () => {
    database = await createSeededDatabase();
    today = localDate(new Date());
  });

  it("binds qiye to the first demo enterprise and shows it only its own enterprise, agreements and sites", async () => {
    const portal = callerAs(database, "qiye");
    const me = await portal.portal.me();
    expect(me).toMatchObject({ name: OWN, creditCode: "91500113MA5U7A1B2J" });
    const agreements = await portal.portal.agreements();
    expect(agreements.map((a) => a.number)).toEqual([OWN_AGREEMENT]);
    expect(agreements[0]?.lines[0]?.declaration).toMatchObject({ months: 1, overdue: false });
    // The item's packs come with the line: the enterprise declares in boxes without the staff-only catalog.
    expect(agreements[0]?.lines[0]?.packs).toEqual([{ name: "箱", baseQuantity: 12 }]);
    expect((await portal.portal.sites()).map((s) => s.code)).toEqual(["QY01"]);
    const answers = await Promise.all([
      portal.portal.me(),
      portal.portal.agreements(),
      portal.portal.sites(),
      portal.portal.declarations({}),
      portal.portal.calloffs({}),
      portal.portal.credit(),
      portal.portal.declarationTemplate(),
    ]);
    const text = textOf(answers);
    for (const name of otherEnterpriseNames(database)) expect(text).not.toContain(name);
  });

  it("lists only its own declarations and call-offs, and exports only its own lines", async () => {
    const commerce = callerAs(database, "shangwu");
    const other = await lineOf(database, "BNSW-XY-2026-008");
    await commerce.agreements.calloff({ lineId: other.id, quantity: 10 });
    const own = await ownLine(database);
    await commerce.agreements.calloff({ lineId: own.id, quantity: 120 });

    const portal = callerAs(database, "qiye").portal;
    const declarations = await portal.declarations({});
    expect(declarations.rows.length).toBeGreaterThan(0);
    expect(new Set(declarations.rows.map((d) => d.agreementNumber))).toEqual(new Set([OWN_AGREEMENT]));
    const calloffs = await portal.calloffs({});
    expect(calloffs.rows.map((c) => [c.agreementNumber, c.quantity])).toEqual([[OWN_AGREEMENT, 120]]);
    expect(calloffs.total).toBe(1);

    const template = await portal.declarationTemplate();
    expect(template.fileName).toContain(OWN);
    const sheet = await readFirstSheet(Buffer.from(template.contentBase64, "base64"));
    if (!("rows" in sheet)) throw new Error("the template does not read back");
    expect(sheet.header.cells).toContain("批次号");
    expect(sheet.rows.map((r) => r.cells[0])).toEqual([OWN_AGREEMENT]);
  });

  it("refuses another enterprise's line without naming it, and writes nothing", async () => {
    const other = await lineOf(database, "BNSW-XY-2026-008");
    const before = counts(database);
    const error = await errorOf(
      callerAs(database, "qiye").portal.declare({
        declaredOn: today,
        lines: [{ lineId: other.id, quantity: 10 }],
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("第 1 行：不是本企业的协议储备行");
    for (const name of otherEnterpriseNames(database)) expect(textOf(error)).not.toContain(name);
    expect(textOf(error)).not.toContain("BNSW-XY-2026-008");
    expect(counts(database)).toEqual(before);

    const site = demoIds(database).warehouse("QY05");
    const own = await ownLine(database);
    const siteError = await errorOf(
      callerAs(database, "qiye").portal.declare({
        declaredOn: today,
        lines: [{ lineId: own.id, quantity: 10, warehouseId: site }],
      }),
    );
    expect(siteError.message).toBe("第 1 行：存放仓库不是本企业的代储点");
    expect(textOf(siteError)).not.toContain("示例超市");
    expect(counts(database)).toEqual(before);
  });

  it("refuses negative and fractional quantities in Chinese, naming the line, and writes nothing", async () => {
    const own = await ownLine(database);
    const before = counts(database);
    const portal = callerAs(database, "qiye").portal;
    const negative = await errorOf(
      portal.declare({ declaredOn: today, lines: [{ lineId: own.id, quantity: -5 }] }),
    );
    expect(negative.code).toBe("BAD_REQUEST");
    expect(issuesOf(negative)).toEqual(["lines.0.quantity:申报数量不能为负数"]);
    const fractional = await errorOf(
      portal.declare({ declaredOn: today, lines: [{ lineId: own.id, quantity: 2.5, unit: "箱" }] }),
    );
    expect(issuesOf(fractional)).toEqual(["lines.0.quantity:申报数量应为整数"]);
    const twice = await errorOf(
      portal.declare({
        declaredOn: today,
        lines: [
          { lineId: own.id, quantity: 5 },
          { lineId: own.id, quantity: 6 },
        ],
      }),
    );
    expect(twice.message).toContain("第 2 行：协议 BNSW-XY-2026-001 第 1 行已在第 1 行申报");
    const dates = await errorOf(
      portal.declare({
        declaredOn: today,
        lines: [{ lineId: own.id, quantity: 5, productionDate: "2026-03-01", expiryDate: "2026-02-01" }],
      }),
    );
    expect(dates.message).toContain("有效期（2026-02-01）应晚于生产日期（2026-03-01）");
    expect(counts(database)).toEqual(before);
  });

  it("counts an accepted declaration in coverage by exactly its quantity, and a returned one not at all", async () => {
    const own = await ownLine(database);
    // The seeded declaration of 204,000 bottles counts up to the 200,000 committed.
    const start = await declaredWater(database);
    const portal = callerAs(database, "qiye").portal;
    const commerce = callerAs(database, "shangwu");

    await portal.declare({
      declaredOn: today,
      lines: [{ lineId: own.id, quantity: 8000, unit: "箱", lotCode: "YYS-Q1", warehouseId: null }],
    });
    const [returned] = (await portal.declarations({ status: "submitted" })).rows;
    expect(returned).toMatchObject({ quantity: 96_000, status: "submitted", lotCode: "YYS-Q1" });
    expect(await declaredWater(database)).toBe(start);
    const refused = await errorOf(
      commerce.declarations.review({ id: returned?.id ?? 0, decision: "return" }),
    );
    expect(issuesOf(refused)).toEqual(["reason:请填写退回原因"]);
    await commerce.declarations.review({
      id: returned?.id ?? 0,
      decision: "return",
      reason: "批次与入库单不符",
    });
    expect(await declaredWater(database)).toBe(start);

    await portal.declare({
      declaredOn: today,
      lines: [
        {
          lineId: own.id,
          quantity: 12_500,
          unit: "箱",
          productionDate: "2026-01-05",
          expiryDate: "2027-01-04",
        },
      ],
    });
    const [accepted] = (await portal.declarations({ status: "submitted" })).rows;
    expect(accepted?.quantity).toBe(150_000);
    await commerce.declarations.review({ id: accepted?.id ?? 0, decision: "accept" });
    expect(await declaredWater(database)).toBe(start - 200_000 + 150_000);

    const again = await errorOf(
      commerce.declarations.review({ id: accepted?.id ?? 0, decision: "return", reason: "x" }),
    );
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toContain("已审核（已采纳）");
    const mine = await portal.declarations({});
    expect(mine.rows.find((d) => d.id === returned?.id)).toMatchObject({
      status: "returned",
      returnReason: "批次与入库单不符",
    });
  });

  it("keeps an accepted declaration's figures and review from being rewritten", async () => {
    const own = await ownLine(database);
    await callerAs(database, "qiye").portal.declare({
      declaredOn: today,
      lines: [{ lineId: own.id, quantity: 10 }],
    });
    const [row] = (await callerAs(database, "qiye").portal.declarations({ status: "submitted" })).rows;
    await callerAs(database, "shangwu").declarations.review({ id: row?.id ?? 0, decision: "accept" });
    const update = (set: string) => () =>
      database.sqlite.prepare(`UPDATE agreement_declarations SET ${set} WHERE id = ?`).run(row?.id ?? 0);
    expect(update("quantity = 99")).toThrow(/immutable/);
    expect(update("status = 'returned', return_reason = 'x'")).toThrow(/immutable/);
  });

  it("acknowledges a call-off with a departure time and reports what it cannot deliver", async () => {
    const commerce = callerAs(database, "shangwu");
    const own = await ownLine(database);
    const first = await commerce.agreements.calloff({ lineId: own.id, quantity: 1200 });
    const second = await commerce.agreements.calloff({ lineId: own.id, quantity: 600 });
    const portal = callerAs(database, "qiye").portal;

    const departure = new Date(Date.now() + 2 * 3_600_000).toISOString();
    await portal.acknowledgeCalloff({ id: first.id, estimatedDeparture: departure });
    const seen = (await commerce.agreements.calloffs({ id: first.id })).rows[0];
    expect(seen?.answer).toMatchObject({ kind: "acknowledged", estimatedDeparture: departure });

    const before = counts(database);
    const tooMuch = await errorOf(
      portal.cannotDeliver({ id: second.id, reason: "缺货", canDeliver: 50, unit: "箱" }),
    );
    expect(tooMuch.message).toContain("可交付数量不少于调用数量时请确认调用");
    expect(counts(database)).toEqual(before);

    await portal.cannotDeliver({ id: second.id, reason: "仓库进水，部分受损", canDeliver: 20, unit: "箱" });
    const reported = (await callerAs(database, "diaodu").agreements.calloffs({ id: second.id })).rows[0];
    expect(reported?.answer).toMatchObject({
      kind: "cannotDeliver",
      canDeliverQuantity: 240,
      reason: "仓库进水，部分受损",
    });
    const credit = await portal.credit();
    expect(credit.events.map((e) => e.kind)).toEqual(["failed_delivery"]);
    expect(credit.record.terms).toContainEqual({ term: "failed_delivery", points: -20 });
    await portal.cannotDeliver({ id: second.id, reason: "仍无法交付", canDeliver: 0 });
    expect((await portal.credit()).events).toHaveLength(1);
  });

  it("treats another enterprise's call-off as not found, naming nothing, and writes nothing", async () => {
    const other = await lineOf(database, "BNSW-XY-2026-008");
    const calloff = await callerAs(database, "shangwu").agreements.calloff({
      lineId: other.id,
      quantity: 10,
    });
    const before = counts(database);
    const portal = callerAs(database, "qiye").portal;
    const error = await errorOf(
      portal.acknowledgeCalloff({ id: calloff.id, estimatedDeparture: new Date().toISOString() }),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe(`调用单 #${calloff.id} 不存在`);
    const cannot = await errorOf(portal.cannotDeliver({ id: calloff.id, reason: "无" }));
    expect(cannot.code).toBe("NOT_FOUND");
    expect(textOf([error, cannot])).not.toContain(calloff.number);
    expect(counts(database)).toEqual(before);
    const row = database.sqlite
      .prepare("SELECT acknowledged_at AS at FROM agreement_calloffs WHERE id = ?")
      .get(calloff.id) as { at: string | null };
    expect(row.at).toBeNull();
  });

  it("imports a declaration sheet of its own lines and refuses rows of lines it does not hold", async () => {
    const portal = callerAs(database, "qiye").portal;
    const H = DECLARATION_HEADERS;
    const fill = (rows: Array<[string, number]>) =>
      Buffer.from(
        writeWorkbook([
          {
            name: "库存申报",
            rows: [
              [H.number, H.lineNo, H.item, H.declaredOn, H.quantity, H.unit, H.lotCode],
              ...rows.map(([number, lineNo]) => [number, lineNo, "YYS-1L", today, 1000, "瓶", "YYS-S1"]),
            ],
          },
        ]),
      ).toString("base64");
    const before = counts(database);
    const refused = await errorOf(
      portal.importDeclarations({
        fileName: "申报.xlsx",
        contentBase64: fill([
          [OWN_AGREEMENT, 1],
          ["BNSW-XY-2026-008", 1],
        ]),
      }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(issuesOf(refused)).toEqual(["3:本企业没有协议 BNSW-XY-2026-008 第 1 行"]);
    for (const name of otherEnterpriseNames(database)) expect(textOf(issuesOf(refused))).not.toContain(name);
    expect(counts(database)).toEqual(before);

    expect(
      await portal.importDeclarations({ fileName: "申报.xlsx", contentBase64: fill([[OWN_AGREEMENT, 1]]) }),
    ).toEqual({ declarations: 1 });
    expect((await portal.declarations({ status: "submitted" })).rows[0]).toMatchObject({
      quantity: 1000,
      source: "imported",
    });
  });

  it("lists overdue declarations for commerce by the agreement's cadence", async () => {
    const overdue = await callerAs(database, "shangwu").declarations.overdue({});
    // The store's agreement was last declared 95 days ago, monthly: long overdue. Water's, 20 days ago, is not.
    expect(overdue.rows.map((r) => r.agreementNumber)).toContain("BNSW-XY-2025-011");
    expect(overdue.rows.map((r) => r.agreementNumber)).not.toContain(OWN_AGREEMENT);
    expect(overdue.rows.every((r) => r.daysOverdue > 0 && r.dueOn < today)).toBe(true);
  });
});

describe("enterprise accounts", () => {
  let database: ReliefDatabase;
  beforeEach(async () => {
    database = await createSeededDatabase();
  });

  it("lets commerce create an enterprise user bound to one enterprise, and nothing else", async () => {
    const commerce = callerAs(database, "shangwu");
    const [enterprise] = (await commerce.enterprises.list({ search: "示例帐篷厂" })).rows;
    const created = await commerce.users.create({
      username: "tent.user",
      displayName: "帐篷厂 库管",
      role: "enterprise",
      enterpriseId: enterprise?.id ?? 0,
      password: "tent-warehouse-2026",
    });
    expect(created).toMatchObject({ role: "enterprise", enterpriseId: enterprise?.id });
    expect((await commerce.users.list()).map((u) => u.role)).toEqual(["enterprise", "enterprise"]);

    const before = counts(database);
    const staff = await errorOf(
      commerce.users.create({
        username: "fake.leader",
        displayName: "x",
        role: "leader",
        password: "tent-warehouse-2026",
      }),
    );
    expect(staff.code).toBe("FORBIDDEN");
    expect(staff.message).toBe("商务人员只能创建和管理企业用户");
    const unbound = await errorOf(
      callerAs(database, "admin").users.create({
        username: "no.enterprise",
        displayName: "x",
        role: "enterprise",
        password: "tent-warehouse-2026",
      }),
    );
    expect(unbound.message).toBe("企业用户必须绑定一家合作企业");
    const bound = await errorOf(
      callerAs(database, "admin").users.create({
        username: "bound.staff",
        displayName: "x",
        role: "dispatcher",
        enterpriseId: enterprise?.id ?? 0,
        password: "tent-warehouse-2026",
      }),
    );
    expect(bound.message).toBe("只有企业用户才绑定企业，调度人员账号不能绑定");
    const admin = (await callerAs(database, "admin").users.list()).find((u) => u.username === "admin");
    expect((await errorOf(commerce.users.update({ id: admin?.id ?? 0, active: false }))).code).toBe(
      "FORBIDDEN",
    );
    expect(counts(database)).toEqual(before);
    // The database holds the rule too.
    expect(() =>
      database.sqlite.prepare("UPDATE users SET enterprise_id = NULL WHERE username = 'qiye'").run(),
    ).toThrow(/CHECK/);
  });
});
