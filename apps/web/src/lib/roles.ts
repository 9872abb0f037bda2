import type { Role, WarehouseView } from "./api-types";

/** Who maintains the area register and population figures (mirrors the server's AREA_EDITORS). */
const AREA_EDITORS: readonly Role[] = ["admin", "civil_affairs"];
/** The server's CATALOG_EDITORS: the material catalog. */
const CATALOG_EDITORS: readonly Role[] = ["admin", "civil_affairs"];
/** The server's WAREHOUSE_EDITORS: the warehouse register, narrowed per warehouse by its owner. */
const WAREHOUSE_EDITORS: readonly Role[] = ["admin", "civil_affairs", "commerce"];
/** The server's STOCK_KEEPERS: who posts stock documents (narrowed per warehouse, see `canPostIn`). */
const STOCK_KEEPERS: readonly Role[] = ["admin", "civil_affairs", "commerce"];
/** The server's STOCK_MANAGERS: ledger verification. */
const STOCK_MANAGERS: readonly Role[] = ["admin", "civil_affairs"];
/** The server's ENTERPRISE_EDITORS: the register of partner enterprises, their agreements and credit records. */
const ENTERPRISE_EDITORS: readonly Role[] = ["admin", "commerce"];
/** The server's DISPATCH_ROLES: reservations for a dispatch. */
const DISPATCH_ROLES: readonly Role[] = ["admin", "civil_affairs", "commerce", "dispatcher"];

export function canEditAreas(role: Role): boolean {
  return AREA_EDITORS.includes(role);
}

export function isAdmin(role: Role): boolean {
  return role === "admin";
}

export function canEditCatalog(role: Role): boolean {
  return CATALOG_EDITORS.includes(role);
}

export function canRegisterWarehouses(role: Role): boolean {
  return WAREHOUSE_EDITORS.includes(role);
}

/** A warehouse's register entry: administrators everywhere, each bureau the warehouses it owns (`owner`, from the server). */
export function canEditWarehouse(role: Role, warehouse: Pick<WarehouseView, "owner">): boolean {
  return role === "admin" || (canRegisterWarehouses(role) && warehouse.owner === role);
}

export function canEditEnterprises(role: Role): boolean {
  return ENTERPRISE_EDITORS.includes(role);
}

/** Reserve agreements, declarations, inspections, call-offs and credit events: the same editors. */
export function canEditAgreements(role: Role): boolean {
  return ENTERPRISE_EDITORS.includes(role);
}

export function isStockKeeper(role: Role): boolean {
  return STOCK_KEEPERS.includes(role);
}

export function canManageStock(role: Role): boolean {
  return STOCK_MANAGERS.includes(role);
}

/**
 * Whether the user may set a lot's condition (mirrors the server's `assertMayChangeLotStatus`): a stock keeper
 * who may manage every warehouse holding the lot, as `canEditWarehouse` says; a lot held nowhere is any
 * keeper's. A holder not (yet) in the warehouse list counts as foreign.
 */
export function canSetLotStatus(
  role: Role,
  holders: ReadonlyArray<Pick<WarehouseView, "owner"> | undefined>,
): boolean {
  return isStockKeeper(role) && holders.every((w) => w !== undefined && canEditWarehouse(role, w));
}

export function canReserve(role: Role): boolean {
  return DISPATCH_ROLES.includes(role);
}

type Poster = { id: number; role: Role };
type PostingWarehouse = Pick<WarehouseView, "owner" | "userIds" | "active">;

/**
 * Whether the user may post stock in the warehouse (mirrors the server's `canPostIn`): administrators
 * everywhere, civil-affairs staff in the warehouses assigned to them, the commerce bureau in the warehouses
 * it owns; never in an inactive warehouse.
 */
export function canPostIn(user: Poster, warehouse: PostingWarehouse): boolean {
  if (!warehouse.active) return false;
  switch (user.role) {
    case "admin":
      return true;
    case "commerce":
      return warehouse.owner === "commerce";
    case "civil_affairs":
      return warehouse.userIds.includes(user.id);
    default:
      return false;
  }
}

/** Reservations: stock keepers where they may post, dispatchers in every active warehouse. */
export function canReserveIn(user: Poster, warehouse: PostingWarehouse): boolean {
  if (user.role === "dispatcher") return warehouse.active;
  return canPostIn(user, warehouse);
}
