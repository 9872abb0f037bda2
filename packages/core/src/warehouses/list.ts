import {
  areas,
  balances,
  type DbOrTx,
  items,
  userWarehouses,
  type WarehouseKind,
  warehouses,
} from "@relief/db";
import { msg } from "@relief/domain";
import { eq, sql } from "drizzle-orm";
import { NotFoundError } from "../errors";
import { type WarehouseOwner, warehouseOwner } from "./owner";

export interface WarehouseView {
  id: number;
  code: string;
  name: string;
  kind: WarehouseKind;
  /** The bureau that keeps its register entry and the condition of its lots, from the kind. */
  owner: WarehouseOwner;
  organisation: string;
  /** The partner enterprise operating an enterprise site. */
  enterpriseId: number | null;
  areaId: number;
  areaName: string;
  address: string;
  lat: number | null;
  lon: number | null;
  capacityM3: number | null;
  capacityM2: number | null;
  manager: string;
  phone: string;
  loadMinutes: number;
  active: boolean;
  /** Volume of the stock on hand, from each item's m³ per base unit. */
  usedM3: number;
  /** usedM3 ÷ capacityM3, or null without a capacity. */
  usage: number | null;
  /** Civil-affairs users who may post here. */
  userIds: number[];
}

export function listWarehouses(db: DbOrTx, only?: { id: number }): WarehouseView[] {
  // Usage and keepers stay correlated subqueries, one probe per warehouse by its key, as before.
  const rows = db
    .select({
      id: warehouses.id,
      code: warehouses.code,
      name: warehouses.name,
      kind: warehouses.kind,
      organisation: warehouses.organisation,
      enterpriseId: warehouses.enterpriseId,
      areaId: warehouses.areaId,
      areaName: areas.name,
      address: warehouses.address,
      lat: warehouses.lat,
      lon: warehouses.lon,
      capacityM3: warehouses.capacityM3,
      capacityM2: warehouses.capacityM2,
      manager: warehouses.manager,
      phone: warehouses.phone,
      loadMinutes: warehouses.loadMinutes,
      active: warehouses.active,
      usedM3: sql<number>`COALESCE((SELECT SUM(${balances.onHand} * ${items.m3PerUnit}) FROM ${balances}
        JOIN ${items} ON ${items.id} = ${balances.itemId} WHERE ${balances.warehouseId} = ${warehouses.id}), 0)`,
      userIds: sql<string | null>`(SELECT GROUP_CONCAT(${userWarehouses.userId}) FROM ${userWarehouses}
        WHERE ${userWarehouses.warehouseId} = ${warehouses.id})`,
    })
    .from(warehouses)
    .innerJoin(areas, eq(areas.id, warehouses.areaId))
    .where(only ? eq(warehouses.id, only.id) : undefined)
    .orderBy(warehouses.kind, warehouses.code)
    .all();
  return rows.map((r) => ({
    ...r,
    owner: warehouseOwner(r),
    usedM3: Math.round(r.usedM3 * 1000) / 1000,
    usage: r.capacityM3 ? r.usedM3 / r.capacityM3 : null,
    userIds: r.userIds ? r.userIds.split(",").map(Number) : [],
  }));
}

export function getWarehouseView(db: DbOrTx, id: number): WarehouseView {
  const [warehouse] = listWarehouses(db, { id });
  if (!warehouse) throw new NotFoundError(msg("warehouses.error.notFound", { id: String(id) }));
  return warehouse;
}
