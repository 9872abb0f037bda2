import { WAREHOUSE_KINDS } from "@relief/domain";
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { areas } from "./areas";
import { enterprises } from "./enterprises";
import { users } from "./users";

export { WAREHOUSE_KINDS, type WarehouseKind } from "@relief/domain";

export const warehouses = sqliteTable(
  "warehouses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind", { enum: WAREHOUSE_KINDS }).notNull(),
    organisation: text("organisation").notNull(),
    /** The township the warehouse stands in. */
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
    address: text("address").notNull().default(""),
    lat: real("lat"),
    lon: real("lon"),
    capacityM3: real("capacity_m3"),
    capacityM2: real("capacity_m2"),
    manager: text("manager").notNull().default(""),
    /** 24-hour duty phone. */
    phone: text("phone").notNull().default(""),
    /** The partner enterprise operating an enterprise site. */
    enterpriseId: integer("enterprise_id").references(() => enterprises.id),
    /** Minutes from a dispatch order until a loaded truck can leave. */
    loadMinutes: integer("load_minutes").notNull().default(120),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("warehouses_area_idx").on(t.areaId),
    check("warehouses_load_minutes", sql`${t.loadMinutes} >= 0`),
  ],
);

/** Warehouses a civil-affairs user may post stock in; administrators assign them. */
export const userWarehouses = sqliteTable(
  "user_warehouses",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    warehouseId: integer("warehouse_id")
      .notNull()
      .references(() => warehouses.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.warehouseId] }),
    index("user_warehouses_warehouse_idx").on(t.warehouseId),
  ],
);
