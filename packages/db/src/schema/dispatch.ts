import { PLAN_STATUSES } from "@relief/domain";
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { incidents } from "./incidents";
import { users } from "./users";

export { PLAN_STATUSES, type PlanStatus } from "@relief/domain";

/**
 * A dispatch plan: one version per planning run of an incident. The problem handed to the planner is kept
 * as it was, so the plan can be checked and reproduced (same problem and seed, same plan); the headline
 * figures are columns for lists and comparisons.
 */
export const dispatchPlans = sqliteTable(
  "dispatch_plans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id),
    version: integer("version").notNull(),
    status: text("status", { enum: PLAN_STATUSES }).notNull(),
    seed: integer("seed").notNull(),
    /** Pinned and excluded warehouses, vehicles and roads, as the dispatcher chose them (JSON). */
    options: text("options", { mode: "json" }).notNull(),
    /** The planner's problem as built from the database at planning time (JSON). */
    problem: text("problem", { mode: "json" }),
    /** The planner's plan with the ids mapped back to warehouses, vehicles, areas and items (JSON). */
    result: text("result", { mode: "json" }),
    people: integer("people"),
    peopleServed: integer("people_served"),
    latestArrivalMinutes: integer("latest_arrival_minutes"),
    totalKm: integer("total_km"),
    vehiclesUsed: integer("vehicles_used"),
    /** The time cap, not the iteration budget, ended the search: a rerun may differ. */
    stoppedByTime: integer("stopped_by_time", { mode: "boolean" }),
    /** Why a failed run failed (a message key with parameters, JSON). */
    failure: text("failure", { mode: "json" }),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull(),
    finishedAt: text("finished_at"),
  },
  (t) => [
    uniqueIndex("dispatch_plans_version_idx").on(t.incidentId, t.version),
    index("dispatch_plans_created_idx").on(t.createdAt),
    check("dispatch_plans_version", sql`${t.version} >= 1`),
  ],
);
