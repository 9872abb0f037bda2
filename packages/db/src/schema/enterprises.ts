import { ENTERPRISE_KINDS, ENTERPRISE_STATUSES } from "@relief/domain";
import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { areas } from "./areas";

export {
  ENTERPRISE_KINDS,
  ENTERPRISE_STATUSES,
  type EnterpriseKind,
  type EnterpriseStatus,
} from "@relief/domain";

/** Partner enterprises of the commerce bureau: holders of agreement stock, production or transport capacity. */
export const enterprises = sqliteTable(
  "enterprises",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    /** 统一社会信用代码 (GB 32100-2015), validated with its check character. */
    creditCode: text("credit_code").notNull().unique(),
    kind: text("kind", { enum: ENTERPRISE_KINDS }).notNull(),
    /** 应急商品重点联系企业 (the commerce ministry's key emergency-supply scheme). */
    keySupplier: integer("key_supplier", { mode: "boolean" }).notNull().default(false),
    address: text("address").notNull().default(""),
    areaId: integer("area_id").references(() => areas.id),
    lat: real("lat"),
    lon: real("lon"),
    status: text("status", { enum: ENTERPRISE_STATUSES }).notNull().default("active"),
    note: text("note"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("enterprises_area_idx").on(t.areaId)],
);

export const enterpriseContacts = sqliteTable(
  "enterprise_contacts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    enterpriseId: integer("enterprise_id")
      .notNull()
      .references(() => enterprises.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    role: text("role").notNull().default(""),
    mobile: text("mobile").notNull(),
  },
  (t) => [index("enterprise_contacts_enterprise_idx").on(t.enterpriseId)],
);
