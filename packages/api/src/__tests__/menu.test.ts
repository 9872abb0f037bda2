import {
  ACCOUNT_MANAGERS,
  ADMIN,
  AREA_EDITORS,
  COVERAGE_EDITORS,
  ENTERPRISE_EDITORS,
  ROLES,
  type Role,
  STAFF,
  STOCK_KEEPERS,
} from "@relief/domain";
import { describe, expect, it } from "vitest";
import { MENU_ACCESS, type MenuPath } from "../../../../apps/web/src/layout/menu-access";
import { canEditCoverage } from "../../../../apps/web/src/lib/coverage";
import {
  canEditAreas,
  canEditEnterprises,
  canEditLayout,
  canReadLayout,
  isAdmin,
  isStockKeeper,
} from "../../../../apps/web/src/lib/roles";
import { appRouter } from "../root";

/** The procedures each menu entry's page cannot work without: what it loads, or what it is for. */
const PAGE_NEEDS: Record<MenuPath, string[]> = {
  "/": ["coverage.dashboard"],
  "/portal": ["portal.me", "portal.agreements", "portal.calloffs", "portal.declarations"],
  "/portal/declare": ["portal.agreements", "portal.sites", "portal.declare", "portal.importDeclarations"],
  "/portal/declarations": ["portal.declarations"],
  "/portal/calloffs": ["portal.calloffs", "portal.acknowledgeCalloff", "portal.cannotDeliver"],
  "/portal/credit": ["portal.credit"],
  "/areas": ["areas.list"],
  "/stock": ["stock.balances", "stock.itemTotals"],
  "/stock/post": ["stock.receive", "stock.issue", "stock.transfer", "stock.adjust"],
  "/stock/import": ["stock.receiptTemplate", "stock.importReceipts"],
  "/documents": ["stock.documents", "stock.document"],
  "/stock/card": ["stock.card"],
  "/counts": ["stock.counts"],
  "/expiry": ["stock.expiry"],
  "/reservations": ["stock.reservations"],
  "/catalog": ["items.list", "items.categories"],
  "/warehouses": ["warehouses.list"],
  "/enterprises": ["enterprises.list"],
  "/agreements": ["agreements.list"],
  "/commerce/sheets": ["enterprises.export", "agreements.export", "agreements.exportDeclarations"],
  "/quotas": ["quotas.list"],
  "/shelters": ["shelters.list"],
  "/coverage/report": ["coverage.exportReport"],
  "/layout": [
    "layout.evaluate",
    "layout.advice",
    "layout.drafts",
    "layout.prices",
    "risks.list",
    "roads.list",
  ],
  "/risks": ["risks.list"],
  "/incidents": ["incidents.list", "incidents.get", "incidents.needs"],
  "/vehicles": ["vehicles.list", "vehicles.options"],
  "/roads": ["roads.list", "roads.edges", "roads.history"],
  "/aid": ["aid.list", "aid.get", "neighbours.list"],
  "/aid/loans": ["aid.loans", "aid.exportLoans"],
  "/neighbours": ["neighbours.list", "neighbours.get", "neighbours.lendableTemplate"],
  "/users": ["users.list"],
  "/audit": ["audit.list"],
  "/settings": ["settings.get", "settings.update"],
};

function declaredRoles(path: string): readonly Role[] | "public" {
  const procedure = appRouter._def.procedures[path as keyof typeof appRouter._def.procedures];
  const meta = (
    procedure as unknown as { _def: { meta?: { roles: readonly Role[] | "public" } } } | undefined
  )?._def.meta;
  if (!meta) throw new Error(`no procedure ${path}`);
  return meta.roles;
}

function allows(path: string, role: Role): boolean {
  const roles = declaredRoles(path);
  return roles === "public" || roles.includes(role);
}

describe("the web's menu and the API's roles", () => {
  it("names a page's procedures for every menu entry", () => {
    expect(Object.keys(PAGE_NEEDS).sort()).toEqual(Object.keys(MENU_ACCESS).sort());
  });

  const cases = (Object.keys(MENU_ACCESS) as MenuPath[]).flatMap((path) =>
    ROLES.map((role) => ({ path, role, shown: MENU_ACCESS[path](role) })),
  );
  it.each(cases)(
    "$path as $role (shown=$shown): the page's procedures allow the role",
    ({ path, role, shown }) => {
      const refused = PAGE_NEEDS[path].filter((p) => !allows(p, role));
      // An entry is shown exactly when its page can work: never a page that answers with a refusal, never a
      // page hidden from a role that may use it.
      expect(refused.length === 0, `${path} for ${role}: ${refused.join(", ")}`).toBe(shown);
    },
  );

  it("the API and the web decide with the same role groups", () => {
    expect(declaredRoles("stock.receive")).toBe(STOCK_KEEPERS);
    expect(declaredRoles("users.list")).toBe(ACCOUNT_MANAGERS);
    expect(declaredRoles("areas.list")).toBe(STAFF);
    for (const role of ROLES) {
      expect(isStockKeeper(role), role).toBe(STOCK_KEEPERS.includes(role));
      expect(isAdmin(role), role).toBe(ADMIN.includes(role));
      expect(canEditAreas(role), role).toBe(allows("areas.update", role));
      expect(canEditEnterprises(role), role).toBe(allows("enterprises.create", role));
      expect(canEditCoverage(role), role).toBe(allows("quotas.update", role));
      expect(canReadLayout(role), role).toBe(allows("layout.evaluate", role));
      expect(canEditLayout(role), role).toBe(allows("layout.accept", role));
    }
    expect(declaredRoles("areas.update")).toBe(AREA_EDITORS);
    expect(declaredRoles("enterprises.create")).toBe(ENTERPRISE_EDITORS);
    expect(declaredRoles("quotas.update")).toBe(COVERAGE_EDITORS);
  });
});
