import { FLEET_VEHICLE_TYPES, VEHICLE_OWNERS, VEHICLE_STATUSES } from "@relief/domain";
import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { agreementLines } from "./agreements";
import { warehouses } from "./warehouses";

export {
  FLEET_VEHICLE_TYPES,
  type FleetVehicleType,
  VEHICLE_OWNERS,
  VEHICLE_STATUSES,
  type VehicleOwner,
  type VehicleStatus,
} from "@relief/domain";

/**
 * A vehicle of the relief fleet: the government's own, or a truck held under a transport-reserve agreement
 * (then `agreement_line_id` names the agreement line; it joins a plan once that line is called off for the
 * incident, no earlier than the line's response time).
 */
export const vehicles = sqliteTable(
  "vehicles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    plate: text("plate").notNull().unique(),
    type: text("type", { enum: FLEET_VEHICLE_TYPES }).notNull(),
    payloadKg: integer("payload_kg").notNull(),
    volumeM3: real("volume_m3").notNull(),
    homeWarehouseId: integer("home_warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    driver: text("driver").notNull().default(""),
    phone: text("phone").notNull().default(""),
    status: text("status", { enum: VEHICLE_STATUSES }).notNull().default("available"),
    owner: text("owner", { enum: VEHICLE_OWNERS }).notNull().default("government"),
    agreementLineId: integer("agreement_line_id").references(() => agreementLines.id),
    note: text("note"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("vehicles_home_idx").on(t.homeWarehouseId),
    index("vehicles_agreement_line_idx").on(t.agreementLineId),
    check("vehicles_payload", sql`${t.payloadKg} > 0`),
    check("vehicles_volume", sql`${t.volumeM3} > 0`),
    check("vehicles_owner_line", sql`(${t.owner} = 'agreement') = (${t.agreementLineId} IS NOT NULL)`),
  ],
);
