import { dispatchOrderLines, roadEdges } from "@relief/db";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { NOW, ordersWorld, STARTED } from "../../dispatch/__tests__/orders-fixture";
import { departOrder } from "../../dispatch/depart";
import { receiveOrder } from "../../dispatch/receive";
import { describeSoffice, throughLibreOffice } from "../../libreoffice.testing";
import { setRoadStatus } from "../../roads/status";
import { zhThrown } from "../../testing";
import { localDateTime } from "../../time";
import { exportIncidentSummary, incidentSummaryReport } from "../summary";

const now = NOW.toISOString();

/**
 * A flood at 木洞镇 and 麻柳嘴镇, approved; the first order departed and received with its first line short, a
 * second order on the road, and a national road closed since the incident began.
 */
async function summaryWorld({ drill = false } = {}) {
  const w = await ordersWorld();
  const { flood, orders } = await w.approvedOrders(["木洞镇", "麻柳嘴镇"], { drill, relocated: 300 });
  const [first, second] = orders;
  if (!first || !second) throw new Error("the plan made fewer than two orders");
  departOrder({ ctx: w.ctx, input: { orderId: first.id } });
  const lines = w.database.db
    .select()
    .from(dispatchOrderLines)
    .where(eq(dispatchOrderLines.orderId, first.id))
    .orderBy(asc(dispatchOrderLines.lineNo))
    .all();
  receiveOrder({
    ctx: w.ctx,
    input: {
      orderId: first.id,
      signer: "李示例",
      lines: lines.map((l, i) =>
        i === 0
          ? {
              lineId: l.id,
              quantity: l.quantity - 1,
              discrepancy: { outcome: "lost" as const, reason: "破损" },
            }
          : { lineId: l.id, quantity: l.quantity },
      ),
    },
  });
  departOrder({ ctx: w.ctx, input: { orderId: second.id } });
  const road = w.database.db.select().from(roadEdges).where(eq(roadEdges.roadClass, "national")).get();
  if (!road) throw new Error("no national road");
  setRoadStatus({
    ctx: w.ctx,
    input: { edgeId: road.id, status: "closed", reason: "滑坡", effectiveAt: STARTED, incidentId: flood.id },
  });
  return { w, flood, road };
}

describe("incidents.exportSummary", () => {
  it("names the file by the incident number and refuses an unknown incident", async () => {
    const { w, flood } = await summaryWorld();
    expect(exportIncidentSummary(w.database.db, { incidentId: flood.id }, now).fileName).toBe(
      `灾情处置情况报告_${flood.number}.xlsx`,
    );
    expect(zhThrown(() => exportIncidentSummary(w.database.db, { incidentId: 999_999 }, now))).toBe(
      "灾情 #999999 不存在",
    );
  });
});

describeSoffice("the incident summary opened by LibreOffice", { timeout: 180_000 }, () => {
  it("shows the header, the areas, the progress table, the orders and the road closures as the page reads them", async () => {
    const { w, flood, road } = await summaryWorld();
    const { progress, orders, closures } = incidentSummaryReport(
      w.database.db,
      { incidentId: flood.id },
      now,
    );
    const rows = throughLibreOffice(
      exportIncidentSummary(w.database.db, { incidentId: flood.id }, now).content,
    );
    const cells = rows.flat();
    const after = (label: string) => cells[cells.indexOf(label) + 1];
    expect(rows[0]?.[0]).toBe("灾情处置情况报告");
    expect(after("灾情编号")).toBe(flood.number);
    expect(after("救助时限")).toBe(localDateTime(progress.incident.deadlineAt));
    expect(after("剩余时间")).toBe("剩余 9 小时 30 分");
    expect(after("调运方案")).toBe(`第 ${progress.plan?.version} 版（已批准）`);
    expect(after("紧急转移安置人口")).toBe("600");
    expect(after("已救助人数")).toBe(String(progress.totals.peopleServed));
    expect(after("已预留")).toBe(String(progress.orders.reserved));
    expect(after("已出发")).toBe("1");
    expect(after("已签收")).toBe("1");

    const areaHeader = rows.findIndex((r) => r[0] === "序号");
    progress.areas.forEach((a, i) => {
      expect(rows[areaHeader + 1 + i]?.slice(0, 9)).toEqual([
        String(i + 1),
        a.name,
        a.townshipName,
        String(a.affected),
        String(a.relocated),
        "初报",
        localDateTime(a.reportedAt ?? ""),
        String(a.peopleServed),
        String(a.peopleServedByDeadline),
      ]);
    });

    const progressHeader = rows.findIndex((r) => r[0] === "受灾区域" && r[1] === "物资编码");
    const expected = [
      ...progress.areas.flatMap((a) => a.lines.map((l) => ({ ...l, area: a.name }))),
      ...progress.items.map((l) => ({ ...l, area: "全区合计" })),
    ];
    expected.forEach((l, i) => {
      expect(rows[progressHeader + 1 + i]).toEqual([
        l.area,
        l.itemCode,
        l.itemName,
        l.unit,
        ...[l.needed, l.planned, l.reserved, l.inTransit, l.delivered, l.deliveredByDeadline].map(String),
        "",
      ]);
    });
    // The short line shows: what was delivered is less than was sent on the received order.
    expect(progress.items.some((l) => l.delivered > 0)).toBe(true);

    const orderHeader = rows.findIndex((r) => r[0] === "单号");
    orders.forEach((o, i) => {
      expect(rows[orderHeader + 1 + i]?.slice(0, 3)).toEqual([o.number, o.sourceWarehouseName, o.areaName]);
    });
    expect(rows.slice(orderHeader + 1).filter((r) => r[5] === "已出发").length).toBe(1);

    const trunkRow = rows.find((r) => r[0] === "干线道路平均中断时长（小时）");
    expect(trunkRow?.[3]).toBe(String(Math.round((closures.trunkAverageHours ?? 0) * 10) / 10));
    expect(trunkRow?.[7]).toBe("是");
    const closureRow = rows.find((r) => r[0] === road.code);
    expect(closureRow?.slice(0, 8)).toEqual([
      road.code,
      road.name,
      "国道",
      "是",
      "滑坡",
      localDateTime(STARTED),
      "",
      "0.5",
    ]);
  });

  it("says 演练 on a drill's summary", async () => {
    const { w, flood } = await summaryWorld({ drill: true });
    const rows = throughLibreOffice(
      exportIncidentSummary(w.database.db, { incidentId: flood.id }, now).content,
    );
    expect(rows[0]?.[0]).toBe("灾情处置情况报告（演练）");
    expect(rows[1]?.[0]).toContain("演练");
  });
});
