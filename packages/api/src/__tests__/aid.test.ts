import { createSeededDatabase, demoIds, zhIssues } from "@relief/core/testing";
import type { ReliefDatabase } from "@relief/db";
import { renderMessage } from "@relief/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, errorOf } from "../testing";

/** Mutual aid over the API: dispatchers ask and record replies, stock keepers book the goods, staff read. */
describe("mutual aid over the API", () => {
  let database: ReliefDatabase;
  let ids: ReturnType<typeof demoIds>;
  let incidentId: number;
  let nanan: number;
  let township: number;
  const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

  beforeAll(async () => {
    database = await createSeededDatabase();
    ids = demoIds(database);
    const diaodu = callerAs(database, "diaodu");
    nanan = (await diaodu.neighbours.list({ search: "南岸" })).rows[0]?.id ?? 0;
    township = (await diaodu.areas.list()).areas.find((a) => a.name === "李家沱街道")?.id ?? 0;
    incidentId = (
      await diaodu.incidents.create({
        type: "flood",
        title: "互助",
        startedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
        areas: [{ areaId: township, affected: 1000, relocated: 600 }],
      })
    ).id;
  });

  const ask = (change: object = {}) =>
    callerAs(database, "diaodu").aid.request({
      neighbourId: nanan,
      incidentId,
      deliveryAreaId: township,
      neededBy: inHours(6),
      lines: [{ itemId: ids.item("ZP-12"), quantity: 200 }],
      ...change,
    });

  it("lists the register for every staff role and lets the leader read, not write", async () => {
    const page = await callerAs(database, "lingdao").neighbours.list();
    expect(page.total).toBe(10);
    const view = await callerAs(database, "minzheng").neighbours.get({ id: nanan });
    expect(view.entryNodeName).toContain("南岸区方向");
    const error = await errorOf(
      callerAs(database, "lingdao").neighbours.update({ id: nanan, entryNodeId: null }),
    );
    expect(error.code).toBe("FORBIDDEN");
    const template = await callerAs(database, "diaodu").neighbours.lendableTemplate({ id: nanan });
    expect(template.contentBase64.length).toBeGreaterThan(100);
  });

  it("refuses negative and fractional quantities beside their line, an unknown neighbour, a past needed-by", async () => {
    const before = (await callerAs(database, "diaodu").aid.list()).total;
    const negative = await errorOf(ask({ lines: [{ itemId: ids.item("ZP-12"), quantity: -1 }] }));
    expect(zhIssues(negative.cause)).toEqual([{ field: "lines.0.quantity", message: "数量应大于 0" }]);
    const fraction = await errorOf(ask({ lines: [{ itemId: ids.item("ZP-12"), quantity: 0.5 }] }));
    expect(zhIssues(fraction.cause)[0]?.field).toBe("lines.0.quantity");
    const unknown = await errorOf(ask({ neighbourId: 4242 }));
    expect(unknown.message).toBe("邻近区县 #4242 不存在");
    const past = await errorOf(ask({ neededBy: inHours(-2) }));
    expect(zhIssues(past.cause)[0]?.field).toBe("neededBy");
    expect((await callerAs(database, "diaodu").aid.list()).total).toBe(before);
  });

  it("asks, records the reply, refuses a reply once cancelled, and offers the request document", async () => {
    const diaodu = callerAs(database, "diaodu");
    const aid = await ask();
    const replied = await diaodu.aid.reply({
      requestId: aid.id,
      arriveAt: inHours(2),
      lines: [{ itemId: ids.item("ZP-12"), quantity: 200 }],
      trucks: [{ plate: "渝B 12345", driver: "陈师傅" }],
    });
    expect(replied.status).toBe("promised");
    expect(replied.replies[0]?.trucks[0]?.plate).toBe("渝B12345");
    const sheet = await callerAs(database, "lingdao").aid.requestSheet({ requestId: aid.id });
    expect(sheet.fileName).toBe(`互助请求单_${aid.number}.xlsx`);
    await diaodu.aid.cancel({ requestId: aid.id, reason: "市级统筹调运" });
    const refused = await errorOf(
      diaodu.aid.reply({
        requestId: aid.id,
        arriveAt: inHours(3),
        lines: [{ itemId: ids.item("ZP-12"), quantity: 100 }],
        trucks: [{ plate: "渝B54321" }],
      }),
    );
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe(`互助请求 ${aid.number} 已取消，不能再登记答复`);
    expect((await diaodu.aid.get({ requestId: aid.id })).replies).toHaveLength(1);
  });

  it("books the arrival for stock keepers only, as loan stock listed among the loans", async () => {
    const aid = await ask();
    const input = {
      requestId: aid.id,
      warehouseId: ids.warehouse("QJ01"),
      lines: [{ itemId: ids.item("ZP-12"), lotCode: "NA-TENT-1", quantity: 120 }],
    };
    expect((await errorOf(callerAs(database, "diaodu").aid.receive(input))).code).toBe("FORBIDDEN");
    const { aid: after } = await callerAs(database, "admin").aid.receive(input);
    expect(after.lines[0]).toMatchObject({ delivered: 120, returned: 0 });
    expect(after.status).toBe("open");
    const loans = await callerAs(database, "lingdao").aid.loans({ outstanding: true });
    expect(loans.rows.find((r) => r.number === aid.number)?.outstanding).toBe(120);
    const exported = await callerAs(database, "lingdao").aid.exportLoans({});
    expect(exported.fileName).toMatch(/^借用物资台账_/);
    const balance = database.sqlite
      .prepare("SELECT SUM(on_hand) AS n FROM balances WHERE ownership = 'loan'")
      .get() as { n: number };
    expect(balance.n).toBe(120);
    expect(renderMessage({ key: "stock.ownership.loan" }, "en-US")).toBe("On loan");
  });

  it("plans a neighbour's request in the planner's pool for staff, and issues it as planned for keepers only", async () => {
    const diaodu = callerAs(database, "diaodu");
    const helping = await diaodu.aid.request({
      direction: "in",
      neighbourId: nanan,
      neededBy: inHours(6),
      lines: [{ itemId: ids.item("MB-01"), quantity: 40 }],
    });
    expect(await diaodu.aid.outboundPlan({ requestId: helping.id })).toBeNull();
    const plan = await callerAs(database, "lingdao").aid.planOutbound({ requestId: helping.id });
    expect(plan.lines).toMatchObject([{ toSend: 40, planned: 40, short: 0 }]);
    expect(await diaodu.aid.outboundPlan({ requestId: helping.id })).toEqual(plan);
    expect((await errorOf(diaodu.aid.issuePlanned({ requestId: helping.id }))).code).toBe("FORBIDDEN");
    const { aid, documents } = await callerAs(database, "admin").aid.issuePlanned({ requestId: helping.id });
    expect(aid.status).toBe("closed");
    expect(documents.length).toBe(new Set(plan.trips.map((t) => t.warehouseId)).size);
    const again = await errorOf(callerAs(database, "admin").aid.issuePlanned({ requestId: helping.id }));
    expect(again.code).toBe("CONFLICT");
  }, 120_000);
});
