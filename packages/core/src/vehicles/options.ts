import {
  agreementLines,
  agreements,
  type DbOrTx,
  enterprises,
  items,
  type VehicleType,
  vehicles,
  type WarehouseKind,
  warehouses,
} from "@relief/db";
import { and, asc, desc, eq, isNotNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { agreementStatusSql } from "../agreements/status";
import { localDate } from "../time";

export interface VehicleFormOptions {
  /** Warehouses in use, the homes a vehicle may have. */
  warehouses: Array<{ id: number; code: string; name: string; kind: WarehouseKind }>;
  /**
   * Lines of the agreements in force a truck may be registered under, with the trucks already registered
   * under each: transport lines (a truck class, as many trucks as committed) and stock lines held at an
   * enterprise site (the enterprise's delivery trucks, homed at that site).
   */
  agreementLines: Array<{
    id: number;
    kind: "transport" | "stock";
    agreementNumber: string;
    lineNo: number;
    enterpriseName: string;
    /** Transport lines: the committed truck class. */
    vehicleType: VehicleType | null;
    /** Stock lines: the item held and the site it is held at, the delivery trucks' home. */
    itemName: string | null;
    warehouseId: number | null;
    warehouseName: string | null;
    quantity: number;
    responseHours: number;
    registered: number;
  }>;
}

const a = alias(agreements, "a");

/** What the vehicle form chooses from: both lists are a district's handful, never paged. */
export function vehicleFormOptions(db: DbOrTx, now: string): VehicleFormOptions {
  const homes = db
    .select({ id: warehouses.id, code: warehouses.code, name: warehouses.name, kind: warehouses.kind })
    .from(warehouses)
    .where(eq(warehouses.active, true))
    .orderBy(asc(warehouses.code))
    .all();
  // The status expression names the agreement row `a`.
  const status = agreementStatusSql(localDate(now));
  const site = alias(warehouses, "site");
  const lines = db
    .select({
      id: agreementLines.id,
      kind: sql<"transport" | "stock">`${a.kind}`,
      agreementNumber: a.number,
      lineNo: agreementLines.lineNo,
      enterpriseName: enterprises.name,
      vehicleType: agreementLines.vehicleType,
      itemName: items.name,
      warehouseId: agreementLines.warehouseId,
      warehouseName: site.name,
      quantity: agreementLines.quantity,
      responseHours: agreementLines.responseHours,
      registered: sql<number>`(SELECT COUNT(*) FROM ${vehicles}
        WHERE ${vehicles.agreementLineId} = ${agreementLines.id} AND ${vehicles.active})`,
    })
    .from(agreementLines)
    .innerJoin(a, eq(a.id, agreementLines.agreementId))
    .innerJoin(enterprises, eq(enterprises.id, a.enterpriseId))
    .leftJoin(items, eq(items.id, agreementLines.itemId))
    .leftJoin(site, eq(site.id, agreementLines.warehouseId))
    .where(
      and(
        or(
          and(eq(a.kind, "transport"), isNotNull(agreementLines.vehicleType)),
          and(eq(a.kind, "stock"), isNotNull(agreementLines.warehouseId)),
        ),
        sql`${status} IN ('active', 'expiring')`,
      ),
    )
    // Transport lines first, as before; then stock lines, by agreement.
    .orderBy(desc(a.kind), asc(a.number), asc(agreementLines.lineNo))
    .all();
  return { warehouses: homes, agreementLines: lines };
}
