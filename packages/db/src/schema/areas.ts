import { AREA_KINDS, AREA_LEVELS, POPULATION_BASES } from "@relief/domain";
import {
  type AnySQLiteColumn,
  index,
  integer,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

export {
  AREA_KINDS,
  AREA_LEVELS,
  type AreaKind,
  type AreaLevel,
  POPULATION_BASES,
  type PopulationBasis,
} from "@relief/domain";

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
    /** The township's relief receiving contact, named on every 调拨单 to the area (a village may have its own). */
    contactName: text("contact_name").notNull().default(""),
    contactPhone: text("contact_phone").notNull().default(""),
    sortOrder: integer("sort_order").notNull().default(0),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("areas_parent_name_idx").on(t.parentId, t.name), index("areas_level_idx").on(t.level)],
);
