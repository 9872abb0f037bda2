import type { DbOrTx, WarehouseKind } from "@relief/db";
import { sql } from "drizzle-orm";
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
  const rows = db.all<
    Omit<WarehouseView, "usage" | "userIds" | "active" | "owner"> & { active: number; userIds: string | null }
  >(sql`
    SELECT w.id, w.code, w.name, w.kind, w.organisation, w.enterprise_id AS enterpriseId, w.area_id AS areaId, a.name AS areaName, w.address,
           w.lat, w.lon, w.capacity_m3 AS capacityM3, w.capacity_m2 AS capacityM2, w.manager, w.phone,
           w.load_minutes AS loadMinutes, w.active,
           COALESCE((SELECT SUM(b.on_hand * i.m3_per_unit) FROM balances b JOIN items i ON i.id = b.item_id
                     WHERE b.warehouse_id = w.id), 0) AS usedM3,
           (SELECT GROUP_CONCAT(uw.user_id) FROM user_warehouses uw WHERE uw.warehouse_id = w.id) AS userIds
    FROM warehouses w JOIN areas a ON a.id = w.area_id
    ${only ? sql`WHERE w.id = ${only.id}` : sql``}
    ORDER BY w.kind, w.code`);
  return rows.map((r) => ({
    ...r,
    owner: warehouseOwner(r),
    active: r.active === 1,
    usedM3: Math.round(r.usedM3 * 1000) / 1000,
    usage: r.capacityM3 ? r.usedM3 / r.capacityM3 : null,
    userIds: r.userIds ? r.userIds.split(",").map(Number) : [],
  }));
}

export function getWarehouseView(db: DbOrTx, id: number): WarehouseView {
  const [warehouse] = listWarehouses(db, { id });
  if (!warehouse) throw new NotFoundError(`仓库 #${id} 不存在`);
  return warehouse;
}
