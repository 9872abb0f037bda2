import type { Role } from "../lib/api-types";
import {
  canManageAccounts,
  canReadLayout,
  isAdmin,
  isPortalUser,
  isStaff,
  isStockKeeper,
} from "../lib/roles";

/**
 * Which roles see each menu entry, by the page's path. Kept apart from the menu's icons and labels so the API's
 * tests can check it against the roles each page's procedures are declared with.
 */
export const MENU_ACCESS = {
  "/": isStaff,
  "/portal": isPortalUser,
  "/portal/declare": isPortalUser,
  "/portal/declarations": isPortalUser,
  "/portal/calloffs": isPortalUser,
  "/portal/credit": isPortalUser,
  "/areas": isStaff,
  "/stock": isStaff,
  "/stock/post": isStockKeeper,
  "/stock/import": isStockKeeper,
  "/documents": isStaff,
  "/stock/card": isStaff,
  "/counts": isStaff,
  "/expiry": isStaff,
  "/reservations": isStaff,
  "/catalog": isStaff,
  "/warehouses": isStaff,
  "/enterprises": isStaff,
  "/agreements": isStaff,
  "/commerce/sheets": isStaff,
  "/quotas": isStaff,
  "/shelters": isStaff,
  "/coverage/report": isStaff,
  "/layout": canReadLayout,
  "/risks": canReadLayout,
  "/incidents": isStaff,
  "/vehicles": isStaff,
  "/roads": isStaff,
  "/aid": isStaff,
  "/aid/loans": isStaff,
  "/neighbours": isStaff,
  "/users": canManageAccounts,
  "/audit": isAdmin,
  "/settings": isAdmin,
} satisfies Record<string, (role: Role) => boolean>;

export type MenuPath = keyof typeof MENU_ACCESS;
