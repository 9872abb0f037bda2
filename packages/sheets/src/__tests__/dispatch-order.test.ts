import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { buildDispatchOrderSheet, DISPATCH_ORDER_HEADERS, type DispatchOrderSheet } from "../dispatch-order";

const order: DispatchOrderSheet = {
  number: "DB-20261201-01",
  drill: false,
  status: "已预留",
  incident: "ZQ-20261201-01 木洞镇洪涝",
  authority: "巴南区防汛抗旱指挥部",
  authorityRef: "巴南防指〔2026〕12号",
  issuingUnit: "巴南区应急管理局",
  sourceWarehouse: "QJ01 巴南区救灾物资储备库",
  area: "木洞镇",
  receiver: "张三 13800000000",
  purpose: "救灾调运：木洞镇洪涝",
  vehicle: "渝A12345",
  trip: 1,
  plate: "渝A12345",
  driver: "李四 13900000000",
  requiredBy: "2026-12-01 12:10",
  plannedDepartAt: "2026-12-01 03:00",
  plannedArrivalAt: "2026-12-01 04:10",
  departedAt: "",
  receivedAt: "",
  signer: "",
  cancelReason: "",
  lines: [
    {
      itemCode: "WATER-01",
      itemName: "饮用水",
      specification: "550 ml",
      lotCode: "W-2026-01",
      calloffNumber: null,
      baseUnit: "瓶",
      quantity: 51,
      packs: [{ name: "箱", baseQuantity: 12 }],
      receivedQuantity: null,
      shortfall: null,
      note: "",
    },
  ],
};

function grid(bytes: Uint8Array): unknown[][] {
  const book = XLSX.read(bytes, { type: "array" });
  const sheet = book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet;
  return XLSX.utils.sheet_to_json(sheet, { header: 1, raw: true, blankrows: true, defval: null });
}

describe("buildDispatchOrderSheet", () => {
  it("lays the order out as the paper the driver carries: particulars, lines as numbers, signature lines", () => {
    const rows = grid(buildDispatchOrderSheet(order));
    expect(rows[0]?.[0]).toBe("救灾物资调拨单");
    expect(rows[1]).toEqual(expect.arrayContaining(["单号", "DB-20261201-01", "状态", "已预留"]));
    const header = rows.findIndex((r) => r[0] === "序号");
    expect(rows[header]).toEqual([...DISPATCH_ORDER_HEADERS]);
    expect(rows[header + 1]).toEqual([
      1,
      "WATER-01",
      "饮用水",
      "550 ml",
      "W-2026-01",
      51,
      "瓶",
      "4 箱 + 3 瓶",
      null,
      null,
    ]);
    const labels = rows.flat().filter((c) => typeof c === "string");
    for (const label of ["发货人签字：", "司机签字：", "收货人签字：", "日期：", "收货单位（盖章）："])
      expect(labels).toContain(label);
  });

  it("writes what was received and what became of a shortfall", () => {
    const [line] = order.lines;
    const rows = grid(
      buildDispatchOrderSheet({
        ...order,
        lines: [
          {
            ...(line as DispatchOrderSheet["lines"][number]),
            receivedQuantity: 46,
            shortfall: { quantity: 5, outcome: "退回仓库", reason: "运输破损" },
          },
        ],
      }),
    );
    const row = rows.find((r) => r[1] === "WATER-01");
    expect(row?.slice(5)).toEqual([51, "瓶", "4 箱 + 3 瓶", 46, "短少 5 瓶，退回仓库：运输破损"]);
  });

  it("says 演练 in the title and on a line of its own for a drill", () => {
    const rows = grid(buildDispatchOrderSheet({ ...order, drill: true }));
    expect(rows[0]?.[0]).toBe("救灾物资调拨单（演练）");
    expect(String(rows[1]?.[0])).toContain("演练");
  });
});
