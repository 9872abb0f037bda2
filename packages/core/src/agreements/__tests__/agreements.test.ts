import {
  agreementDeclarations,
  agreementLines,
  agreements,
  areas,
  auditLog,
  type ReliefDatabase,
} from "@relief/db";
import { msg, renderMessage } from "@relief/domain";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { creditRecord, recordCreditEvent } from "../../enterprises/credit";
import { enterpriseSummaries, getEnterpriseDetail } from "../../enterprises/list";
import { createEnterprise } from "../../enterprises/save";
import { DomainError } from "../../errors";
import { actorFor, contextFor, createSeededDatabase, demoIds, zhIssues, zhThrown } from "../../testing";
import { addDays, localDate } from "../../time";
import { createWarehouse } from "../../warehouses/save";
import { cancelCalloff, confirmCalloff, createCalloff } from "../calloffs";
import { listCalloffs, listDeclarations, listVerifications } from "../history";
import { agreementViews, getAgreement, listAgreements } from "../list";
import { declareStock, verifyStock } from "../records";
import { createAgreement, terminateAgreement, updateAgreement } from "../save";
import type { CreateAgreementInput } from "../schemas";

let database: ReliefDatabase;
let ids: ReturnType<typeof demoIds>;
const NOW = new Date();
const now = NOW.toISOString();
const today = localDate(NOW);
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000).toISOString();

function commerce() {
  return { ...contextFor(database, actorFor(database, "shangwu")), now: () => NOW };
}

/** A fresh partner enterprise with one enterprise warehouse, apart from the demo data. */
function partner() {
  const ctx = commerce();
  const enterprise = createEnterprise({
    ctx,
    input: { name: "测试用饮用水批发公司", creditCode: "91350100M000100Y43", kind: "wholesale_retail" },
  });
  const warehouse = createWarehouse({
    ctx: contextFor(database),
    input: {
      code: "QYT1",
      name: "测试企业仓",
      kind: "enterprise",
      organisation: enterprise.name,
      enterpriseId: enterprise.id,
      areaId: townshipId(),
    },
  });
  return { enterprise, warehouse };
}

function townshipId(): number {
  return database.db.select({ id: areas.id }).from(areas).where(eq(areas.level, "township")).get()?.id ?? 0;
}

const counts = () => ({
  agreements: database.db.select({ n: count() }).from(agreements).get()?.n ?? 0,
  lines: database.db.select({ n: count() }).from(agreementLines).get()?.n ?? 0,
  audit: database.db.select({ n: count() }).from(auditLog).get()?.n ?? 0,
});

beforeEach(async () => {
  database = await createSeededDatabase();
  ids = demoIds(database);
});

function waterAgreement(enterpriseId: number, warehouseId: number): CreateAgreementInput {
  return {
    number: "TEST-XY-001",
    enterpriseId,
    kind: "stock",
    startDate: addDays(today, -10),
    endDate: addDays(today, 355),
    lines: [
      {
        itemId: ids.item("YYS-1L"),
        quantity: 1000,
        unit: "箱",
        responseHours: 6,
        warehouseId,
        unitPriceFen: 150,
        reserveFundFen: 1_800_000,
        rotationDuty: "到期前三个月轮换",
      },
    ],
  };
}

describe("agreements", () => {
  it("registers a stock agreement, converting packs to base units, and audits it", () => {
    const { enterprise, warehouse } = partner();
    const before = counts();
    const created = createAgreement({ ctx: commerce(), input: waterAgreement(enterprise.id, warehouse.id) });
    expect(created).toMatchObject({
      number: "TEST-XY-001",
      enterpriseName: "测试用饮用水批发公司",
      status: "active",
      inForce: true,
      daysToEnd: 355,
    });
    expect(created.lines).toEqual([
      expect.objectContaining({
        lineNo: 1,
        itemName: "瓶装饮用水",
        quantity: 12_000,
        warehouseName: "测试企业仓",
        flags: ["unverified", "undeclared"],
      }),
    ]);
    expect(counts()).toEqual({
      agreements: before.agreements + 1,
      lines: before.lines + 1,
      audit: before.audit + 1,
    });
    expect(getEnterpriseDetail(database.db, enterprise.id, now).agreements.map((a) => a.number)).toEqual([
      "TEST-XY-001",
    ]);
  });

  it("rejects bad agreements with every problem beside its field, writing nothing", () => {
    const { enterprise, warehouse } = partner();
    const before = counts();
    const ctx = commerce();
    const base = waterAgreement(enterprise.id, warehouse.id);
    expect(
      zhThrown(() =>
        createAgreement({ ctx, input: { ...base, startDate: today, endDate: addDays(today, -1) } }),
      ),
    ).toContain("结束日期不能早于开始日期");
    const qj01 = ids.warehouse("QJ01");
    const otherCompanyWarehouse = ids.warehouse("QY01");
    try {
      createAgreement({
        ctx,
        input: {
          ...base,
          lines: [
            { itemId: ids.item("YYS-1L"), quantity: 10, responseHours: 6, warehouseId: null },
            { itemId: ids.item("MB-01"), quantity: 10, responseHours: 6, warehouseId: qj01 },
            { itemId: ids.item("MB-01"), quantity: 10, responseHours: 6, warehouseId: otherCompanyWarehouse },
            { itemId: 99_999, quantity: 10, responseHours: 6, warehouseId: warehouse.id },
            {
              itemId: ids.item("FBSP-01"),
              quantity: 10,
              unit: "吨",
              responseHours: 6,
              warehouseId: warehouse.id,
            },
            { itemId: ids.item("FBSP-01"), quantity: 10, responseHours: 6, warehouseId: warehouse.id },
            { vehicleType: "medium", quantity: 2, responseHours: 4, warehouseId: warehouse.id },
          ],
        },
      });
      expect.unreachable();
    } catch (error) {
      expect(zhIssues(error)).toEqual([
        { field: "lines.0.warehouseId", message: "请选择存放协议物资的企业仓库" },
        { field: "lines.1.warehouseId", message: "“巴南区救灾物资储备库”不是企业仓库" },
        { field: "lines.2.warehouseId", message: "“示例饮品批发李家沱仓”不属于企业“测试用饮用水批发公司”" },
        { field: "lines.3.itemId", message: "物资 #99999 不存在" },
        { field: "lines.4.unit", message: "第 5 行：“方便食品（压缩干粮）”没有单位“吨”（可用：袋、箱）" },
        { field: "lines.5.itemId", message: "与第 5 行重复" },
        { field: "lines.6.itemId", message: "请选择物资" },
        { field: "lines.6.vehicleType", message: "物资协议的行不填车型" },
      ]);
    }
    expect(
      zhThrown(() =>
        createAgreement({
          ctx,
          input: {
            ...base,
            kind: "transport",
            lines: [{ itemId: ids.item("MB-01"), quantity: 2, responseHours: 4 }],
          },
        }),
      ),
    ).toContain("请选择车型；运力协议的行不填物资");
    expect(zhThrown(() => createAgreement({ ctx, input: { ...base, lines: [] } }))).toContain(
      "协议至少要有一行",
    );
    expect(
      zhThrown(() =>
        createAgreement({ ctx, input: { ...base, lines: [{ ...base.lines[0], quantity: -5 } as never] } }),
      ),
    ).toContain("数量应大于 0");
    expect(counts()).toEqual(before);
  });

  it("rejects a duplicate agreement number and a suspended enterprise", () => {
    const { enterprise, warehouse } = partner();
    const ctx = commerce();
    createAgreement({ ctx, input: waterAgreement(enterprise.id, warehouse.id) });
    const before = counts();
    expect(
      zhThrown(() => createAgreement({ ctx, input: waterAgreement(enterprise.id, warehouse.id) })),
    ).toContain("协议编号 TEST-XY-001 已存在");
    const suspended = enterpriseSummaries(database.db, now).find((e) => e.status === "suspended");
    expect(suspended?.flagged).toBe(true);
    expect(
      zhThrown(() =>
        createAgreement({
          ctx,
          input: {
            number: "TEST-CN-002",
            enterpriseId: suspended?.id ?? 0,
            kind: "production",
            startDate: today,
            endDate: addDays(today, 100),
            lines: [{ itemId: ids.item("JTB-01"), quantity: 10, responseHours: 24 }],
          },
        }),
      ),
    ).toContain("已暂停合作，不能签订新协议");
    expect(counts()).toEqual(before);
  });

  it("refuses in English with the enterprise's name as the only Chinese", () => {
    const ctx = commerce();
    const suspended = enterpriseSummaries(database.db, now).find((e) => e.status === "suspended");
    const english = (action: () => unknown) => {
      try {
        action();
      } catch (error) {
        if (error instanceof DomainError) return renderMessage(error.text, "en-US");
        throw error;
      }
      throw new Error("expected a refusal");
    };
    const refusal = english(() =>
      createAgreement({
        ctx,
        input: {
          number: "TEST-CN-002",
          enterpriseId: suspended?.id ?? 0,
          kind: "transport",
          startDate: today,
          endDate: addDays(today, 100),
          lines: [{ itemId: ids.item("JTB-01"), quantity: 10, responseHours: 24 }],
        },
      }),
    );
    expect(refusal).toBe(
      `Cooperation with “${suspended?.name}” is suspended; no new agreement can be signed; ` +
        "Please choose Truck type; Lines of a transport agreement have no item",
    );
    expect(refusal.replace(suspended?.name ?? "", "")).not.toMatch(/\p{Script=Han}/u);
  });

  it("edits an agreement, but never the subject of a line with records or a line with records away", () => {
    const { enterprise, warehouse } = partner();
    const ctx = commerce();
    const created = createAgreement({ ctx, input: waterAgreement(enterprise.id, warehouse.id) });
    const line = created.lines[0];
    declareStock({ ctx, input: { lineId: line?.id ?? 0, declaredOn: today, quantity: 12_000 } });
    const input = { ...waterAgreement(enterprise.id, warehouse.id), id: created.id };
    const renewed = updateAgreement({
      ctx,
      input: {
        ...input,
        endDate: addDays(today, 700),
        lines: [
          { ...input.lines[0], id: line?.id, unit: undefined, quantity: 15_000 } as never,
          { itemId: ids.item("FBSP-01"), quantity: 500, responseHours: 8, warehouseId: warehouse.id },
        ],
      },
    });
    expect(renewed.daysToEnd).toBe(700);
    expect(renewed.lines.map((l) => [l.lineNo, l.itemName, l.quantity])).toEqual([
      [1, "瓶装饮用水", 15_000],
      [2, "方便食品（压缩干粮）", 500],
    ]);
    expect(
      zhThrown(() => updateAgreement({ ctx, input: { ...input, lines: [input.lines[0] as never] } })),
    ).toContain("原第 1 行已有申报、核查或调用记录，不能删除");
    expect(
      zhThrown(() =>
        updateAgreement({
          ctx,
          input: {
            ...input,
            lines: [{ ...input.lines[0], id: line?.id, itemId: ids.item("MB-01"), unit: undefined } as never],
          },
        }),
      ),
    ).toContain("第 1 行已有申报、核查或调用记录，不能更换物资、车型或仓库");
    expect(getAgreement(database.db, created.id, now).lines).toHaveLength(2);
  });

  it("terminates an agreement once; from then it no longer counts", () => {
    const { enterprise, warehouse } = partner();
    const ctx = commerce();
    const created = createAgreement({ ctx, input: waterAgreement(enterprise.id, warehouse.id) });
    expect(
      zhThrown(() =>
        terminateAgreement({
          ctx,
          input: { id: created.id, terminatedOn: addDays(today, 400), reason: "x" },
        }),
      ),
    ).toContain("终止日期不能晚于协议结束日期");
    const ended = terminateAgreement({
      ctx,
      input: { id: created.id, terminatedOn: today, reason: "企业搬迁" },
    });
    expect(ended).toMatchObject({ status: "terminated", inForce: false, terminationReason: "企业搬迁" });
    expect(
      zhThrown(() =>
        terminateAgreement({ ctx, input: { id: created.id, terminatedOn: today, reason: "y" } }),
      ),
    ).toContain(`已于 ${today} 终止`);
    expect(
      zhThrown(() =>
        declareStock({ ctx, input: { lineId: ended.lines[0]?.id ?? 0, declaredOn: today, quantity: 1 } }),
      ),
    ).toContain(`协议 TEST-XY-001 已于 ${today} 终止，不能再申报`);
  });
});

describe("declarations and verification", () => {
  it("keeps declared and verified figures side by side, flagging what needs checking", () => {
    const { enterprise, warehouse } = partner();
    const ctx = commerce();
    const created = createAgreement({ ctx, input: waterAgreement(enterprise.id, warehouse.id) });
    const lineId = created.lines[0]?.id ?? 0;
    declareStock({ ctx, input: { lineId, declaredOn: addDays(today, -100), quantity: 1000, unit: "箱" } });
    let detail = verifyStock({
      ctx,
      input: {
        lineId,
        inspectedOn: addDays(today, -95),
        quantity: 11_500,
        inspector: "张三",
        findings: "少 500 瓶",
      },
    });
    expect(detail.lines[0]).toMatchObject({
      latestDeclaration: { declaredOn: addDays(today, -100), quantity: 12_000 },
      latestVerification: { inspectedOn: addDays(today, -95), quantity: 11_500, inspector: "张三" },
      flags: ["verification_stale", "declaration_outdated", "below_commitment"],
    });
    declareStock({ ctx, input: { lineId, declaredOn: today, quantity: 12_000 } });
    detail = verifyStock({ ctx, input: { lineId, inspectedOn: today, quantity: 12_000, inspector: "李四" } });
    expect(detail.lines[0]?.flags).toEqual([]);
    expect(listDeclarations(database.db, { lineId }).rows.map((d) => d.quantity)).toEqual([12_000, 12_000]);
    expect(listVerifications(database.db, { lineId }).rows.map((v) => [v.inspector, v.quantity])).toEqual([
      ["李四", 12_000],
      ["张三", 11_500],
    ]);
  });

  it("refuses future dates, capacity lines and negative figures; records are immutable", () => {
    const ctx = commerce();
    const production = listAgreements(database.db, { kind: "production" }, now).rows[0];
    expect(
      zhThrown(() =>
        declareStock({
          ctx,
          input: { lineId: production?.lines[0]?.id ?? 0, declaredOn: today, quantity: 1 },
        }),
      ),
    ).toContain("只有协议储备的物资行才能申报");
    const stock = listAgreements(database.db, { kind: "stock", status: "active" }, now).rows[0];
    const lineId = stock?.lines[0]?.id ?? 0;
    const records = () => [
      listDeclarations(database.db, { agreementId: stock?.id }).total,
      listVerifications(database.db, { agreementId: stock?.id }).total,
    ];
    const before = records();
    expect(
      zhThrown(() => declareStock({ ctx, input: { lineId, declaredOn: addDays(today, 1), quantity: 1 } })),
    ).toContain("日期不能晚于今天");
    expect(
      zhThrown(() =>
        verifyStock({ ctx, input: { lineId, inspectedOn: today, quantity: -1, inspector: "张三" } }),
      ),
    ).toContain("数量不能为负数");
    expect(
      zhThrown(() =>
        verifyStock({ ctx, input: { lineId, inspectedOn: today, quantity: 1, inspector: " " } }),
      ),
    ).toContain("请填写核查人");
    expect(() =>
      database.db
        .update(agreementDeclarations)
        .set({ quantity: 1 })
        .where(eq(agreementDeclarations.lineId, lineId))
        .run(),
    ).toThrow("immutable");
    expect(records()).toEqual(before);
  });
});

describe("call-offs and credit", () => {
  function transport() {
    const { enterprise } = partner();
    const created = createAgreement({
      ctx: commerce(),
      input: {
        number: "TEST-YL-001",
        enterpriseId: enterprise.id,
        kind: "transport",
        startDate: addDays(today, -30),
        endDate: addDays(today, 300),
        lines: [{ vehicleType: "medium", quantity: 10, responseHours: 4 }],
      },
    });
    return { enterprise, lineId: created.lines[0]?.id ?? 0 };
  }

  it("calls off with the response time as the default deadline, never beyond the commitment", () => {
    const { lineId } = transport();
    const ctx = commerce();
    const first = createCalloff({ ctx, input: { lineId, quantity: 6, requestedAt: hours(-5) } });
    expect(first).toMatchObject({
      // Numbered by the month it was requested in (district time), which near a month's start is the last.
      number: expect.stringMatching(
        new RegExp(`^DY-${localDate(hours(-5)).slice(0, 7).replace("-", "")}-\\d{4}$`),
      ),
      requiredBy: hours(-1),
      status: "overdue",
    });
    expect(zhThrown(() => createCalloff({ ctx, input: { lineId, quantity: 5 } }))).toContain(
      "调用数量超过协议承诺：承诺 10 辆，尚未交付的调用 6 辆，本次最多 4 辆",
    );
    expect(
      zhThrown(() => createCalloff({ ctx, input: { lineId, quantity: 1, requestedAt: hours(1) } })),
    ).toContain("调用时间不能晚于现在");
    expect(
      zhThrown(() =>
        createCalloff({ ctx, input: { lineId, quantity: 1, requestedAt: hours(-2), requiredBy: hours(-3) } }),
      ),
    ).toContain("要求到达时间应晚于调用时间");
    const expired = listAgreements(database.db, { status: "expired" }, now).rows[0];
    expect(
      zhThrown(() => createCalloff({ ctx, input: { lineId: expired?.lines[0]?.id ?? 0, quantity: 1 } })),
    ).toContain("在调用时不在有效期内");
    expect(listCalloffs(database.db, { lineId }, now).total).toBe(1);
  });

  it("confirms deliveries once, and the credit record follows on-time and fill rates and events", () => {
    const { enterprise, lineId } = transport();
    const ctx = commerce();
    expect(creditRecord(database.db, enterprise.id, now)).toMatchObject({
      grade: "unrated",
      onTimeRate: null,
      flagged: false,
    });

    const onTime = createCalloff({ ctx, input: { lineId, quantity: 5, requestedAt: hours(-10) } });
    expect(
      confirmCalloff({
        ctx,
        input: { id: onTime.id, deliveredQuantity: 5, deliveredAt: hours(-7), confirmedBy: "王五" },
      }),
    ).toMatchObject({ status: "on_time", deliveredQuantity: 5, confirmedBy: "王五" });
    expect(
      zhThrown(() =>
        confirmCalloff({
          ctx,
          input: { id: onTime.id, deliveredQuantity: 5, deliveredAt: hours(-7), confirmedBy: "王五" },
        }),
      ),
    ).toContain("已确认交付");

    const late = createCalloff({ ctx, input: { lineId, quantity: 4, requestedAt: hours(-9) } });
    expect(
      zhThrown(() =>
        confirmCalloff({
          ctx,
          input: { id: late.id, deliveredQuantity: 5, deliveredAt: hours(-1), confirmedBy: "王五" },
        }),
      ),
    ).toContain("交付数量 5 超过调用数量 4");
    expect(
      zhThrown(() =>
        confirmCalloff({
          ctx,
          input: { id: late.id, deliveredQuantity: 3, deliveredAt: hours(-10), confirmedBy: "王五" },
        }),
      ),
    ).toContain("交付时间不能早于调用时间");
    expect(
      confirmCalloff({
        ctx,
        input: { id: late.id, deliveredQuantity: 3, deliveredAt: hours(-1), confirmedBy: "王五" },
      }),
    ).toMatchObject({ status: "partial" });

    const cancelled = createCalloff({ ctx, input: { lineId, quantity: 2, requestedAt: hours(-8) } });
    expect(cancelCalloff({ ctx, input: { id: cancelled.id, reason: "灾情解除" } })).toMatchObject({
      status: "cancelled",
    });

    // 2 due (the cancelled one does not count), 1 on time; 8 of 9 trucks: 100 − 15 − 3.3 = 82 → B.
    expect(creditRecord(database.db, enterprise.id, now)).toMatchObject({
      calloffsDue: 2,
      calloffsOnTime: 1,
      quantityRequested: 9,
      quantityDelivered: 8,
      score: 82,
      grade: "B",
      flagged: false,
    });
    recordCreditEvent({
      ctx,
      input: {
        enterpriseId: enterprise.id,
        occurredOn: today,
        kind: "refused_inspection",
        note: "拒绝开放车库",
      },
    });
    const record = creditRecord(database.db, enterprise.id, now);
    expect(record).toMatchObject({ score: 57, grade: "D", flagged: true });
    expect(record.terms.map((t) => renderMessage(msg(`enterprises.creditTerm.${t.term}`), "en-US"))).toEqual([
      "On-time delivery rate",
      "Fill rate",
      "Refused inspections",
    ]);
    expect(
      zhThrown(() =>
        recordCreditEvent({
          ctx,
          input: {
            enterpriseId: enterprise.id,
            occurredOn: addDays(today, 1),
            kind: "commendation",
            note: "x",
          },
        }),
      ),
    ).toContain("发生日期不能晚于今天");
    expect(getEnterpriseDetail(database.db, enterprise.id, now).creditEvents).toHaveLength(1);
    expect(listAgreements(database.db, { enterpriseId: enterprise.id }, now).rows[0]).toMatchObject({
      enterpriseGrade: "D",
      enterpriseFlagged: true,
    });
  });
});

describe("Banan demo commerce data", () => {
  it("has ten fictitious enterprises and agreements in every state the bureau deals with", () => {
    const enterprises = enterpriseSummaries(database.db, now);
    expect(enterprises).toHaveLength(10);
    expect(enterprises.every((e) => e.name.includes("示例"))).toBe(true);
    const all = agreementViews(database.db, {}, now);
    expect(all.filter((a) => a.status === "expiring").map((a) => a.number)).toEqual(["BNSW-XY-2026-002"]);
    expect(all.filter((a) => a.status === "expired").map((a) => a.number)).toEqual(["BNSW-XY-2025-005"]);
    expect(all.filter((a) => a.kind === "production")).toHaveLength(2);
    expect(all.filter((a) => a.kind === "transport")).toHaveLength(2);
    const stockLines = all.filter((a) => a.kind === "stock").flatMap((a) => a.lines);
    expect(stockLines.some((l) => l.latestDeclaration && !l.latestVerification)).toBe(true);
    expect(stockLines.some((l) => l.latestDeclaration && l.latestVerification)).toBe(true);
    expect(enterprises.find((e) => e.name === "示例百货商贸有限公司")).toMatchObject({
      grade: "D",
      flagged: true,
    });
  });
});
