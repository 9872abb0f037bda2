import type { Role } from "./roles";

/** 民政 government, 商务 government, 军队储备 military storage, 企业 enterprise site, 镇街 township point. */
export const WAREHOUSE_KINDS = [
  "civil_affairs",
  "commerce",
  "military",
  "enterprise",
  "township_point",
] as const;
export type WarehouseKind = (typeof WAREHOUSE_KINDS)[number];

/** The bureau that answers for a warehouse: its register entry, the lot conditions of what it holds. */
export type WarehouseOwner = "civil_affairs" | "commerce";

/**
 * Ownership follows the kind. Enterprise sites (企业代储点) hold stock under commerce-bureau agreements, so they
 * are the bureau's whichever enterprise runs them; the military storage point (军地代储点) keeps the civil-affairs
 * reserve on an army site, so it is civil affairs'.
 */
const OWNER_OF_KIND: Record<WarehouseKind, WarehouseOwner> = {
  civil_affairs: "civil_affairs",
  township_point: "civil_affairs",
  military: "civil_affairs",
  commerce: "commerce",
  enterprise: "commerce",
};

export function warehouseOwner(warehouse: { kind: WarehouseKind }): WarehouseOwner {
  return OWNER_OF_KIND[warehouse.kind];
}

/**
 * Whether the role may keep the register entry of a warehouse the owner answers for, and the condition of the
 * lots it holds: administrators everywhere, each bureau in the warehouses it owns. Assignment to a warehouse is
 * not needed: it grants posting there, a day-to-day duty of one person, while the register and lot conditions
 * are the bureau's (a new warehouse has nobody assigned yet).
 */
export function mayManageOwnedBy(role: Role, owner: WarehouseOwner): boolean {
  return role === "admin" || role === owner;
}

/**
 * Who may post stock in a warehouse: administrators everywhere; civil-affairs staff in the warehouses assigned
 * to them (`assigned` is asked only for them, as it may need a lookup); the commerce bureau in the warehouses
 * it owns (its own and enterprise sites). Everyone else reads only.
 */
export function mayPostIn(role: Role, owner: WarehouseOwner, assigned: () => boolean): boolean {
  switch (role) {
    case "admin":
      return true;
    case "commerce":
      return owner === "commerce";
    case "civil_affairs":
      return assigned();
    default:
      return false;
  }
}
