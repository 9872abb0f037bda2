import {
  agreementLines,
  agreements,
  type DbOrTx,
  enterprises,
  type VehicleType,
  vehicles,
  type WarehouseKind,
  warehouses,
} from "@relief/db";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { agreementStatusSql } from "../agreements/status";
import { localDate } from "../time";

export interface VehicleFormOptions {
  /** Warehouses in use, the homes a vehicle may have. */
  warehouses: Array<{ id: number; code: string; name: string; kind: WarehouseKind }>;
  /** Lines of the transport agreements in force, with the trucks already registered under each. */
  agreementLines: Array<{
    id: number;
    agreementNumber: string;
    lineNo: number;
    enterpriseName: string;
    vehicleType: VehicleType;
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
  const lines = db
    .select({
      id: agreementLines.id,
      agreementNumber: a.number,
      lineNo: agreementLines.lineNo,
      enterpriseName: enterprises.name,
      vehicleType: sql<VehicleType>`${agreementLines.vehicleType}`,
      quantity: agreementLines.quantity,
      responseHours: agreementLines.responseHours,
      registered: sql<number>`(SELECT COUNT(*) FROM ${vehicles}
        WHERE ${vehicles.agreementLineId} = ${agreementLines.id} AND ${vehicles.active})`,
    })
    .from(agreementLines)
    .innerJoin(a, eq(a.id, agreementLines.agreementId))
    .innerJoin(enterprises, eq(enterprises.id, a.enterpriseId))
    .where(
      and(
        eq(a.kind, "transport"),
        isNotNull(agreementLines.vehicleType),
        sql`${status} IN ('active', 'expiring')`,
      ),
    )
    .orderBy(asc(a.number), asc(agreementLines.lineNo))
    .all();
  return { warehouses: homes, agreementLines: lines };
}
