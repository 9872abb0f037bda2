import {
  type AnySQLiteColumn,
  index,
  integer,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

export const AREA_LEVELS = ["district", "township", "village"] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** 区 / 街道 / 镇 / 村 / 社区 */
export const AREA_KINDS = ["district", "subdistrict", "town", "village", "community"] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** Where a population figure comes from; estimates must be shown as such. */
export const POPULATION_BASES = ["census", "official", "estimate"] as const;
export type PopulationBasis = (typeof POPULATION_BASES)[number];

export const areas = sqliteTable(
  "areas",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    parentId: integer("parent_id").references((): AnySQLiteColumn => areas.id),
    level: text("level", { enum: AREA_LEVELS }).notNull(),
    kind: text("kind", { enum: AREA_KINDS }).notNull(),
    name: text("name").notNull(),
    population: integer("population").notNull(),
    populationYear: integer("population_year").notNull(),
    populationBasis: text("population_basis", { enum: POPULATION_BASES }).notNull(),
    /** Persons per household; used by per-household quotas. */
    householdSize: real("household_size"),
    lat: real("lat"),
    lon: real("lon"),
    sortOrder: integer("sort_order").notNull().default(0),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("areas_parent_name_idx").on(t.parentId, t.name), index("areas_level_idx").on(t.level)],
);
