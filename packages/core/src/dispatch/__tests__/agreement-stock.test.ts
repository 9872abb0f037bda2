import { agreementLines, agreements, areas, incidents, type ReliefDatabase } from "@relief/db";
import { type Message, zh } from "@relief/domain";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createCalloff } from "../../agreements/calloffs";
import type { CoreContext } from "../../context";
import { createIncident } from "../../incidents/create";
import { availableByWarehouseItem } from "../../stock/balances";
import { reserveStock } from "../../stock/reserve";
import { actorFor, contextFor, createSeededDatabase, demoIds } from "../../testing";
import { localDate } from "../../time";
import { listVehicles } from "../../vehicles/list";
import { updateVehicle } from "../../vehicles/save";
import { approvePlan } from "../approve";
import { checkStoredPlan } from "../check";
import { departOrder } from "../depart";
import { getOrder } from "../orders";
import { planDispatch, planProblem } from "../plan";
import { inlinePlanner } from "../pool";
import type { PlanView } from "../types";

/** The clock is pinned near the real one: the demo agreements and lots are dated from the day of seeding. */
const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const STARTED = new Date(NOW.getTime() - 30 * 60_000).toISOString();
/** 示例超市's stock agreement: line 2 holds 30,000 bags of ready food at QY05, 4 h response. */
const SUPERMARKET = "BNSW-XY-2026-008";
/** 示例粮油's: 100,000 bags at QY02, 8 h response — called off now, too late for a 10-hour deadline. */
const FOOD = "BNSW-XY-2026-002";
const planner = { runner: inlinePlanner() };

let database: ReliefDatabase;
let ctx: CoreContext;
let incidentId: number;
let incidentNumber: string;
let food: number;
let site: number;

const lineId = (number: string, lineNo: number) =>
  database.db
    .select({ id: agreementLines.id })
    .from(agreementLines)
    .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
    .where(and(eq(agreements.number, number), eq(agreementLines.lineNo, lineNo)))
    .get()?.id ?? 0;

const callOff = (quantity: number, dispatchRef: string) =>
  createCalloff({
    ctx: { ...contextFor(database, actorFor(database, "shangwu")), now: () => NOW },
    input: { lineId: lineId(SUPERMARKET, 2), quantity, requestedAt: NOW.toISOString(), dispatchRef },
  });

const plan = () => planDispatch({ ctx, input: { incidentId, timeLimitMs: 30_000 } }, planner);

const foodShortfall = (view: PlanView) => view.shortfalls.find((s) => s.itemId === food);
const texts = (messages: Message[] | undefined) => (messages ?? []).map((m) => zh(m));
const fromSite = (view: PlanView) => view.routes.filter((r) => r.warehouseId === site);
const sent = (view: PlanView) =>
  fromSite(view)
    .flatMap((r) => r.stops.flatMap((s) => s.deliveries))
    .filter((d) => d.itemId === food)
    .reduce((sum, d) => sum + d.quantity, 0);

beforeEach(async () => {
  database = await createSeededDatabase();
  ctx = { ...contextFor(database, actorFor(database, "diaodu")), now: () => NOW };
  const ids = demoIds(database);
  food = ids.item("FBSP-01");
  site = ids.warehouse("QY05");
  // The district's own ready food is all promised elsewhere but 200 bags at the district reserve.
  const reserve = ids.warehouse("QJ01");
  for (const row of availableByWarehouseItem(database.db, localDate(NOW.toISOString())))
    if (row.itemId === food && row.available > 0) {
      const keep = row.warehouseId === reserve ? 200 : 0;
      if (row.available <= keep) continue;
      reserveStock({
        ctx: contextFor(database),
        input: {
          warehouseId: row.warehouseId,
          dispatchRef: "其他灾情",
          lines: [{ itemId: food, quantity: row.available - keep }],
        },
      });
    }
  const muDong = database.db.select().from(areas).where(eq(areas.name, "木洞镇")).get();
  // 800 relocated need 1,200 bags of ready food (0.5 kg a day for 3 days).
  incidentId = createIncident({
    ctx,
    input: {
      type: "flood",
      title: "洪涝",
      startedAt: STARTED,
      areas: [{ areaId: muDong?.id ?? 0, affected: 1600, relocated: 800 }],
    },
  }).id;
  incidentNumber =
    database.db.select().from(incidents).where(eq(incidents.id, incidentId)).get()?.number ?? "";
});

describe("agreement stock in a plan", () => {
  it("is planned once called off for the incident, from the enterprise's site after its response time", async () => {
    const before = await plan();
    // Not called off: not planned, and the shortfall says which agreement to call off, quoting the incident.
    expect(planProblem(database.db, before.planId)?.depots.map((d) => d.id)).not.toContain(`W${site}`);
    expect(fromSite(before)).toEqual([]);
    const shortfall = foodShortfall(before);
    expect(shortfall?.reason).toBe("no_stock");
    const suggestions = texts(shortfall?.suggestions);
    expect(suggestions).toContainEqual(
      `调用协议储备 ${SUPERMARKET}（巴南示例超市连锁有限公司）：方便食品（压缩干粮） 30,000 袋，调用单注明灾情编号 ${incidentNumber}，响应时间 4 小时，调用后重新计算方案`,
    );
    // 示例粮油's 8 hours of response, 2 of loading and the drive cannot make the deadline: not suggested.
    expect(suggestions.some((s) => s.includes(FOOD))).toBe(false);

    const calloff = callOff(1500, incidentNumber);
    const after = await plan();
    const problem = planProblem(database.db, after.planId);
    expect(problem?.depots.find((d) => d.id === `W${site}`)?.stock).toEqual({ [`I${food}`]: 1500 });
    // The enterprise's delivery trucks of that line, and nothing leaves before the response time is up.
    const trucks = problem?.vehicles.filter((v) => v.depot === `W${site}`) ?? [];
    expect(trucks).toHaveLength(2);
    for (const v of trucks) expect(v.availableAtMinutes).toBe(4 * 60);
    const ready = Date.parse(calloff.requestedAt) + 4 * 3_600_000;
    expect(fromSite(after).length).toBeGreaterThan(0);
    for (const route of fromSite(after)) {
      expect(Date.parse(route.loadFrom)).toBeGreaterThanOrEqual(ready);
      expect(Date.parse(route.departAt)).toBeGreaterThan(ready);
    }
    // 1,200 bags needed, 200 held by the district: at least 1,000 come from the site, at most what was called off.
    expect(sent(after)).toBeGreaterThanOrEqual(1000);
    expect(sent(after)).toBeLessThanOrEqual(1500);
    expect(foodShortfall(after)).toBeUndefined();
    expect(checkStoredPlan(database.db, after.planId)).toEqual([]);
  });

  it("no longer counts what departed orders carried away from the site", async () => {
    callOff(1500, incidentNumber);
    const first = await plan();
    const carried = sent(first);
    expect(carried).toBeGreaterThan(0);
    const { orders } = approvePlan({ ctx, input: { planId: first.planId } });
    const departAt = new Date(NOW.getTime() + 5 * 3_600_000).toISOString();
    for (const { id } of orders)
      if (getOrder(database.db, id).sourceWarehouseId === site)
        departOrder({ ctx: { ...ctx, now: () => new Date(departAt) }, input: { orderId: id } });
    const again = await plan();
    const stock = planProblem(database.db, again.planId)?.depots.find((d) => d.id === `W${site}`)?.stock;
    expect(stock?.[`I${food}`] ?? 0).toBe(1500 - carried);
  });

  it("never draws on a call-off for another dispatch, which leaves less to call off", async () => {
    callOff(1000, "其他灾情");
    const view = await plan();
    expect(planProblem(database.db, view.planId)?.depots.map((d) => d.id)).not.toContain(`W${site}`);
    expect(sent(view)).toBe(0);
    expect(texts(foodShortfall(view)?.suggestions)).toContainEqual(
      expect.stringContaining(`${SUPERMARKET}（巴南示例超市连锁有限公司）：方便食品（压缩干粮） 29,000 袋`),
    );
    expect(checkStoredPlan(database.db, view.planId)).toEqual([]);
  });

  it("says to register the delivery trucks when called-off stock has none to carry it", async () => {
    const commerce = contextFor(database, actorFor(database, "shangwu"));
    for (const plate of ["渝ACS002", "渝ACS003"]) {
      const truck = listVehicles(database.db, { search: plate }).rows[0];
      if (!truck) throw new Error(`no demo truck ${plate}`);
      updateVehicle({ ctx: commerce, input: { ...truck, status: "maintenance" } });
    }
    callOff(1500, incidentNumber);
    const view = await plan();
    expect(sent(view)).toBe(0);
    expect(texts(foodShortfall(view)?.suggestions)).toContainEqual(
      `协议 ${SUPERMARKET} 已为本灾情调用方便食品（压缩干粮） 1,500 袋，但巴南示例超市连锁有限公司没有可用的配送车辆：请在车辆台账中按协议第 2 行登记其配送车辆（所属仓库：示例超市龙洲湾配送中心）后重新计算方案`,
    );
    expect(texts(view.notes)).toContainEqual(
      expect.stringContaining("示例超市龙洲湾配送中心有可用物资但没有车辆"),
    );
  });
});
