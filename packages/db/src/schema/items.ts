import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Material categories (帐篷, 棉被, …) are data: the coverage quotas hang on them. */
export const itemCategories = sqliteTable("item_categories", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
});

export const items = sqliteTable(
  "items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    categoryId: integer("category_id")
      .notNull()
      .references(() => itemCategories.id),
    specification: text("specification").notNull().default(""),
    /** The unit every quantity of this item is counted in (顶, 床, 瓶, L, kg …). */
    baseUnit: text("base_unit").notNull(),
    kgPerUnit: real("kg_per_unit").notNull(),
    m3PerUnit: real("m3_per_unit").notNull(),
    /** Months from production to expiry, for lots received without an expiry date. */
    shelfLifeMonths: integer("shelf_life_months"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("items_category_idx").on(t.categoryId),
    check("items_kg_nonnegative", sql`${t.kgPerUnit} >= 0`),
    check("items_m3_nonnegative", sql`${t.m3PerUnit} >= 0`),
  ],
);

/** A pack of an item: 1 箱 = 12 瓶. Forms and sheets accept packs; the ledger stores base units only. */
export const itemPacks = sqliteTable(
  "item_packs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    baseQuantity: integer("base_quantity").notNull(),
  },
  (t) => [
    uniqueIndex("item_packs_item_name_idx").on(t.itemId, t.name),
    check("item_packs_positive", sql`${t.baseQuantity} > 1`),
  ],
);
