import { DISCREPANCY_OUTCOMES, ORDER_STATUSES, OWNERSHIPS, PLAN_STATUSES } from "@relief/domain";
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { agreementCalloffs } from "./agreements";
import { areas } from "./areas";
import { vehicles } from "./fleet";
import { incidents } from "./incidents";
import { items } from "./items";
import { lots } from "./stock";
import { users } from "./users";
import { warehouses } from "./warehouses";

export {
  DISCREPANCY_OUTCOMES,
  type DiscrepancyOutcome,
  ORDER_STATUSES,
  type OrderStatus,
  PLAN_STATUSES,
  type PlanStatus,
} from "@relief/domain";

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
    /** Approved: its dispatch orders exist. */
    approvedAt: text("approved_at"),
    approvedBy: integer("approved_by").references(() => users.id),
    /** A road it drives closed after approval: what has not left should be re-planned. */
    flaggedAt: text("flagged_at"),
    /** Cancelled as a whole before departure, or replaced by a re-plan. */
    cancelledAt: text("cancelled_at"),
  },
  (t) => [
    uniqueIndex("dispatch_plans_version_idx").on(t.incidentId, t.version),
    index("dispatch_plans_created_idx").on(t.createdAt),
    check("dispatch_plans_version", sql`${t.version} >= 1`),
  ],
);

/**
 * 调拨单: what one truck trip carries from one source warehouse to one receiving township, created when a plan is
 * approved. The stock it carries is reserved under the order's number (its `dispatch_ref`) until departure.
 */
export const dispatchOrders = sqliteTable(
  "dispatch_orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Numbered like the other documents; a drill's number says so. */
    number: text("number").notNull().unique(),
    planId: integer("plan_id")
      .notNull()
      .references(() => dispatchPlans.id),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id),
    drill: integer("drill", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    sourceWarehouseId: integer("source_warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    /** The receiving 镇街 (or village) and who receives there. */
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
    receiverName: text("receiver_name").notNull().default(""),
    receiverPhone: text("receiver_phone").notNull().default(""),
    /** The plan's trip: the vehicle (null for a truck named only by label) and its trip number. */
    vehicleId: integer("vehicle_id").references(() => vehicles.id),
    vehicleLabel: text("vehicle_label").notNull(),
    plate: text("plate").notNull().default(""),
    driver: text("driver").notNull().default(""),
    driverPhone: text("driver_phone").notNull().default(""),
    trip: integer("trip").notNull(),
    /** The authorising body and its reference (批准机关、文号), the issuing unit and the purpose. */
    authority: text("authority").notNull(),
    authorityRef: text("authority_ref").notNull().default(""),
    issuingUnit: text("issuing_unit").notNull(),
    purpose: text("purpose").notNull(),
    plannedDepartAt: text("planned_depart_at").notNull(),
    plannedArrivalAt: text("planned_arrival_at").notNull(),
    /** Required arrival: the incident's deadline. */
    requiredBy: text("required_by").notNull(),
    departedAt: text("departed_at"),
    departedBy: integer("departed_by").references(() => users.id),
    receivedAt: text("received_at"),
    receivedBy: integer("received_by").references(() => users.id),
    signer: text("signer"),
    cancelledAt: text("cancelled_at"),
    cancelledBy: integer("cancelled_by").references(() => users.id),
    cancelReason: text("cancel_reason"),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    index("dispatch_orders_plan_idx").on(t.planId),
    index("dispatch_orders_incident_idx").on(t.incidentId, t.status),
    index("dispatch_orders_warehouse_idx").on(t.sourceWarehouseId, t.status),
    index("dispatch_orders_vehicle_idx").on(t.vehicleId, t.status),
    check("dispatch_orders_trip", sql`${t.trip} >= 1`),
  ],
);

/**
 * A line of a dispatch order: an item from one lot (government stock, picked first-expiring at approval) or
 * agreement stock called off from an enterprise (its lot known only on receipt). Receipt figures and what
 * became of a shortfall stay on the line.
 */
export const dispatchOrderLines = sqliteTable(
  "dispatch_order_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => dispatchOrders.id),
    lineNo: integer("line_no").notNull(),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id),
    lotId: integer("lot_id").references(() => lots.id),
    ownership: text("ownership", { enum: OWNERSHIPS }).notNull(),
    /** Base units. */
    quantity: integer("quantity").notNull(),
    /** Agreement stock: the call-off it became. */
    calloffId: integer("calloff_id").references(() => agreementCalloffs.id),
    receivedQuantity: integer("received_quantity"),
    /** A shortfall on receipt: the quantity, what became of it and why. */
    discrepancyQuantity: integer("discrepancy_quantity"),
    discrepancyOutcome: text("discrepancy_outcome", { enum: DISCREPANCY_OUTCOMES }),
    discrepancyReason: text("discrepancy_reason"),
    note: text("note"),
  },
  (t) => [
    uniqueIndex("dispatch_order_lines_no_idx").on(t.orderId, t.lineNo),
    index("dispatch_order_lines_calloff_idx").on(t.calloffId),
    check("dispatch_order_lines_quantity", sql`${t.quantity} > 0`),
    check(
      "dispatch_order_lines_received",
      sql`${t.receivedQuantity} IS NULL OR (${t.receivedQuantity} >= 0 AND ${t.receivedQuantity} <= ${t.quantity})`,
    ),
    check(
      "dispatch_order_lines_discrepancy",
      sql`${t.discrepancyQuantity} IS NULL OR ${t.discrepancyQuantity} >= 0`,
    ),
  ],
);
