import {
  QUOTA_BASES,
  QUOTA_MEASURES,
  SHELTER_STATUSES,
  SHELTER_TYPES,
  SNAPSHOT_TRIGGERS,
} from "@relief/domain";
import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { areas } from "./areas";
import { itemCategories } from "./items";
import { users } from "./users";

export {
  QUOTA_BASES,
  QUOTA_MEASURES,
  type QuotaBasis,
  type QuotaMeasure,
  SHELTER_STATUSES,
  SHELTER_TYPES,
  type ShelterStatus,
  type ShelterType,
  SNAPSHOT_TRIGGERS,
  type SnapshotTrigger,
} from "@relief/domain";

/**
 * 保障定额, one version per change: the quota of a category at an instant is its version with the latest
 * `effective_from` not after it, so a past report can be reproduced. Versions are never edited.
 */
export const quotas = sqliteTable(
  "quotas",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    categoryId: integer("category_id")
      .notNull()
      .references(() => itemCategories.id),
    measure: text("measure", { enum: QUOTA_MEASURES }).notNull(),
    /** The unit people read the quota in: 顶, 床, L, kg. */
    unitLabel: text("unit_label").notNull(),
    /** `quantity` per `per_persons` persons (1 tent per 3), or per household. */
    quantity: real("quantity").notNull(),
    perPersons: integer("per_persons").notNull().default(1),
    basis: text("basis", { enum: QUOTA_BASES }).notNull().default("person"),
    /** Days of supply (water, food); null where the quota is not per day. */
    days: integer("days"),
    /** Whether the category takes part in the headline figure (the bottleneck). */
    required: integer("required", { mode: "boolean" }).notNull().default(true),
    /**
     * The months (1–12, in order) in which the quota counts for the headline, as a JSON array; null: all
     * year. Versions recorded as `winter` before months were kept read 11, 12, 1, 2, 3, as winter meant then.
     */
    seasonMonths: text("season_months", { mode: "json" }).$type<number[]>(),
    /** An estimate rather than a figure from a standard: the UI marks it. */
    estimate: integer("estimate", { mode: "boolean" }).notNull().default(true),
    source: text("source").notNull().default(""),
    effectiveFrom: text("effective_from").notNull(),
    note: text("note"),
    recordedBy: integer("recorded_by").references(() => users.id),
    recordedAt: text("recorded_at").notNull(),
  },
  (t) => [
    index("quotas_category_idx").on(t.categoryId, t.effectiveFrom),
    check("quotas_quantity", sql`${t.quantity} > 0`),
    check("quotas_per_persons", sql`${t.perPersons} >= 1`),
    check("quotas_days", sql`${t.days} IS NULL OR ${t.days} >= 1`),
    check("quotas_season_months", sql`${t.seasonMonths} IS NULL OR json_valid(${t.seasonMonths})`),
  ],
);

/** 应急避难场所 and their overnight capacity. */
export const shelters = sqliteTable(
  "shelters",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
    type: text("type", { enum: SHELTER_TYPES }).notNull(),
    /** Persons who can stay overnight. */
    capacity: integer("capacity").notNull(),
    areaM2: real("area_m2"),
    address: text("address").notNull().default(""),
    lat: real("lat"),
    lon: real("lon"),
    status: text("status", { enum: SHELTER_STATUSES }).notNull().default("open"),
    note: text("note"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("shelters_area_idx").on(t.areaId),
    check("shelters_capacity", sql`${t.capacity} >= 0`),
    check("shelters_area", sql`${t.areaM2} IS NULL OR ${t.areaM2} >= 0`),
  ],
);

/** The coverage figure as it stood at an instant: the headline in columns for the trend, the rest as JSON. */
export const coverageSnapshots = sqliteTable(
  "coverage_snapshots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    takenAt: text("taken_at").notNull(),
    /** The district day the snapshot belongs to (one daily snapshot per day). */
    day: text("day").notNull(),
    trigger: text("trigger", { enum: SNAPSHOT_TRIGGERS }).notNull(),
    targetRatio: real("target_ratio").notNull(),
    population: integer("population").notNull(),
    targetPeople: integer("target_people").notNull(),
    peopleCovered: integer("people_covered").notNull(),
    governmentPeopleCovered: integer("government_people_covered").notNull(),
    bottleneck: text("bottleneck"),
    shelterCapacity: integer("shelter_capacity").notNull(),
    summary: text("summary", { mode: "json" }).notNull(),
    takenBy: integer("taken_by").references(() => users.id),
  },
  (t) => [index("coverage_snapshots_day_idx").on(t.day)],
);
