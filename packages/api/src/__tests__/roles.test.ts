import { createSeededDatabase } from "@relief/core/testing";
import type { ReliefDatabase, Role } from "@relief/db";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../root";
import { callerAs } from "../testing";

const ALL: Role[] = ["admin", "civil_affairs", "commerce", "dispatcher", "leader"];
/** Roles that post stock documents (each only where the core's warehouse scope allows). */
const KEEPERS: Role[] = ["admin", "civil_affairs", "commerce"];
const ACCOUNT: Record<Role, string> = {
  admin: "admin",
  civil_affairs: "minzheng",
  commerce: "shangwu",
  dispatcher: "diaodu",
  leader: "lingdao",
};

/**
 * Every procedure and the roles allowed to call it. Adding a procedure without a row here fails the
 * completeness test below; every later domain extends this table.
 */
const ROLE_TABLE: Record<string, Role[] | "public"> = {
  "auth.login": "public",
  "auth.logout": ALL,
  "auth.me": ALL,
  "auth.changePassword": ALL,
  "users.list": ["admin"],
  "users.create": ["admin"],
  "users.update": ["admin"],
  "users.resetPassword": ["admin"],
  "areas.list": ALL,
  "areas.update": ["admin", "civil_affairs"],
  "areas.create": ["admin", "civil_affairs"],
  "areas.remove": ["admin", "civil_affairs"],
  "areas.importPopulation": ["admin", "civil_affairs"],
  "areas.exportPopulation": ALL,
  "areas.populationTemplate": ["admin", "civil_affairs"],
  "audit.list": ["admin"],
  "items.list": ALL,
  "items.categories": ALL,
  "items.create": ["admin", "civil_affairs"],
  "items.update": ["admin", "civil_affairs"],
  "warehouses.list": ALL,
  "warehouses.create": ["admin", "civil_affairs"],
  "warehouses.update": ["admin", "civil_affairs"],
  "warehouses.assignUsers": ["admin"],
  "stock.balances": ALL,
  "stock.card": ALL,
  "stock.documents": ALL,
  "stock.document": ALL,
  "stock.expiry": ALL,
  "stock.reasons": ALL,
  "stock.lots": ALL,
  "stock.reservations": ALL,
  "stock.verify": ["admin", "civil_affairs"],
  "stock.receive": KEEPERS,
  "stock.issue": KEEPERS,
  "stock.transfer": KEEPERS,
  "stock.receiveTransfer": KEEPERS,
  "stock.adjust": KEEPERS,
  "stock.reverse": KEEPERS,
  "stock.hold": KEEPERS,
  "stock.unhold": KEEPERS,
  "stock.setLotStatus": ["admin", "civil_affairs"],
  "stock.reserve": [...KEEPERS, "dispatcher"],
  "stock.release": [...KEEPERS, "dispatcher"],
  "stock.receiptTemplate": KEEPERS,
  "stock.importReceipts": KEEPERS,
  "stock.exportBalances": ALL,
  "stock.exportCard": ALL,
  "stock.counts": ALL,
  "enterprises.list": ALL,
  "enterprises.create": ["admin", "commerce"],
  "enterprises.update": ["admin", "commerce"],
  "enterprises.get": ALL,
  "enterprises.recordCreditEvent": ["admin", "commerce"],
  "agreements.list": ALL,
  "agreements.get": ALL,
  "agreements.create": ["admin", "commerce"],
  "agreements.update": ["admin", "commerce"],
  "agreements.terminate": ["admin", "commerce"],
  "agreements.declare": ["admin", "commerce"],
  "agreements.verify": ["admin", "commerce"],
  "agreements.calloffs": ALL,
  "agreements.calloff": ["admin", "commerce"],
  "agreements.confirmCalloff": ["admin", "commerce"],
  "agreements.cancelCalloff": ["admin", "commerce"],
  "agreements.template": ["admin", "commerce"],
  "agreements.export": ALL,
  "agreements.import": ["admin", "commerce"],
  "agreements.declarationTemplate": ["admin", "commerce"],
  "agreements.exportDeclarations": ALL,
  "agreements.importDeclarations": ["admin", "commerce"],
  "quotas.list": ALL,
  "quotas.update": ["admin", "civil_affairs"],
  "coverage.summary": ALL,
  "coverage.byTownship": ALL,
  "coverage.snapshots": ALL,
  "coverage.snapshot": ALL,
  "coverage.takeSnapshot": ["admin", "civil_affairs"],
  "coverage.exportReport": ALL,
  "shelters.list": ALL,
  "shelters.create": ["admin", "civil_affairs"],
  "shelters.update": ["admin", "civil_affairs"],
  "enterprises.template": ["admin", "commerce"],
  "enterprises.export": ALL,
  "enterprises.import": ["admin", "commerce"],
  "stock.count": ALL,
  "stock.openCount": KEEPERS,
  "stock.recordCount": KEEPERS,
  "stock.submitCount": KEEPERS,
  "stock.cancelCount": KEEPERS,
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
    ALL.map((role) => ({ path, role, allowed: allowed === "public" || allowed.includes(role) })),
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
