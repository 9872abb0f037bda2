import {
  agreementLines,
  agreements,
  type DbOrTx,
  enterprises,
  type FleetVehicleType,
  type VehicleOwner,
  type VehicleStatus,
  vehicles,
  warehouses,
} from "@relief/db";
import { msg } from "@relief/domain";
import { and, asc, count, desc, eq, or, type SQL, sql } from "drizzle-orm";
import { NotFoundError } from "../errors";
import { type Page, pageWindow, sortTerms } from "../paging";
import { containsText } from "../search";
import { ListVehiclesInput } from "./schemas";

export interface VehicleView {
  id: number;
  plate: string;
  type: FleetVehicleType;
  payloadKg: number;
  volumeM3: number;
  homeWarehouseId: number;
  homeWarehouseCode: string;
  homeWarehouseName: string;
  driver: string;
  phone: string;
  status: VehicleStatus;
  owner: VehicleOwner;
  agreementLineId: number | null;
  /** The agreement and line an agreement truck is held under, and the enterprise holding it. */
  agreementNumber: string | null;
  agreementLineNo: number | null;
  enterpriseName: string | null;
  note: string | null;
  active: boolean;
  updatedAt: string;
}

/** What the filtered fleet holds at one home warehouse. */
export interface WarehouseFleetTotal {
  warehouseId: number;
  code: string;
  name: string;
  vehicles: number;
  available: number;
  /** Σ payload of the vehicles available, in kg. */
  availablePayloadKg: number;
  payloadKg: number;
}

export interface VehiclePage extends Page<VehicleView> {
  /**
   * Per home warehouse, over every vehicle the filters select (not only this page), the warehouse that can
   * carry most first.
   */
  byWarehouse: WarehouseFleetTotal[];
}

function vehicleRows(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({
      id: vehicles.id,
      plate: vehicles.plate,
      type: vehicles.type,
      payloadKg: vehicles.payloadKg,
      volumeM3: vehicles.volumeM3,
      homeWarehouseId: vehicles.homeWarehouseId,
      homeWarehouseCode: warehouses.code,
      homeWarehouseName: warehouses.name,
      driver: vehicles.driver,
      phone: vehicles.phone,
      status: vehicles.status,
      owner: vehicles.owner,
      agreementLineId: vehicles.agreementLineId,
      agreementNumber: agreements.number,
      agreementLineNo: agreementLines.lineNo,
      enterpriseName: enterprises.name,
      note: vehicles.note,
      active: vehicles.active,
      updatedAt: vehicles.updatedAt,
    })
    .from(vehicles)
    .innerJoin(warehouses, eq(warehouses.id, vehicles.homeWarehouseId))
    .leftJoin(agreementLines, eq(agreementLines.id, vehicles.agreementLineId))
    .leftJoin(agreements, eq(agreements.id, agreementLines.agreementId))
    .leftJoin(enterprises, eq(enterprises.id, agreements.enterpriseId))
    .where(where)
    .$dynamic();
}

function filterOf(q: ReturnType<typeof ListVehiclesInput.parse>): SQL | undefined {
  return and(
    q.search
      ? or(containsText(vehicles.plate, q.search), containsText(vehicles.driver, q.search))
      : undefined,
    q.type ? eq(vehicles.type, q.type) : undefined,
    q.status ? eq(vehicles.status, q.status) : undefined,
    q.owner ? eq(vehicles.owner, q.owner) : undefined,
    q.homeWarehouseId ? eq(vehicles.homeWarehouseId, q.homeWarehouseId) : undefined,
    q.active === undefined ? undefined : eq(vehicles.active, q.active),
  );
}

const SORT_COLUMNS = {
  plate: (d: SQL) => sql`${vehicles.plate} ${d}`,
  type: (d: SQL) => sql`${vehicles.type} ${d}`,
  payloadKg: (d: SQL) => sql`${vehicles.payloadKg} ${d}`,
  homeWarehouse: (d: SQL) => sql`${warehouses.code} ${d}`,
  status: (d: SQL) => sql`${vehicles.status} ${d}`,
};

/** One page of the fleet register, with the filtered fleet's totals per home warehouse. */
export function listVehicles(db: DbOrTx, input: ListVehiclesInput): VehiclePage {
  const q = ListVehiclesInput.parse(input);
  const where = filterOf(q);
  const total = db.select({ n: count() }).from(vehicles).where(where).get()?.n ?? 0;
  const { limit, offset } = pageWindow(q);
  // The plate is unique, so it breaks ties: pages neither overlap nor skip a vehicle.
  const rows = vehicleRows(db, where)
    .orderBy(sortTerms(SORT_COLUMNS, q.sort, q.order, asc(vehicles.plate)))
    .limit(limit)
    .offset(offset)
    .all();
  const available = sql`${vehicles.status} = 'available' AND ${vehicles.active}`;
  const availablePayloadKg = sql<number>`COALESCE(SUM(CASE WHEN ${available} THEN ${vehicles.payloadKg} END), 0)`;
  const byWarehouse = db
    .select({
      warehouseId: warehouses.id,
      code: warehouses.code,
      name: warehouses.name,
      vehicles: count(),
      available: sql<number>`SUM(${available})`,
      availablePayloadKg,
      payloadKg: sql<number>`SUM(${vehicles.payloadKg})`,
    })
    .from(vehicles)
    .innerJoin(warehouses, eq(warehouses.id, vehicles.homeWarehouseId))
    .where(where)
    .groupBy(warehouses.id)
    .orderBy(desc(availablePayloadKg), asc(warehouses.code))
    .all();
  return { total, rows, byWarehouse };
}

/** The whole register, for the spreadsheet export (a district's fleet is tens of vehicles, not thousands). */
export function allVehicles(db: DbOrTx): VehicleView[] {
  return vehicleRows(db, undefined).orderBy(asc(warehouses.code), asc(vehicles.plate)).all();
}

export function getVehicle(db: DbOrTx, id: number): VehicleView {
  const row = vehicleRows(db, eq(vehicles.id, id)).get();
  if (!row) throw new NotFoundError(msg("vehicles.error.notFound", { id: String(id) }));
  return row;
}
