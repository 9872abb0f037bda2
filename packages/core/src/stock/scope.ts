import { balances, type lots, preparedOnce, type Tx, userWarehouses, warehouses } from "@relief/db";
import { mayPostIn, msg, nameList } from "@relief/domain";
import { and, eq } from "drizzle-orm";
import type { CoreContext } from "../context";
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError } from "../errors";
import { managingActor, mayManageWarehouse, ROLE_PERSON_LABEL, warehouseOwner } from "../warehouses/owner";
import { holdsLot } from "./balances";

export type WarehouseRow = typeof warehouses.$inferSelect;

/**
 * Who may post stock where: administrators everywhere; civil-affairs staff in the warehouses assigned to
 * them; the commerce bureau in the warehouses it owns (its own and enterprise sites). Everyone else reads only.
 */
export function canPostIn(
  tx: Tx,
  actor: NonNullable<CoreContext["actor"]>,
  warehouse: WarehouseRow,
): boolean {
  return mayPostIn(actor.role, warehouseOwner(warehouse), () =>
    Boolean(
      tx
        .select({ id: userWarehouses.warehouseId })
        .from(userWarehouses)
        .where(and(eq(userWarehouses.userId, actor.userId), eq(userWarehouses.warehouseId, warehouse.id)))
        .get(),
    ),
  );
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
  if (!warehouse) throw new NotFoundError(msg("stock.error.warehouseNotFound", { id: warehouseId }));
  return { ...warehouse, active: warehouse.active === 1 };
}

/**
 * The warehouse, if it is active and the actor may post in it; a clear error otherwise. Reservations for a
 * dispatch (`forDispatch`) are also open to dispatchers, in every warehouse: allocating is their job; and to
 * whoever approves a plan (`approvedPlan`: a leader, when the district has leaders approve), whose approval is
 * what commits the stock.
 */
export function warehouseForPosting(
  tx: Tx,
  ctx: CoreContext,
  warehouseId: number,
  options: { forDispatch?: boolean; approvedPlan?: boolean } = {},
): WarehouseRow {
  if (!ctx.actor) throw new UnauthorizedError();
  const warehouse = getWarehouse(tx, warehouseId);
  if (!warehouse.active)
    throw new ConflictError(msg("stock.error.warehouseInactive", { warehouse: warehouse.name }));
  const dispatcher = options.forDispatch && (options.approvedPlan || ctx.actor.role === "dispatcher");
  if (!dispatcher && !canPostIn(tx, ctx.actor, warehouse)) {
    throw new ForbiddenError(msg("stock.error.mayNotPost", { warehouse: warehouse.name }));
  }
  return warehouse;
}

/**
 * A lot's condition applies to it in every warehouse, so changing it needs the right to manage each warehouse
 * that holds some of it (on hand or on its way in). A lot held nowhere is anyone's to mark.
 */
export function assertMayChangeLotStatus(
  tx: Tx,
  ctx: CoreContext,
  lot: Pick<typeof lots.$inferSelect, "id" | "lotCode">,
): void {
  const actor = managingActor(ctx);
  const holding = tx
    .selectDistinct({ code: warehouses.code, name: warehouses.name, kind: warehouses.kind })
    .from(balances)
    .innerJoin(warehouses, eq(warehouses.id, balances.warehouseId))
    .where(and(eq(balances.lotId, lot.id), holdsLot))
    .orderBy(warehouses.code)
    .all();
  const foreign = holding.filter((w) => !mayManageWarehouse(actor.role, w));
  if (foreign.length === 0) return;
  const names = nameList(foreign.map((w) => msg("common.nameWithCode", { name: w.name, code: w.code })));
  throw new ForbiddenError(
    msg("stock.error.lotElsewhere", {
      lot: lot.lotCode,
      warehouses: names,
      role: ROLE_PERSON_LABEL[actor.role],
    }),
  );
}
