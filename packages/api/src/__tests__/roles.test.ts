import { addUser, createSeededDatabase, demoIds } from "@relief/core/testing";
import { type ReliefDatabase, ROLES, type Role, type WarehouseKind } from "@relief/db";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../root";
import { callerAs } from "../testing";

/** The district's staff. The enterprise user reaches none of their procedures: only the portal's and its session's. */
const STAFF: Role[] = ["admin", "civil_affairs", "commerce", "dispatcher", "leader"];
const SIGNED_IN: Role[] = [...STAFF, "enterprise"];
/** Roles that post stock documents (each only where the core's warehouse scope allows). */
const KEEPERS: Role[] = ["admin", "civil_affairs", "commerce"];
/** The risk register and the layout advice: civil affairs, the leader and dispatchers. */
const LAYOUT_READERS: Role[] = ["admin", "civil_affairs", "dispatcher", "leader"];
const ACCOUNT: Record<Role, string> = {
  admin: "admin",
  civil_affairs: "minzheng",
  commerce: "shangwu",
  dispatcher: "diaodu",
  leader: "lingdao",
  enterprise: "qiye",
};

/**
 * Every procedure and the roles allowed to call it. Adding a procedure without a row here fails the
 * completeness test below; every later domain extends this table.
 */
const ROLE_TABLE: Record<string, Role[] | "public"> = {
  "auth.login": "public",
  "auth.logout": SIGNED_IN,
  "auth.me": SIGNED_IN,
  "auth.changePassword": SIGNED_IN,
  "users.list": ["admin", "commerce"],
  "users.create": ["admin", "commerce"],
  "users.update": ["admin", "commerce"],
  "users.resetPassword": ["admin", "commerce"],
  "settings.get": STAFF,
  "settings.update": ["admin"],
  "areas.list": STAFF,
  "areas.villages": STAFF,
  "areas.update": ["admin", "civil_affairs"],
  "areas.create": ["admin", "civil_affairs"],
  "areas.remove": ["admin", "civil_affairs"],
  "areas.importPopulation": ["admin", "civil_affairs"],
  "areas.exportPopulation": STAFF,
  "areas.populationTemplate": ["admin", "civil_affairs"],
  "audit.list": ["admin"],
  "items.list": STAFF,
  "items.categories": STAFF,
  "items.create": ["admin", "civil_affairs"],
  "items.update": ["admin", "civil_affairs"],
  "warehouses.list": STAFF,
  "warehouses.create": KEEPERS,
  "warehouses.update": KEEPERS,
  "warehouses.assignUsers": ["admin"],
  "stock.balances": STAFF,
  "stock.itemTotals": STAFF,
  "stock.explain": STAFF,
  "stock.card": STAFF,
  "stock.documents": STAFF,
  "stock.document": STAFF,
  "stock.expiry": STAFF,
  "stock.rotation": STAFF,
  "stock.reasons": STAFF,
  "stock.lots": STAFF,
  "stock.reservations": STAFF,
  "stock.verify": ["admin", "civil_affairs"],
  "stock.receive": KEEPERS,
  "stock.issue": KEEPERS,
  "stock.transfer": KEEPERS,
  "stock.receiveTransfer": KEEPERS,
  "stock.adjust": KEEPERS,
  "stock.reverse": KEEPERS,
  "stock.hold": KEEPERS,
  "stock.unhold": KEEPERS,
  "stock.setLotStatus": KEEPERS,
  "stock.reserve": [...KEEPERS, "dispatcher"],
  "stock.release": [...KEEPERS, "dispatcher"],
  "stock.receiptTemplate": KEEPERS,
  "stock.importReceipts": KEEPERS,
  "stock.exportBalances": STAFF,
  "stock.exportCard": STAFF,
  "stock.exportExpiry": STAFF,
  "stock.exportRotation": STAFF,
  "stock.counts": STAFF,
  "enterprises.list": STAFF,
  "enterprises.options": STAFF,
  "enterprises.create": ["admin", "commerce"],
  "enterprises.update": ["admin", "commerce"],
  "enterprises.get": STAFF,
  "enterprises.recordCreditEvent": ["admin", "commerce"],
  "agreements.list": STAFF,
  "agreements.reminders": STAFF,
  "agreements.get": STAFF,
  "agreements.declarations": STAFF,
  "agreements.verifications": STAFF,
  "agreements.create": ["admin", "commerce"],
  "agreements.update": ["admin", "commerce"],
  "agreements.terminate": ["admin", "commerce"],
  "agreements.declare": ["admin", "commerce"],
  "agreements.verify": ["admin", "commerce"],
  "agreements.calloffs": STAFF,
  "agreements.calloff": ["admin", "commerce"],
  "agreements.confirmCalloff": ["admin", "commerce"],
  "agreements.cancelCalloff": ["admin", "commerce"],
  "agreements.template": ["admin", "commerce"],
  "agreements.export": STAFF,
  "agreements.import": ["admin", "commerce"],
  "agreements.declarationTemplate": ["admin", "commerce"],
  "agreements.exportDeclarations": STAFF,
  "agreements.importDeclarations": ["admin", "commerce"],
  "declarations.review": ["admin", "commerce"],
  "declarations.overdue": STAFF,
  "portal.me": ["enterprise"],
  "portal.agreements": ["enterprise"],
  "portal.sites": ["enterprise"],
  "portal.declarations": ["enterprise"],
  "portal.declare": ["enterprise"],
  "portal.declarationTemplate": ["enterprise"],
  "portal.importDeclarations": ["enterprise"],
  "portal.calloffs": ["enterprise"],
  "portal.acknowledgeCalloff": ["enterprise"],
  "portal.cannotDeliver": ["enterprise"],
  "portal.credit": ["enterprise"],
  "quotas.list": STAFF,
  "quotas.update": ["admin", "civil_affairs"],
  "coverage.summary": STAFF,
  "coverage.dashboard": STAFF,
  "coverage.byTownship": STAFF,
  "coverage.snapshots": STAFF,
  "coverage.snapshot": STAFF,
  "coverage.takeSnapshot": ["admin", "civil_affairs"],
  "coverage.exportReport": STAFF,
  "shelters.list": STAFF,
  "shelters.create": ["admin", "civil_affairs"],
  "shelters.update": ["admin", "civil_affairs"],
  "enterprises.template": ["admin", "commerce"],
  "enterprises.export": STAFF,
  "enterprises.import": ["admin", "commerce"],
  "stock.count": STAFF,
  "stock.exportCountSheet": STAFF,
  "stock.openCount": KEEPERS,
  "stock.recordCount": KEEPERS,
  "stock.submitCount": KEEPERS,
  "stock.cancelCount": KEEPERS,
  "dispatch.plan": ["admin", "dispatcher"],
  "dispatch.get": STAFF,
  "dispatch.list": STAFF,
  "dispatch.compare": STAFF,
  "dispatch.reach": STAFF,
  "dispatch.approve": ["admin", "dispatcher", "leader"],
  "dispatch.orders": STAFF,
  "dispatch.order": STAFF,
  "dispatch.exportOrder": STAFF,
  "dispatch.cancel": ["admin", "dispatcher"],
  "dispatch.replan": ["admin", "dispatcher"],
  "dispatch.depart": ["admin", "civil_affairs", "commerce", "dispatcher"],
  "dispatch.receive": ["admin", "dispatcher"],
  "vehicles.list": STAFF,
  "vehicles.options": STAFF,
  "vehicles.create": ["admin", "dispatcher", "commerce"],
  "vehicles.update": ["admin", "dispatcher", "commerce"],
  "vehicles.exportSheet": STAFF,
  "vehicles.importSheet": ["admin", "dispatcher", "commerce"],
  "neighbours.list": STAFF,
  "neighbours.get": STAFF,
  "neighbours.update": ["admin", "dispatcher"],
  "neighbours.lendableTemplate": STAFF,
  "neighbours.importLendable": ["admin", "dispatcher"],
  "risks.list": LAYOUT_READERS,
  "risks.history": LAYOUT_READERS,
  "risks.update": ["admin", "civil_affairs"],
  "layout.evaluate": LAYOUT_READERS,
  "layout.advise": ["admin", "civil_affairs"],
  "layout.advice": LAYOUT_READERS,
  "layout.confirm": LAYOUT_READERS,
  "layout.progress": LAYOUT_READERS,
  "layout.accept": ["admin", "civil_affairs"],
  "layout.drafts": LAYOUT_READERS,
  "layout.draft": LAYOUT_READERS,
  "layout.discardDraft": ["admin", "civil_affairs"],
  "layout.prices": LAYOUT_READERS,
  "layout.setPrices": ["admin", "civil_affairs"],
  "layout.purchaseSheet": LAYOUT_READERS,
  "aid.list": STAFF,
  "aid.get": STAFF,
  "aid.draft": STAFF,
  "aid.outbound": STAFF,
  "aid.planOutbound": STAFF,
  "aid.outboundPlan": STAFF,
  "aid.requestSheet": STAFF,
  "aid.request": ["admin", "dispatcher"],
  "aid.reply": ["admin", "dispatcher"],
  "aid.cancel": ["admin", "dispatcher"],
  "aid.receive": KEEPERS,
  "aid.issue": KEEPERS,
  "aid.issuePlanned": KEEPERS,
  "aid.loans": STAFF,
  "aid.exportLoans": STAFF,
  "roads.list": STAFF,
  "roads.edges": STAFF,
  "roads.history": STAFF,
  "roads.closures": STAFF,
  "roads.setStatus": ["admin", "dispatcher"],
  "roads.createNode": ["admin", "dispatcher"],
  "roads.updateNode": ["admin", "dispatcher"],
  "roads.createEdge": ["admin", "dispatcher"],
  "roads.updateEdge": ["admin", "dispatcher"],
  "roads.exportSheet": STAFF,
  "roads.importSheet": ["admin", "dispatcher"],
  "incidents.list": STAFF,
  "incidents.get": STAFF,
  "incidents.needs": STAFF,
  "incidents.progress": STAFF,
  "incidents.summary": STAFF,
  "incidents.exportSummary": STAFF,
  "incidents.create": ["admin", "dispatcher"],
  "incidents.report": ["admin", "dispatcher"],
  "incidents.setPackageLine": ["admin", "dispatcher"],
  "incidents.removePackageLine": ["admin", "dispatcher"],
  "incidents.overrideNeed": ["admin", "dispatcher"],
  "incidents.close": ["admin", "dispatcher"],
};

type AnyProcedure = (input?: unknown) => Promise<unknown>;

function procedureOf(caller: unknown, path: string): AnyProcedure {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return fn as AnyProcedure;
}

/** The error code a call ends with, or "OK". Input is deliberately empty: access is decided before validation. */
async function outcome(caller: unknown, path: string): Promise<string> {
  try {
    await procedureOf(caller, path)({});
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe("role table", () => {
  let database: ReliefDatabase;
  beforeAll(async () => {
    database = await createSeededDatabase();
  });

  it("lists every procedure of the router, and only those", () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(ROLE_TABLE).sort());
  });

  it.each(Object.keys(ROLE_TABLE).filter((p) => ROLE_TABLE[p] !== "public"))(
    "%s refuses anonymous callers with UNAUTHORIZED",
    async (path) => {
      expect(await outcome(callerAs(database, null), path)).toBe("UNAUTHORIZED");
    },
  );

  const cases = Object.entries(ROLE_TABLE).flatMap(([path, allowed]) =>
    ROLES.map((role) => ({ path, role, allowed: allowed === "public" || allowed.includes(role) })),
  );
  it.each(cases)("$path as $role: allowed=$allowed", async ({ path, role, allowed }) => {
    const result = await outcome(callerAs(database, ACCOUNT[role]), path);
    if (allowed) expect(result).not.toMatch(/^(FORBIDDEN|UNAUTHORIZED)$/);
    else expect(result).toBe("FORBIDDEN");
  });

  it("the declared roles on each procedure match the table", () => {
    for (const [path, procedure] of Object.entries(appRouter._def.procedures)) {
      const meta = (procedure as unknown as { _def: { meta?: { roles: unknown } } })._def.meta;
      const expected = ROLE_TABLE[path];
      expect(meta?.roles === "public" ? "public" : [...((meta?.roles as Role[]) ?? [])].sort(), path).toEqual(
        expected === "public" ? "public" : [...(expected ?? [])].sort(),
      );
    }
  });
});

/**
 * On top of the role table, the core scopes warehouse register entries and lot conditions by the bureau that
 * owns the warehouse. Civil affairs act through a user with no warehouse assigned: ownership, not assignment,
 * decides these.
 */
const OWNED_KINDS: Record<Role, WarehouseKind[]> = {
  admin: ["civil_affairs", "commerce", "military", "enterprise", "township_point"],
  civil_affairs: ["civil_affairs", "military", "township_point"],
  commerce: ["commerce", "enterprise"],
  dispatcher: [],
  leader: [],
  enterprise: [],
};
const SCOPE_ACCOUNT: Record<Role, string> = { ...ACCOUNT, civil_affairs: "mz_unassigned" };
/** A demo warehouse of each kind, and a lot held in it alone. */
const SITES: Record<WarehouseKind, { code: string; item: string; lot: string }> = {
  civil_affairs: { code: "QJ01", item: "ZP-12", lot: "ZP-2019-01" },
  commerce: { code: "SW01", item: "YYS-1L", lot: "YYS-C" },
  military: { code: "JC01", item: "ZP-12", lot: "ZP-2020-05" },
  enterprise: { code: "QY01", item: "ZP-12", lot: "ZP-QY01" },
  township_point: { code: "SL01", item: "MB-01", lot: "MB-DON-2025" },
};
const SCOPED_ACTIONS = ["warehouses.create", "warehouses.update", "stock.setLotStatus"] as const;

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe("warehouse scope by owner", () => {
  let database: ReliefDatabase;
  beforeAll(async () => {
    database = await createSeededDatabase();
    addUser(database, "mz_unassigned", "civil_affairs");
    const ids = demoIds(database);
    // The demo enterprise sites hold no ledger stock: give one a lot of its own.
    await callerAs(database, "admin").stock.receive({
      warehouseId: ids.warehouse("QY01"),
      source: { kind: "purchase" },
      lines: [{ itemId: ids.item("ZP-12"), lotCode: "ZP-QY01", quantity: 5 }],
    });
  });

  const kinds = Object.keys(SITES) as WarehouseKind[];
  const cases = SCOPED_ACTIONS.flatMap((action) =>
    ROLES.flatMap((role) =>
      kinds.map((kind) => ({ action, role, kind, allowed: OWNED_KINDS[role].includes(kind) })),
    ),
  );
  it.each(cases)(
    "$action on a $kind warehouse as $role: allowed=$allowed",
    async ({ action, role, kind, allowed }) => {
      const caller = callerAs(database, SCOPE_ACCOUNT[role]);
      const ids = demoIds(database);
      const site = SITES[kind];
      const view = (await callerAs(database, "admin").warehouses.list()).find((w) => w.code === site.code);
      if (!view) throw new Error(`no demo warehouse ${site.code}`);
      const { owner, areaName, usedM3, usage, userIds, ...entry } = view;
      const call = {
        // A new warehouse of the kind, with a code of its own per case.
        "warehouses.create": () =>
          caller.warehouses.create({ ...entry, code: `T-${ROLES.indexOf(role)}-${kinds.indexOf(kind)}` }),
        // The entry sent back as it is: any edit at all is scoped.
        "warehouses.update": () => caller.warehouses.update(entry),
        "stock.setLotStatus": () =>
          caller.stock.setLotStatus({ lotId: ids.lot(site.item, site.lot), status: "available" }),
      }[action];
      expect(await codeOf(call())).toBe(allowed ? "OK" : "FORBIDDEN");
    },
  );
});
