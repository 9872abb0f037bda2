import type { ReliefDatabase } from "@relief/db";
import { beforeEach, describe, expect, it } from "vitest";
import { actorFor, contextFor, createSeededDatabase, demoIds } from "../../testing";
import { listWarehouses } from "../list";
import { assignWarehouseUsers, createWarehouse } from "../save";

let database: ReliefDatabase;
beforeEach(async () => {
  database = await createSeededDatabase();
});

describe("warehouse register", () => {
  it("reports the volume in use against capacity, from item volumes", () => {
    const qj = listWarehouses(database.db).find((w) => w.code === "QJ01");
    // 1500 tents × 0.2 + 6000 quilts × 0.03 + 3000 beds × 0.05 + 2000 coats × 0.02 + 1500 kits × 0.03
    // + 100 lights × 0.1 + 50000 L × 0.0012 + 8000 food × 0.01 + 20 generators × 0.5
    expect(qj?.usedM3).toBeCloseTo(300 + 180 + 150 + 40 + 45 + 10 + 60 + 80 + 10, 6);
    expect(qj?.usage).toBeCloseTo((qj?.usedM3 ?? 0) / 6000, 6);
    expect(qj?.userIds).toEqual([actorFor(database, "minzheng").userId]);
  });

  it("needs a township and a unique code", () => {
    const ctx = contextFor(database);
    const district = 1;
    expect(() =>
      createWarehouse({
        ctx,
        input: {
          code: "NEW1",
          name: "新储备点",
          kind: "township_point",
          organisation: "某镇",
          areaId: district,
        },
      }),
    ).toThrow("所在镇街无效");
    const township = listWarehouses(database.db)[0]?.areaId ?? 0;
    expect(() =>
      createWarehouse({
        ctx,
        input: { code: "QJ01", name: "重复", kind: "township_point", organisation: "某镇", areaId: township },
      }),
    ).toThrow("仓库编码 QJ01 已存在");
    const created = createWarehouse({
      ctx,
      input: {
        code: "NEW1",
        name: "新储备点",
        kind: "township_point",
        organisation: "某镇",
        areaId: township,
      },
    });
    expect(created).toMatchObject({ usedM3: 0, usage: null, loadMinutes: 120, active: true });
  });

  it("names the enterprise operating an enterprise site, and only there", () => {
    const ctx = contextFor(database);
    const township = listWarehouses(database.db)[0]?.areaId ?? 0;
    const enterprise = listWarehouses(database.db).find((w) => w.code === "QY01")?.enterpriseId ?? 0;
    const before = listWarehouses(database.db).length;
    const input = { code: "QY99", name: "企业仓", organisation: "某企业", areaId: township };
    expect(() =>
      createWarehouse({ ctx, input: { ...input, kind: "township_point", enterpriseId: enterprise } }),
    ).toThrow("只有企业仓库可以指定所属企业");
    expect(() =>
      createWarehouse({ ctx, input: { ...input, kind: "enterprise", enterpriseId: 9_999 } }),
    ).toThrow("企业 #9999 不存在");
    expect(listWarehouses(database.db)).toHaveLength(before);
    const created = createWarehouse({
      ctx,
      input: { ...input, kind: "enterprise", enterpriseId: enterprise },
    });
    expect(created).toMatchObject({ kind: "enterprise", enterpriseId: enterprise });
  });

  it("assigns warehouses to civil-affairs users only", () => {
    const ctx = contextFor(database);
    const sw = demoIds(database).warehouse("SW01");
    expect(() =>
      assignWarehouseUsers({
        ctx,
        input: { warehouseId: sw, userIds: [actorFor(database, "diaodu").userId] },
      }),
    ).toThrow("只能为民政用户分配仓库");
    const minzheng = actorFor(database, "minzheng").userId;
    expect(assignWarehouseUsers({ ctx, input: { warehouseId: sw, userIds: [minzheng] } }).userIds).toEqual([
      minzheng,
    ]);
  });
});
