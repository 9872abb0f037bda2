import { createSeededDatabase } from "@relief/core/testing";
import type { ReliefDatabase } from "@relief/db";
import { beforeEach, describe, expect, it } from "vitest";
import { errorDetails } from "../errors";
import { callerAs, errorOf } from "../testing";

describe("agreements API", () => {
  let database: ReliefDatabase;
  beforeEach(async () => {
    database = await createSeededDatabase();
  });

  it("lets everyone read agreements with status, flags and the enterprise's grade", async () => {
    const list = await callerAs(database, "diaodu").agreements.list({ status: "expired" });
    expect(list.rows.map((a) => [a.number, a.enterpriseName, a.inForce])).toEqual([
      ["BNSW-XY-2025-005", "巴南示例帐篷厂", false],
    ]);
    const store = (await callerAs(database, "lingdao").enterprises.list()).rows.find(
      (e) => e.name === "示例百货商贸有限公司",
    );
    const detail = await callerAs(database, "minzheng").enterprises.get({ id: store?.id ?? 0 });
    expect(detail.credit).toMatchObject({ grade: "D", flagged: true, calloffsDue: 1, quantityDelivered: 0 });
    expect(detail.creditEvents.map((e) => e.kind).sort()).toEqual(["failed_delivery", "refused_inspection"]);
    expect(detail.warehouses.map((w) => w.code)).toEqual(["QY07"]);
  });

  it("maps domain problems to BAD_REQUEST with the field of each", async () => {
    const commerce = callerAs(database, "shangwu");
    const [production] = (await commerce.agreements.list({ kind: "production" })).rows;
    const error = await errorOf(
      commerce.agreements.declare({
        lineId: production?.lines[0]?.id ?? 0,
        declaredOn: "2026-01-01",
        quantity: 1,
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("只有协议储备的物资行才能申报");
    const invalid = await errorOf(
      commerce.agreements.terminate({ id: production?.id ?? 0, terminatedOn: "2026-02-30", reason: "" }),
    );
    expect(invalid.code).toBe("BAD_REQUEST");
    expect(errorDetails(invalid.cause)?.issues).toEqual([
      expect.objectContaining({ field: "terminatedOn", message: "终止日期应为 YYYY-MM-DD 格式的日期" }),
      expect.objectContaining({ field: "reason", message: "请填写终止原因" }),
    ]);
  });
});
