import {
  type Message,
  mayManageOwnedBy,
  msg,
  type Role,
  type WarehouseKind,
  type WarehouseOwner,
  warehouseOwner,
} from "@relief/domain";
import type { CoreContext } from "../context";
import { ForbiddenError, UnauthorizedError } from "../errors";

/** The owner rule is the domain package's, shared with the web app; the labels of refusals are the core's. */
export { type WarehouseOwner, warehouseOwner };

const OWNER_LABEL: Record<WarehouseOwner, Message> = {
  civil_affairs: msg("warehouses.owner.civil_affairs"),
  commerce: msg("warehouses.owner.commerce"),
};

/** How refusals name the person acting. */
export const ROLE_PERSON_LABEL: Record<Role, Message> = {
  admin: msg("users.rolePerson.admin"),
  civil_affairs: msg("users.rolePerson.civil_affairs"),
  commerce: msg("users.rolePerson.commerce"),
  dispatcher: msg("users.rolePerson.dispatcher"),
  leader: msg("users.rolePerson.leader"),
  enterprise: msg("users.rolePerson.enterprise"),
};

export function warehouseOwnerLabel(warehouse: { kind: WarehouseKind }): Message {
  return OWNER_LABEL[warehouseOwner(warehouse)];
}

/** Whether the role may keep the warehouse's register entry and the condition of the lots it holds. */
export function mayManageWarehouse(role: Role, warehouse: { kind: WarehouseKind }): boolean {
  return mayManageOwnedBy(role, warehouseOwner(warehouse));
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
    msg("warehouses.error.mayNotManage", {
      name: warehouse.name,
      code: warehouse.code,
      owner: warehouseOwnerLabel(warehouse),
      role: ROLE_PERSON_LABEL[actor.role],
    }),
  );
}
