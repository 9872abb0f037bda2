import {
  ACCOUNT_MANAGERS,
  AREA_EDITORS,
  CATALOG_EDITORS,
  DISPATCH_ROLES,
  DISPATCHERS,
  ENTERPRISE_EDITORS,
  FLEET_EDITORS,
  LAYOUT_EDITORS,
  LAYOUT_READERS,
  mayApprovePlan,
  mayEditVehicle,
  mayManageOwnedBy,
  mayPostIn,
  PORTAL_USERS,
  STAFF,
  STOCK_KEEPERS,
  STOCK_MANAGERS,
  WAREHOUSE_EDITORS,
} from "@relief/domain";
import type { Role, VehicleOwner, WarehouseView } from "./api-types";

/** What the user may do, decided with the server's own role groups and warehouse rules (@relief/domain). */

/** The district's own staff, who read the district's pages; an enterprise user sees only its portal. */
export function isStaff(role: Role): boolean {
  return STAFF.includes(role);
}

/** A partner enterprise's own account: its portal pages and nothing of the district's. */
export function isPortalUser(role: Role): boolean {
  return PORTAL_USERS.includes(role);
}

/** Accounts: administrators every one, the commerce bureau the enterprise users (the server narrows it). */
export function canManageAccounts(role: Role): boolean {
  return ACCOUNT_MANAGERS.includes(role);
}

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
  return mayManageOwnedBy(role, warehouse.owner);
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
 * Whether the user may set a lot's condition, as the server's `assertMayChangeLotStatus` decides: a stock keeper
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

/** Whether the user may post stock in the warehouse: the server's rule, never in an inactive warehouse. */
export function canPostIn(user: Poster, warehouse: PostingWarehouse): boolean {
  return warehouse.active && mayPostIn(user.role, warehouse.owner, () => warehouse.userIds.includes(user.id));
}

/** Reservations: stock keepers where they may post, dispatchers in every active warehouse. */
export function canReserveIn(user: Poster, warehouse: PostingWarehouse): boolean {
  if (user.role === "dispatcher") return warehouse.active;
  return canPostIn(user, warehouse);
}

/**
 * Confirming that a dispatch order left its source warehouse, as the server's `dispatch.depart` decides: the
 * reservation rule, since departure issues what the order reserved.
 */
export function canConfirmDeparture(user: Poster, warehouse: PostingWarehouse): boolean {
  return canReserveIn(user, warehouse);
}

/**
 * Planning an incident's dispatch (and re-planning with pins and exclusions), cancelling orders and recording a
 * township's receipt on its behalf: dispatchers.
 */
export function canPlanDispatch(role: Role): boolean {
  return DISPATCHERS.includes(role);
}

/**
 * Approving a plan into dispatch orders, as the server's `dispatch.approve` decides with the district's setting
 * (`settings.get`): dispatchers, or leaders when the district has leaders approve; administrators always. No
 * settings loaded yet: no approving.
 */
export function canApprovePlan(
  role: Role,
  settings: Parameters<typeof mayApprovePlan>[1] | undefined,
): boolean {
  return settings !== undefined && mayApprovePlan(role, settings);
}

/** Closing, slowing and reopening roads, editing the network and importing its sheet: dispatchers. */
export function canEditRoads(role: Role): boolean {
  return DISPATCHERS.includes(role);
}

/** Registering vehicles and importing the fleet sheet: dispatchers, and commerce for its agreement trucks. */
export function canEditFleet(role: Role): boolean {
  return FLEET_EDITORS.includes(role);
}

/** A vehicle of this owner, as the server's `mayEditVehicle` decides. */
export function canEditVehicle(role: Role, owner: VehicleOwner): boolean {
  return mayEditVehicle(role, owner);
}

/** The reserve layout page and the risk register: civil affairs, dispatchers and the leader read them. */
export function canReadLayout(role: Role): boolean {
  return LAYOUT_READERS.includes(role);
}

/** Editing the risk register and prices, asking for layout advice and accepting it: civil affairs. */
export function canEditLayout(role: Role): boolean {
  return LAYOUT_EDITORS.includes(role);
}
