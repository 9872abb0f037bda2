import type { ReliefDatabase } from "@relief/db";
import { beforeEach, describe, expect, it } from "vitest";
import { recordCreditEvent } from "../../enterprises/credit";
import { actorFor, contextFor, createSeededDatabase, demoIds, zhIssues, zhThrown } from "../../testing";
import { addDays, localDate } from "../../time";
import { confirmCalloff, createCalloff } from "../calloffs";
import { agreementViews } from "../list";
import { declareStock, verifyStock } from "../records";
import { createAgreement } from "../save";
import type { CreateAgreementInput } from "../schemas";

let database: ReliefDatabase;
let ids: ReturnType<typeof demoIds>;
const NOW = new Date();
const now = NOW.toISOString();
const today = localDate(NOW);

const TABLES = [
  "agreements",
  "agreement_lines",
  "agreement_declarations",
  "agreement_verifications",
  "agreement_calloffs",
  "credit_events",
  "audit_log",
];
const tally = () =>
  TABLES.map((t) => (database.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n);

/** Runs an action that must fail, checks that it wrote nothing, and returns its message. */
function refusedWithoutWriting(action: () => unknown): string {
  const before = tally();
  let message = "";
  expect(() => {
    try {
      action();
    } catch (error) {
      message = zhThrown(() => {
        throw error;
      });
      throw error;
    }
  }).toThrow();
  expect(tally()).toEqual(before);
  return message;
}

const commerce = () => ({ ...contextFor(database, actorFor(database, "shangwu")), now: () => NOW });

beforeEach(async () => {
  database = await createSeededDatabase();
  ids = demoIds(database);
});

/** The water line (瓶, 箱 of 12) of the demo's active stock agreement. */
function waterLine() {
  const agreement = agreementViews(database.db, { kind: "stock", status: "active" }, now).find((a) =>
    a.lines.some((l) => l.itemId === ids.item("YYS-1L")),
  );
  const line = agreement?.lines.find((l) => l.itemId === ids.item("YYS-1L"));
  if (!agreement || !line) throw new Error("no demo water agreement");
  return { agreement, line };
}

describe("agreement quantities", () => {
  it("refuses declarations, verifications, call-offs and deliveries over the ceiling once converted", () => {
    const ctx = commerce();
    const { line } = waterLine();
    const packs = 100_000_000;
    expect(
      refusedWithoutWriting(() =>
        declareStock({ ctx, input: { lineId: line.id, declaredOn: today, quantity: packs, unit: "箱" } }),
      ),
    ).toBe("申报数量折合 1,200,000,000 瓶，超过单行上限 1,000,000,000 瓶");
    expect(
      refusedWithoutWriting(() =>
        verifyStock({
          ctx,
          input: { lineId: line.id, inspectedOn: today, quantity: packs, unit: "箱", inspector: "张三" },
        }),
      ),
    ).toBe("核查数量折合 1,200,000,000 瓶，超过单行上限 1,000,000,000 瓶");
    expect(
      refusedWithoutWriting(() =>
        createCalloff({ ctx, input: { lineId: line.id, quantity: packs, unit: "箱" } }),
      ),
    ).toBe("调用数量折合 1,200,000,000 瓶，超过单行上限 1,000,000,000 瓶");
    const calloff = createCalloff({ ctx, input: { lineId: line.id, quantity: 1 } });
    expect(
      refusedWithoutWriting(() =>
        confirmCalloff({
          ctx,
          input: {
            id: calloff.id,
            deliveredQuantity: packs,
            unit: "箱",
            deliveredAt: now,
            confirmedBy: "李四",
          },
        }),
      ),
    ).toBe("交付数量折合 1,200,000,000 瓶，超过单行上限 1,000,000,000 瓶");
    expect(
      refusedWithoutWriting(() =>
        declareStock({
          ctx,
          input: { lineId: line.id, declaredOn: today, quantity: Number.MAX_SAFE_INTEGER },
        }),
      ),
    ).toMatch(/申报数量超过单行上限 1,000,000,000/);
  });

  it("refuses an agreement line whose committed packs exceed the ceiling, beside that line", () => {
    const { agreement, line } = waterLine();
    const input: CreateAgreementInput = {
      number: "TEST-CEIL-1",
      enterpriseId: agreement.enterpriseId,
      kind: "stock",
      startDate: addDays(today, -1),
      endDate: addDays(today, 300),
      lines: [
        {
          itemId: ids.item("YYS-1L"),
          quantity: 1000,
          unit: "箱",
          responseHours: 6,
          warehouseId: line.warehouseId,
        },
        {
          itemId: ids.item("FBSP-01"),
          quantity: 900_000_000,
          unit: "箱",
          responseHours: 6,
          warehouseId: line.warehouseId,
        },
      ],
    };
    let issues: unknown;
    refusedWithoutWriting(() => {
      try {
        createAgreement({ ctx: commerce(), input });
      } catch (error) {
        issues = zhIssues(error);
        throw error;
      }
    });
    expect(issues).toEqual([
      {
        field: "lines.1.quantity",
        message: expect.stringMatching(/^第 2 行数量折合 [\d,]+ 袋，超过单行上限 1,000,000,000 袋$/),
      },
    ]);
  });
});

describe("agreement dates", () => {
  it("refuses a declaration dated 1900 or tomorrow and a verification in year 0000, writing nothing", () => {
    const ctx = commerce();
    const { line } = waterLine();
    expect(
      refusedWithoutWriting(() =>
        declareStock({ ctx, input: { lineId: line.id, declaredOn: "1900-01-01", quantity: 1 } }),
      ),
    ).toContain("申报日期不能早于 2000-01-01");
    expect(
      refusedWithoutWriting(() =>
        declareStock({ ctx, input: { lineId: line.id, declaredOn: addDays(today, 1), quantity: 1 } }),
      ),
    ).toBe(`申报日期不能晚于今天（${today}）`);
    expect(
      refusedWithoutWriting(() =>
        verifyStock({
          ctx,
          input: { lineId: line.id, inspectedOn: "0000-01-01", quantity: 1, inspector: "张三" },
        }),
      ),
    ).toContain("核查日期不能早于 2000-01-01");
  });

  it("keeps agreement periods within 2000–2100 and signing dates in the past", () => {
    const { agreement, line } = waterLine();
    const input = (dates: Partial<CreateAgreementInput>): CreateAgreementInput => ({
      number: "TEST-DATE-1",
      enterpriseId: agreement.enterpriseId,
      kind: "stock",
      startDate: today,
      endDate: addDays(today, 300),
      lines: [{ itemId: ids.item("YYS-1L"), quantity: 10, responseHours: 6, warehouseId: line.warehouseId }],
      ...dates,
    });
    const ctx = commerce();
    expect(
      refusedWithoutWriting(() => createAgreement({ ctx, input: input({ endDate: "9999-12-31" }) })),
    ).toContain("结束日期不能晚于 2100-12-31");
    expect(
      refusedWithoutWriting(() => createAgreement({ ctx, input: input({ startDate: "1999-12-31" }) })),
    ).toContain("开始日期不能早于 2000-01-01");
    expect(
      refusedWithoutWriting(() => createAgreement({ ctx, input: input({ signedOn: addDays(today, 1) }) })),
    ).toBe(`签订日期不能晚于今天（${today}）`);
  });

  it("refuses call-offs requested before 2000 and a credit event dated in the future", () => {
    const ctx = commerce();
    const { agreement, line } = waterLine();
    expect(
      refusedWithoutWriting(() =>
        createCalloff({ ctx, input: { lineId: line.id, quantity: 1, requestedAt: "1999-06-01T00:00:00Z" } }),
      ),
    ).toContain("调用时间不能早于 2000-01-01");
    expect(
      refusedWithoutWriting(() =>
        recordCreditEvent({
          ctx,
          input: {
            enterpriseId: agreement.enterpriseId,
            occurredOn: addDays(today, 1),
            kind: "commendation",
            note: "测试",
          },
        }),
      ),
    ).toBe(`发生日期不能晚于今天（${today}）`);
  });
});
