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

  it("offers the transport lines in force with the trucks registered under each", async () => {
    const { agreementLines } = await callerAs(database, "shangwu").vehicles.options();
    expect(agreementLines.map((l) => [l.agreementNumber, l.vehicleType, l.quantity, l.registered])).toEqual([
      ["BNSW-YL-2026-006", "medium", 10, 4],
      ["BNSW-YL-2026-007", "heavy", 6, 3],
    ]);
  });
});
