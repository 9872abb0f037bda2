import { preparedOnce, type Tx, userWarehouses, type warehouses } from "@relief/db";
import { and, eq } from "drizzle-orm";
import type { CoreContext } from "../context";
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError } from "../errors";

export type WarehouseRow = typeof warehouses.$inferSelect;

/**
 * Who may post stock where: administrators everywhere; civil-affairs staff in the warehouses assigned to
 * them; the commerce bureau in commerce warehouses. Everyone else reads only.
 */
export function canPostIn(
  tx: Tx,
  actor: NonNullable<CoreContext["actor"]>,
  warehouse: WarehouseRow,
): boolean {
  switch (actor.role) {
    case "admin":
      return true;
    case "commerce":
      return warehouse.kind === "commerce";
    case "civil_affairs":
      return !!tx
        .select({ id: userWarehouses.warehouseId })
        .from(userWarehouses)
        .where(and(eq(userWarehouses.userId, actor.userId), eq(userWarehouses.warehouseId, warehouse.id)))
        .get();
    default:
      return false;
  }
}

export function getWarehouse(tx: Tx, warehouseId: number): WarehouseRow {
  const byId = preparedOnce(tx, "stock.warehouse", (client) =>
    client.prepare<[number], Omit<WarehouseRow, "active"> & { active: number }>(
      `SELECT id, code, name, kind, organisation, area_id AS areaId, address, lat, lon, capacity_m3 AS capacityM3,
              capacity_m2 AS capacityM2, manager, phone, enterprise_id AS enterpriseId, load_minutes AS loadMinutes,
              active, created_at AS createdAt, updated_at AS updatedAt
       FROM warehouses WHERE id = ?`,
    ),
  );
  const warehouse = byId.get(warehouseId);
  if (!warehouse) throw new NotFoundError(`仓库 #${warehouseId} 不存在`);
  return { ...warehouse, active: warehouse.active === 1 };
}

/**
 * The warehouse, if it is active and the actor may post in it; a clear error otherwise. Reservations for a
 * dispatch (`forDispatch`) are also open to dispatchers, in every warehouse: allocating is their job.
 */
export function warehouseForPosting(
  tx: Tx,
  ctx: CoreContext,
  warehouseId: number,
  options: { forDispatch?: boolean } = {},
): WarehouseRow {
  if (!ctx.actor) throw new UnauthorizedError();
  const warehouse = getWarehouse(tx, warehouseId);
  if (!warehouse.active) throw new ConflictError(`仓库“${warehouse.name}”已停用，不能记账`);
  const dispatcher = options.forDispatch && ctx.actor.role === "dispatcher";
  if (!dispatcher && !canPostIn(tx, ctx.actor, warehouse)) {
    throw new ForbiddenError(`您无权在仓库“${warehouse.name}”记账`);
  }
  return warehouse;
}
