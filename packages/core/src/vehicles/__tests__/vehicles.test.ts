import { agreementLines, agreements, auditLog, enterprises, type ReliefDatabase, vehicles } from "@relief/db";
import { renderMessage } from "@relief/domain";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createAgreement } from "../../agreements/save";
import { DomainError, ForbiddenError } from "../../errors";
import { actorFor, contextFor, createSeededDatabase, demoIds, zhIssues, zhThrown } from "../../testing";
import { addDays, localDate } from "../../time";
import { listVehicles } from "../list";
import { vehicleFormOptions } from "../options";
import { createVehicle, updateVehicle } from "../save";
import type { CreateVehicleInput } from "../schemas";

let database: ReliefDatabase;
beforeEach(async () => {
  database = await createSeededDatabase();
});

const as = (username: string) => contextFor(database, actorFor(database, username));
const tally = () => ({
  vehicles: database.db.select({ n: count() }).from(vehicles).get()?.n,
  audit: database.db.select({ n: count() }).from(auditLog).get()?.n,
});
const lightTruck = (): CreateVehicleInput => ({
  plate: "渝B 9X001",
  type: "light",
  payloadKg: 2000,
  volumeM3: 14,
  homeWarehouseId: demoIds(database).warehouse("MD01"),
  driver: "测试示例",
  phone: "13800009001",
});
const byPlate = (plate: string) => {
  const row = listVehicles(database.db, { search: plate }).rows[0];
  if (!row) throw new Error(`no vehicle ${plate}`);
  return row;
};
const transportLine = (number: string) => {
  const line = vehicleFormOptions(database.db, new Date().toISOString()).agreementLines.find(
    (l) => l.agreementNumber === number,
  );
  if (!line) throw new Error(`no transport line ${number}`);
  return line;
};
/** The error an action throws, for its issues and its English text. */
function thrown(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected the action to throw");
}

describe("demo fleet", () => {
  it("spreads the trucks over the warehouses, most at the district reserve, with totals per warehouse", () => {
    const page = listVehicles(database.db, { pageSize: 200 });
    expect(page.total).toBe(35);
    const qj = page.byWarehouse.find((w) => w.code === "QJ01");
    // 4 heavy (one in maintenance), 4 medium, 3 light, and 4 agreement medium trucks of 示例速达物流.
    expect(qj).toMatchObject({ vehicles: 15, available: 14 });
    expect(qj?.payloadKg).toBe(4 * 15000 + 4 * 8000 + 3 * 2000 + 4 * 8000);
    expect(qj?.availablePayloadKg).toBe((qj?.payloadKg ?? 0) - 15000);
    // The warehouse that can carry most first, then by code.
    expect(page.byWarehouse.map((w) => w.code)).toEqual([
      "QJ01",
      "SW01",
      "JC01",
      // The delivery trucks of the stock-reserve enterprises, at their sites.
      "QY05",
      "QY01",
      "QY02",
      "JL01",
      "LZW01",
      "MD01",
      "SL01",
    ]);
    const agreementTrucks = listVehicles(database.db, { owner: "agreement" }).rows;
    expect(agreementTrucks.map((v) => [v.plate, v.agreementNumber, v.enterpriseName])).toContainEqual([
      "渝ASD001",
      "BNSW-YL-2026-006",
      "示例速达物流有限公司",
    ]);
  });

  it("filters, searches plates and drivers, and sorts with the plate breaking ties", () => {
    expect(listVehicles(database.db, { status: "maintenance" }).rows.map((v) => v.plate)).toEqual([
      "渝BJZ004",
      "渝BJZ018",
    ]);
    expect(listVehicles(database.db, { search: "王示例" }).rows.map((v) => v.plate)).toEqual(["渝BJZ001"]);
    const heavy = listVehicles(database.db, { type: "heavy", sort: "payloadKg", order: "desc", pageSize: 3 });
    expect(heavy.total).toBe(10);
    expect(heavy.rows.map((v) => v.plate)).toEqual(["渝ATT001", "渝ATT002", "渝ATT003"]);
    const second = listVehicles(database.db, {
      type: "heavy",
      sort: "payloadKg",
      order: "desc",
      page: 2,
      pageSize: 3,
    });
    expect(second.rows.map((v) => v.plate)).toEqual(["渝BJZ001", "渝BJZ002", "渝BJZ003"]);
  });
});

describe("registering a vehicle", () => {
  it("stores the plate without separators, audited", () => {
    const before = tally();
    const created = createVehicle({ ctx: as("diaodu"), input: lightTruck() });
    expect(created).toMatchObject({
      plate: "渝B9X001",
      status: "available",
      owner: "government",
      homeWarehouseCode: "MD01",
    });
    expect(tally()).toEqual({ vehicles: (before.vehicles ?? 0) + 1, audit: (before.audit ?? 0) + 1 });
  });

  it("accepts new-energy plates and refuses malformed ones", () => {
    for (const plate of ["渝AD12345", "渝A12345F", "渝a·12345"]) {
      expect(createVehicle({ ctx: as("diaodu"), input: { ...lightTruck(), plate } }).plate).toMatch(/^渝A/);
    }
    for (const plate of ["渝A1234", "渝AI2345", "AB12345", "渝A123456"]) {
      expect(
        zhThrown(() => createVehicle({ ctx: as("diaodu"), input: { ...lightTruck(), plate } })),
      ).toContain("格式不正确");
    }
  });

  it("refuses a zero payload, a zero volume and absurd sizes, and writes nothing", () => {
    const before = tally();
    let cause: unknown;
    try {
      createVehicle({ ctx: as("diaodu"), input: { ...lightTruck(), payloadKg: 0, volumeM3: 0 } });
    } catch (error) {
      cause = error;
    }
    expect(zhIssues(cause)).toEqual([
      { field: "payloadKg", message: "载重（千克）应大于 0" },
      { field: "volumeM3", message: "容积（立方米）应大于 0" },
    ]);
    expect(
      zhThrown(() => createVehicle({ ctx: as("diaodu"), input: { ...lightTruck(), payloadKg: 80_000 } })),
    ).toBe("载重最多 50,000 千克");
    expect(
      zhThrown(() => createVehicle({ ctx: as("diaodu"), input: { ...lightTruck(), volumeM3: 400 } })),
    ).toBe("容积最多 150 立方米");
    expect(tally()).toEqual(before);
  });

  it("refuses a plate already registered, naming it, in Chinese and English", () => {
    const before = tally();
    const error = thrown(() =>
      createVehicle({ ctx: as("diaodu"), input: { ...lightTruck(), plate: "渝B·JZ001" } }),
    );
    expect(error.message).toBe("车牌号 渝BJZ001 已登记");
    expect(renderMessage(error.text, "en-US")).toBe("Plate 渝BJZ001 is already registered");
    expect(zhIssues(error)).toEqual([{ field: "plate", message: "该车牌已登记" }]);
    expect(tally()).toEqual(before);
  });

  it("needs a home warehouse in use", () => {
    const md = demoIds(database).warehouse("MD01");
    database.sqlite.prepare("UPDATE warehouses SET active = 0 WHERE id = ?").run(md);
    expect(zhThrown(() => createVehicle({ ctx: as("diaodu"), input: lightTruck() }))).toBe(
      "仓库 木洞镇救灾物资储备点（MD01）已停用，不能作为车辆的所属仓库",
    );
    expect(
      zhThrown(() => createVehicle({ ctx: as("diaodu"), input: { ...lightTruck(), homeWarehouseId: 9999 } })),
    ).toBe("仓库 #9999 不存在");
  });
});

describe("agreement trucks", () => {
  it("need a line of a transport agreement in force, of their truck class, within its commitment", () => {
    const medium = transportLine("BNSW-YL-2026-006");
    const truck = {
      ...lightTruck(),
      type: "medium" as const,
      payloadKg: 8000,
      volumeM3: 40,
      owner: "agreement" as const,
    };
    const before = tally();
    expect(zhThrown(() => createVehicle({ ctx: as("shangwu"), input: truck }))).toBe(
      "协议车辆须指定运力储备协议或协议储备协议的协议行",
    );
    expect(
      zhThrown(() =>
        createVehicle({ ctx: as("shangwu"), input: { ...truck, type: "heavy", agreementLineId: medium.id } }),
      ),
    ).toBe("协议 BNSW-YL-2026-006 第 1 行约定的车型是中型货车 6.8 米，本车车型为重型货车 9.6 米");
    expect(
      zhThrown(() =>
        createVehicle({ ctx: as("diaodu"), input: { ...lightTruck(), agreementLineId: medium.id } }),
      ),
    ).toBe("政府车辆不能指定协议行");
    expect(tally()).toEqual(before);

    // 10 trucks committed, 4 registered by the demo: six more fit, the eleventh does not.
    for (let i = 1; i <= 6; i++)
      createVehicle({
        ctx: as("shangwu"),
        input: { ...truck, plate: `渝ASD1${i}0`, agreementLineId: medium.id },
      });
    expect(
      zhThrown(() =>
        createVehicle({
          ctx: as("shangwu"),
          input: { ...truck, plate: "渝ASD999", agreementLineId: medium.id },
        }),
      ),
    ).toBe("协议 BNSW-YL-2026-006 第 1 行约定 10 辆，已登记 10 辆，不能再登记");
  });

  it("cannot be put under an agreement out of force", () => {
    const today = localDate(new Date().toISOString());
    const logistics = database.db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.name, "示例速达物流有限公司"))
      .get();
    const expired = createAgreement({
      ctx: as("shangwu"),
      input: {
        number: "TEST-YL-OLD",
        enterpriseId: logistics?.id ?? 0,
        kind: "transport",
        startDate: addDays(today, -400),
        endDate: addDays(today, -30),
        lines: [{ vehicleType: "light", quantity: 2, responseHours: 4 }],
      },
    });
    const lineId = expired.lines[0]?.id ?? 0;
    expect(
      zhThrown(() =>
        createVehicle({
          ctx: as("shangwu"),
          input: { ...lightTruck(), owner: "agreement", agreementLineId: lineId },
        }),
      ),
    ).toBe("协议 TEST-YL-OLD 当前已到期，不能为其登记车辆");
  });
});

describe("delivery trucks of a stock agreement", () => {
  const stockLine = (number: string, lineNo = 1) => {
    const line = vehicleFormOptions(database.db, new Date().toISOString()).agreementLines.find(
      (l) => l.agreementNumber === number && l.lineNo === lineNo,
    );
    if (!line) throw new Error(`no stock line ${number}`);
    return line;
  };

  it("are offered with the stock lines in force, labelled by item and site", () => {
    const lines = vehicleFormOptions(database.db, new Date().toISOString()).agreementLines;
    expect(stockLine("BNSW-XY-2026-008", 2)).toMatchObject({
      kind: "stock",
      enterpriseName: "巴南示例超市连锁有限公司",
      itemName: "方便食品（压缩干粮）",
      warehouseName: "示例超市龙洲湾配送中心",
      vehicleType: null,
      responseHours: 4,
      registered: 2,
    });
    // Transport lines first; an expired stock agreement and production lines are not offered.
    expect(lines[0]?.kind).toBe("transport");
    expect(lines.map((l) => l.agreementNumber)).not.toContain("BNSW-XY-2025-005");
    expect(lines.map((l) => l.agreementNumber)).not.toContain("BNSW-CN-2026-004");
  });

  it("are homed at the line's site, of any class and any number; elsewhere refused, nothing written", () => {
    const line = stockLine("BNSW-XY-2026-002");
    const truck = { ...lightTruck(), owner: "agreement" as const, agreementLineId: line.id };
    const before = tally();
    const refused = thrown(() => createVehicle({ ctx: as("shangwu"), input: truck }));
    expect(refused.message).toBe(
      "协议 BNSW-XY-2026-002 第 1 行的物资存放在示例粮油鱼洞仓，其配送车辆的所属仓库须为示例粮油鱼洞仓",
    );
    expect(renderMessage(refused.text, "en-US")).toBe(
      "Line 1 of agreement BNSW-XY-2026-002 holds its goods at 示例粮油鱼洞仓: its delivery trucks must be homed at 示例粮油鱼洞仓",
    );
    expect(zhIssues(refused).map((i) => i.field)).toEqual(["homeWarehouseId"]);
    expect(tally()).toEqual(before);

    // The line commits goods, not trucks: its two demo trucks and three more, heavy ones too.
    const site = demoIds(database).warehouse("QY02");
    for (const [i, type] of (["light", "heavy", "heavy"] as const).entries())
      createVehicle({
        ctx: as("shangwu"),
        input: { ...truck, plate: `渝ALY10${i}`, type, homeWarehouseId: site },
      });
    expect(stockLine("BNSW-XY-2026-002").registered).toBe(5);
    // Moved away from the site, a delivery truck is refused too.
    expect(
      zhThrown(() =>
        updateVehicle({
          ctx: as("shangwu"),
          input: { ...byPlate("渝ALY001"), homeWarehouseId: demoIds(database).warehouse("QJ01") },
        }),
      ),
    ).toMatch(/其配送车辆的所属仓库须为示例粮油鱼洞仓/);
  });

  it("cannot be put under a production line", () => {
    const production = database.db
      .select({ id: agreementLines.id })
      .from(agreementLines)
      .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
      .where(eq(agreements.number, "BNSW-CN-2026-004"))
      .get();
    const before = tally();
    expect(
      zhThrown(() =>
        createVehicle({
          ctx: as("shangwu"),
          input: { ...lightTruck(), owner: "agreement", agreementLineId: production?.id ?? 0 },
        }),
      ),
    ).toBe("协议 BNSW-CN-2026-004 第 1 行既不是运力储备，也不是存放在企业仓库的协议储备，不能登记车辆");
    expect(tally()).toEqual(before);
  });
});

describe("who edits which vehicle", () => {
  it("lets commerce edit agreement trucks only, and nothing is written when it may not", () => {
    const government = byPlate("渝BJZ001");
    const before = tally();
    const error = thrown(() =>
      updateVehicle({ ctx: as("shangwu"), input: { ...government, status: "maintenance" } }),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.message).toBe("商务人员只能登记和修改协议运力车辆，渝BJZ001 是政府车辆");
    expect(renderMessage(error.text, "en-US")).toBe(
      "commerce staff may register and edit only agreement trucks; 渝BJZ001 is a government vehicle",
    );
    expect(() => createVehicle({ ctx: as("shangwu"), input: lightTruck() })).toThrow(ForbiddenError);
    expect(tally()).toEqual(before);

    const agreementTruck = byPlate("渝ASD001");
    const updated = updateVehicle({
      ctx: as("shangwu"),
      input: { ...agreementTruck, driver: "新示例", status: "maintenance" },
    });
    expect(updated).toMatchObject({ driver: "新示例", status: "maintenance" });
    // Nor may commerce turn its truck into a government one.
    expect(() =>
      updateVehicle({
        ctx: as("shangwu"),
        input: { ...agreementTruck, owner: "government", agreementLineId: null },
      }),
    ).toThrow(ForbiddenError);
  });

  it("lets a dispatcher change any vehicle's status, recorded in the audit log", () => {
    const truck = byPlate("渝BJZ004");
    updateVehicle({ ctx: as("diaodu"), input: { ...truck, status: "available" } });
    expect(byPlate("渝BJZ004").status).toBe("available");
    const audit = database.db.select().from(auditLog).where(eq(auditLog.action, "vehicles.update")).all();
    expect(audit.at(-1)?.summary).toContain('"statusBefore":"maintenance"');
  });
});
