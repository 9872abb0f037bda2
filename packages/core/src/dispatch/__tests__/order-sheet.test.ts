import { describe, expect, it } from "vitest";
import { describeSoffice, throughLibreOffice } from "../../libreoffice.testing";
import { zhThrown } from "../../testing";
import { localDateTime } from "../../time";
import { approvePlan } from "../approve";
import { exportOrder } from "../order-sheet";
import { getOrder } from "../orders";
import { ordersWorld } from "./orders-fixture";

async function approvedOrder(drill = false) {
  const w = await ordersWorld();
  const flood = w.incident(["木洞镇"], { drill });
  const view = await w.plan(flood.id);
  const { orders } = approvePlan({
    ctx: w.ctx,
    input: { planId: view.planId, authorityRef: "巴南减灾委〔2026〕7号", purpose: "木洞镇洪涝转移安置" },
  });
  const first = orders[0];
  if (!first) throw new Error("the plan made no order");
  return { w, order: getOrder(w.database.db, first.id) };
}

describe("dispatch.exportOrder", () => {
  it("names the file by the order number and refuses an unknown order", async () => {
    const { w, order } = await approvedOrder();
    expect(exportOrder(w.database.db, order.id).fileName).toBe(`调拨单_${order.number}.xlsx`);
    expect(zhThrown(() => exportOrder(w.database.db, 999_999))).toBe("调拨单 #999999 不存在");
  });
});

describeSoffice("调拨单 opened by LibreOffice", { timeout: 180_000 }, () => {
  it("shows the order's particulars, every line's figures and the signature lines", async () => {
    const { w, order } = await approvedOrder();
    const rows = throughLibreOffice(exportOrder(w.database.db, order.id).content);
    const cells = rows.flat();
    expect(rows[0]?.[0]).toBe("救灾物资调拨单");
    const after = (label: string) => cells[cells.indexOf(label) + 1];
    expect(after("单号")).toBe(order.number);
    expect(after("状态")).toBe("已预留");
    expect(after("批准机关")).toBe(order.authority);
    expect(after("批准文号")).toBe("巴南减灾委〔2026〕7号");
    expect(after("用途")).toBe("木洞镇洪涝转移安置");
    expect(after("发货单位")).toBe(order.issuingUnit);
    expect(after("发货仓库")).toBe(`${order.sourceWarehouse.code} ${order.sourceWarehouse.name}`);
    expect(after("收货镇街")).toBe("木洞镇");
    // The township's relief contact from the area register (fixtures/banan/areas.json).
    expect(after("收货联系人")).toBe("喻示例 023-66221013");
    expect(after("车牌号")).toBe(order.plate);
    expect(after("要求到达时间")).toBe(localDateTime(order.requiredBy));
    const header = rows.findIndex((r) => r[0] === "序号");
    order.lines.forEach((line, index) => {
      const row = rows[header + 1 + index];
      expect(row?.slice(0, 7)).toEqual([
        String(index + 1),
        line.itemCode,
        line.itemName,
        line.specification,
        line.lotCode ?? "",
        String(line.quantity),
        line.unit,
      ]);
    });
    for (const label of ["发货人签字：", "司机签字：", "收货人签字：", "日期：", "收货单位（盖章）："])
      expect(cells).toContain(label);
  });

  it("says 演练 on a drill's order", async () => {
    const { w, order } = await approvedOrder(true);
    const rows = throughLibreOffice(exportOrder(w.database.db, order.id).content);
    expect(order.number).toMatch(/^YL-DB-/);
    expect(rows[0]?.[0]).toBe("救灾物资调拨单（演练）");
    expect(rows[1]?.[0]).toContain("演练");
  });
});
