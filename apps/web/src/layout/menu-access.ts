import type { Role } from "../lib/api-types";
import { isAdmin, isStockKeeper } from "../lib/roles";

const everyone = () => true;

/**
 * Which roles see each menu entry, by the page's path. Kept apart from the menu's icons and labels so the API's
 * tests can check it against the roles each page's procedures are declared with.
 */
export const MENU_ACCESS = {
  "/": everyone,
  "/areas": everyone,
  "/stock": everyone,
  "/stock/post": isStockKeeper,
  "/stock/import": isStockKeeper,
  "/documents": everyone,
  "/stock/card": everyone,
  "/counts": everyone,
  "/expiry": everyone,
  "/reservations": everyone,
  "/catalog": everyone,
  "/warehouses": everyone,
  "/enterprises": everyone,
  "/agreements": everyone,
  "/commerce/sheets": everyone,
  "/quotas": everyone,
  "/shelters": everyone,
  "/coverage/report": everyone,
  "/incidents": everyone,
  "/vehicles": everyone,
  "/roads": everyone,
  "/users": isAdmin,
  "/audit": isAdmin,
  "/settings": isAdmin,
} satisfies Record<string, (role: Role) => boolean>;

export type MenuPath = keyof typeof MENU_ACCESS;
