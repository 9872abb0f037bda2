import type { Role, WarehouseKind } from "@relief/db";
import type { CoreContext } from "../context";
import { ForbiddenError, UnauthorizedError } from "../errors";

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

const OWNER_LABEL: Record<WarehouseOwner, string> = { civil_affairs: "民政部门", commerce: "商务部门" };

/** How refusals name the person acting. */
export const ROLE_PERSON_LABEL: Record<Role, string> = {
  admin: "管理员",
  civil_affairs: "民政人员",
  commerce: "商务人员",
  dispatcher: "调度人员",
  leader: "领导",
};

export function warehouseOwner(warehouse: { kind: WarehouseKind }): WarehouseOwner {
  return OWNER_OF_KIND[warehouse.kind];
}

export function warehouseOwnerLabel(warehouse: { kind: WarehouseKind }): string {
  return OWNER_LABEL[warehouseOwner(warehouse)];
}

/**
 * Whether the role may keep the warehouse's register entry and the condition of the lots it holds:
 * administrators everywhere, each bureau in the warehouses it owns. Assignment to a warehouse is not needed:
 * it grants posting there, a day-to-day duty of one person, while the register and lot conditions are the
 * bureau's (a new warehouse has nobody assigned yet).
 */
export function mayManageWarehouse(role: Role, warehouse: { kind: WarehouseKind }): boolean {
  return role === "admin" || role === warehouseOwner(warehouse);
}

/** The acting user, who must be signed in to change what a bureau owns. */
export function managingActor(ctx: CoreContext): NonNullable<CoreContext["actor"]> {
  if (!ctx.actor) throw new UnauthorizedError();
  return ctx.actor;
}

/** Refuses, naming the warehouse and its owner, unless the actor may manage it. */
export function assertMayManageWarehouse(
  ctx: CoreContext,
  warehouse: { code: string; name: string; kind: WarehouseKind },
): void {
  const actor = managingActor(ctx);
  if (mayManageWarehouse(actor.role, warehouse)) return;
  throw new ForbiddenError(
    `仓库 ${warehouse.name}（${warehouse.code}）由${warehouseOwnerLabel(warehouse)}管理，${ROLE_PERSON_LABEL[actor.role]}无权修改`,
  );
}
