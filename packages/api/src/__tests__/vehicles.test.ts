import { createSeededDatabase, zhIssues } from "@relief/core/testing";
import type { ReliefDatabase } from "@relief/db";
import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, errorOf } from "../testing";

/** The fleet over the API: dispatchers keep it, commerce its agreement trucks, everyone reads it. */
describe("vehicles over the API", () => {
  let database: ReliefDatabase;
  beforeAll(async () => {
    database = await createSeededDatabase();
  });

  const byPlate = async (plate: string) => {
    const row = (await callerAs(database, "lingdao").vehicles.list({ search: plate })).rows[0];
    if (!row) throw new Error(`no vehicle ${plate}`);
    return row;
  };

  it("refuses a vehicle with zero payload beside its field, and registers nothing", async () => {
    const { warehouses } = await callerAs(database, "diaodu").vehicles.options();
    const home = warehouses.find((w) => w.code === "JL01")?.id ?? 0;
    const error = await errorOf(
      callerAs(database, "diaodu").vehicles.create({
        plate: "渝B9X301",
        type: "light",
        payloadKg: 0,
        volumeM3: 14,
        homeWarehouseId: home,
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(zhIssues(error.cause)).toEqual([{ field: "payloadKg", message: "载重（千克）应大于 0" }]);
    expect((await callerAs(database, "diaodu").vehicles.list({ search: "渝B9X301" })).total).toBe(0);
  });

  it("lets commerce put its agreement trucks in maintenance, not a government truck", async () => {
    const government = await byPlate("渝BJZ002");
    const error = await errorOf(
      callerAs(database, "shangwu").vehicles.update({ ...government, status: "maintenance" }),
    );
    expect(error.code).toBe("FORBIDDEN");
    expect((await byPlate("渝BJZ002")).status).toBe("available");

    const truck = await byPlate("渝ATT002");
    await callerAs(database, "shangwu").vehicles.update({ ...truck, status: "maintenance" });
    expect((await byPlate("渝ATT002")).status).toBe("maintenance");
  });

  it("offers the transport and stock lines in force with the trucks registered under each", async () => {
    const { agreementLines } = await callerAs(database, "shangwu").vehicles.options();
    expect(
      agreementLines.map((l) => [
        l.agreementNumber,
        l.lineNo,
        l.vehicleType ?? l.warehouseName,
        l.registered,
      ]),
    ).toEqual([
      ["BNSW-YL-2026-006", 1, "medium", 4],
      ["BNSW-YL-2026-007", 1, "heavy", 3],
      // Stock lines: the enterprise's delivery trucks, homed at the line's site.
      ["BNSW-XY-2025-011", 1, "示例百货木洞仓", 0],
      ["BNSW-XY-2026-001", 1, "示例饮品批发李家沱仓", 2],
      ["BNSW-XY-2026-002", 1, "示例粮油鱼洞仓", 2],
      ["BNSW-XY-2026-003", 1, "示例被服界石成品仓", 0],
      ["BNSW-XY-2026-003", 2, "示例被服界石成品仓", 0],
      ["BNSW-XY-2026-008", 1, "示例超市龙洲湾配送中心", 1],
      ["BNSW-XY-2026-008", 2, "示例超市龙洲湾配送中心", 2],
      ["BNSW-XY-2026-010", 1, "示例药械惠民仓", 0],
    ]);
  });
});
