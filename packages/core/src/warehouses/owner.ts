import {
  mayManageOwnedBy,
  type Role,
  type WarehouseKind,
  type WarehouseOwner,
  warehouseOwner,
} from "@relief/domain";
import type { CoreContext } from "../context";
import { ForbiddenError, UnauthorizedError } from "../errors";

/** The owner rule is the domain package's, shared with the web app; the labels of refusals are the core's. */
export { type WarehouseOwner, warehouseOwner };

const OWNER_LABEL: Record<WarehouseOwner, string> = { civil_affairs: "民政部门", commerce: "商务部门" };

/** How refusals name the person acting. */
export const ROLE_PERSON_LABEL: Record<Role, string> = {
  admin: "管理员",
  civil_affairs: "民政人员",
  commerce: "商务人员",
  dispatcher: "调度人员",
  leader: "领导",
};

export function warehouseOwnerLabel(warehouse: { kind: WarehouseKind }): string {
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
    `仓库 ${warehouse.name}（${warehouse.code}）由${warehouseOwnerLabel(warehouse)}管理，${ROLE_PERSON_LABEL[actor.role]}无权修改`,
  );
}
