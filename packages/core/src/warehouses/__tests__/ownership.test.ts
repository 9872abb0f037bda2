import type { ReliefDatabase } from "@relief/db";
import { beforeEach, describe, expect, it } from "vitest";
import type { CoreContext } from "../../context";
import { ConflictError, ForbiddenError } from "../../errors";
import { receiveStock } from "../../stock/receive";
import { actorFor, addUser, contextFor, createSeededDatabase, demoIds, zhIssues } from "../../testing";
import { getWarehouseView, listWarehouses, type WarehouseView } from "../list";
import { warehouseOwner } from "../owner";
import { createWarehouse, updateWarehouse } from "../save";
import type { CreateWarehouseInput } from "../schemas";

let database: ReliefDatabase;
let ids: ReturnType<typeof demoIds>;
/** Civil affairs with no warehouse assigned, as in the report; the demo 民政 account has five. */
let civil: CoreContext;
let commerce: CoreContext;
let admin: CoreContext;

beforeEach(async () => {
  database = await createSeededDatabase();
  ids = demoIds(database);
  civil = contextFor(database, addUser(database, "mz_unassigned", "civil_affairs"));
  commerce = contextFor(database, actorFor(database, "shangwu"));
  admin = contextFor(database);
});

function view(code: string): WarehouseView {
  return getWarehouseView(database.db, ids.warehouse(code));
}

/** The register entry as an edit form would send it back, with some fields changed. */
function edited(code: string, changes: Partial<CreateWarehouseInput>) {
  const { owner, areaName, usedM3, usage, userIds, ...fields } = view(code);
  return { ...fields, ...changes };
}

function register() {
  return {
    warehouses: database.sqlite.prepare("SELECT * FROM warehouses ORDER BY id").all(),
    audit: database.sqlite.prepare("SELECT COUNT(*) AS n FROM audit_log").get(),
  };
}

/** Runs an action that must fail, and checks that the register and the audit log are untouched. */
function refused(action: () => unknown): Error {
  const before = register();
  let error: unknown;
  try {
    action();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(Error);
  expect(register()).toEqual(before);
  return error as Error;
}

function newSite(enterpriseId: number | null, kind: CreateWarehouseInput["kind"] = "enterprise") {
  return {
    code: "QY90",
    name: "示例新仓",
    kind,
    organisation: "示例企业",
    enterpriseId,
    areaId: view("QY01").areaId,
  };
}

describe("who owns a warehouse", () => {
  it("derives the owner from the kind: enterprise sites are the commerce bureau's, military storage civil affairs'", () => {
    const owners = Object.fromEntries(listWarehouses(database.db).map((w) => [w.code, w.owner]));
    expect(owners).toMatchObject({
      QJ01: "civil_affairs",
      MD01: "civil_affairs",
      JC01: "civil_affairs",
      SW01: "commerce",
      QY01: "commerce",
    });
    expect(warehouseOwner({ kind: "township_point" })).toBe("civil_affairs");
  });
});

describe("civil affairs keep only civil-affairs warehouses", () => {
  it("cannot deactivate a commerce warehouse or change its kind", () => {
    const deactivate = refused(() =>
      updateWarehouse({ ctx: civil, input: edited("SW01", { active: false }) }),
    );
    expect(deactivate).toBeInstanceOf(ForbiddenError);
    expect(deactivate.message).toBe("仓库 区商务委应急商品储备仓（SW01）由商务部门管理，民政人员无权修改");
    expect(
      refused(() => updateWarehouse({ ctx: civil, input: edited("SW01", { kind: "civil_affairs" }) })),
    ).toBeInstanceOf(ForbiddenError);
  });

  it("cannot re-point an enterprise site to another enterprise", () => {
    const other = view("QY02").enterpriseId;
    expect(
      refused(() => updateWarehouse({ ctx: civil, input: edited("QY01", { enterpriseId: other }) })),
    ).toBeInstanceOf(ForbiddenError);
  });

  it("cannot hand one of theirs to commerce, nor register a commerce kind", () => {
    const handOver = refused(() =>
      updateWarehouse({ ctx: civil, input: edited("QJ01", { kind: "commerce" }) }),
    );
    expect(handOver).toMatchObject({ message: "民政人员不能登记商务部门管理的仓库类型" });
    expect(zhIssues(handOver)).toEqual([{ field: "kind", message: "该类型由商务部门管理" }]);
    const enterprise = view("QY01").enterpriseId;
    expect(refused(() => createWarehouse({ ctx: civil, input: newSite(enterprise) }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(refused(() => createWarehouse({ ctx: civil, input: newSite(null, "commerce") }))).toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("edit and register civil-affairs kinds without being assigned to them", () => {
    expect(updateWarehouse({ ctx: civil, input: edited("JC01", { manager: "王五" }) }).manager).toBe("王五");
    expect(updateWarehouse({ ctx: civil, input: edited("MD01", { kind: "civil_affairs" }) }).kind).toBe(
      "civil_affairs",
    );
    expect(createWarehouse({ ctx: civil, input: newSite(null, "township_point") }).owner).toBe(
      "civil_affairs",
    );
  });
});

describe("the commerce bureau keeps its own warehouses and the enterprise sites", () => {
  it("registers and edits them, and posts in enterprise sites", () => {
    const enterprise = view("QY01").enterpriseId;
    const site = createWarehouse({ ctx: commerce, input: newSite(enterprise) });
    const other = view("QY02").enterpriseId;
    expect(
      updateWarehouse({ ctx: commerce, input: edited("QY90", { enterpriseId: other }) }).enterpriseId,
    ).toBe(other);
    expect(updateWarehouse({ ctx: commerce, input: edited("SW01", { active: false }) }).active).toBe(false);
    const receipt = receiveStock({
      ctx: commerce,
      input: {
        warehouseId: site.id,
        source: { kind: "purchase" },
        lines: [{ itemId: ids.item("ZP-12"), lotCode: "ZP-QY", quantity: 10 }],
      },
    });
    expect(receipt.number).toMatch(/^RK-/);
  });

  it("cannot touch civil-affairs warehouses nor turn its own into theirs", () => {
    const edit = refused(() => updateWarehouse({ ctx: commerce, input: edited("QJ01", { active: false }) }));
    expect(edit.message).toBe("仓库 巴南区救灾物资储备库（QJ01）由民政部门管理，商务人员无权修改");
    expect(
      refused(() => updateWarehouse({ ctx: commerce, input: edited("SW01", { kind: "township_point" }) })),
    ).toBeInstanceOf(ForbiddenError);
    expect(
      refused(() => createWarehouse({ ctx: commerce, input: newSite(null, "military") })),
    ).toBeInstanceOf(ForbiddenError);
  });
});

describe("administrators", () => {
  it("edit every warehouse and change any kind", () => {
    expect(updateWarehouse({ ctx: admin, input: edited("SW01", { kind: "civil_affairs" }) }).owner).toBe(
      "civil_affairs",
    );
    expect(updateWarehouse({ ctx: admin, input: edited("QJ01", { active: false }) }).active).toBe(false);
  });

  it("keep an enterprise site named by agreements with its enterprise, whoever asks", () => {
    const other = view("QY02").enterpriseId;
    for (const ctx of [admin, commerce]) {
      const error = refused(() => updateWarehouse({ ctx, input: edited("QY01", { enterpriseId: other }) }));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toMatch(
        /^仓库 示例饮品批发李家沱仓（QY01）存放协议 .+ 的储备，不能改变其类型或所属企业$/,
      );
    }
    expect(
      refused(() =>
        updateWarehouse({ ctx: admin, input: edited("QY01", { kind: "commerce", enterpriseId: null }) }),
      ),
    ).toBeInstanceOf(ConflictError);
  });

  it("need a signed-in actor", () => {
    const system: CoreContext = { ...admin, actor: null };
    expect(
      refused(() => createWarehouse({ ctx: system, input: newSite(null, "township_point") })).message,
    ).toBe("请先登录");
  });
});
