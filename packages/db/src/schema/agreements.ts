import {
  AGREEMENT_KINDS,
  CREDIT_EVENT_KINDS,
  DECLARATION_SOURCES,
  DECLARATION_STATUSES,
  VEHICLE_TYPES,
} from "@relief/domain";
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { enterprises } from "./enterprises";
import { items } from "./items";
import { users } from "./users";
import { warehouses } from "./warehouses";

export {
  AGREEMENT_KINDS,
  type AgreementKind,
  CREDIT_EVENT_KINDS,
  type CreditEventKind,
  DECLARATION_SOURCES,
  DECLARATION_STATUSES,
  type DeclarationSource,
  type DeclarationStatus,
  VEHICLE_TYPES,
  type VehicleType,
} from "@relief/domain";

/**
 * A reserve agreement between the commerce bureau and a partner enterprise. Its status (not yet in force,
 * active, expiring, expired, terminated) is derived from the dates, never stored.
 */
export const agreements = sqliteTable(
  "agreements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    number: text("number").notNull().unique(),
    enterpriseId: integer("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    kind: text("kind", { enum: AGREEMENT_KINDS }).notNull(),
    startDate: text("start_date").notNull(),
    endDate: text("end_date").notNull(),
    signedOn: text("signed_on"),
    terminatedOn: text("terminated_on"),
    terminationReason: text("termination_reason"),
    note: text("note"),
    /** 申报周期: the enterprise declares its stock lines every this many months. */
    declarationMonths: integer("declaration_months").notNull().default(1),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("agreements_enterprise_idx").on(t.enterpriseId),
    check("agreements_dates", sql`${t.endDate} >= ${t.startDate}`),
    check("agreements_declaration_months", sql`${t.declarationMonths} BETWEEN 1 AND 12`),
  ],
);

/**
 * One commitment of an agreement. `quantity` is the committed stock in the item's base unit, the units
 * per day a producer commits to, or the number of trucks.
 */
export const agreementLines = sqliteTable(
  "agreement_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => agreements.id),
    lineNo: integer("line_no").notNull(),
    itemId: integer("item_id").references(() => items.id),
    vehicleType: text("vehicle_type", { enum: VEHICLE_TYPES }),
    quantity: integer("quantity").notNull(),
    /** 响应时限: hours from a call-off to delivery (or to trucks at the door). */
    responseHours: integer("response_hours").notNull(),
    /** The enterprise warehouse holding agreement stock. */
    warehouseId: integer("warehouse_id").references(() => warehouses.id),
    /** Money in fen (1/100 yuan). */
    unitPriceFen: integer("unit_price_fen"),
    reserveFundFen: integer("reserve_fund_fen"),
    rotationDuty: text("rotation_duty").notNull().default(""),
  },
  (t) => [
    uniqueIndex("agreement_lines_line_idx").on(t.agreementId, t.lineNo),
    index("agreement_lines_item_idx").on(t.itemId),
    check("agreement_lines_quantity", sql`${t.quantity} > 0`),
    check("agreement_lines_response", sql`${t.responseHours} > 0`),
    check(
      "agreement_lines_money",
      sql`coalesce(${t.unitPriceFen}, 0) >= 0 AND coalesce(${t.reserveFundFen}, 0) >= 0`,
    ),
    check("agreement_lines_subject", sql`(${t.itemId} IS NULL) <> (${t.vehicleType} IS NULL)`),
  ],
);

/**
 * An enterprise's declared on-hand quantity for an agreement line, as of a date. Its figures are never edited;
 * a declaration the enterprise submits itself is reviewed once (accepted or returned with a reason), and only
 * accepted ones count. `recorded_by`/`recorded_at` say who submitted it and when.
 */
export const agreementDeclarations = sqliteTable(
  "agreement_declarations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    lineId: integer("line_id")
      .notNull()
      .references(() => agreementLines.id),
    declaredOn: text("declared_on").notNull(),
    quantity: integer("quantity").notNull(),
    source: text("source", { enum: DECLARATION_SOURCES }).notNull().default("entered"),
    note: text("note"),
    /** 批次 and dates of the goods declared, and the enterprise site holding them (all optional for the bureau). */
    lotCode: text("lot_code"),
    productionDate: text("production_date"),
    expiryDate: text("expiry_date"),
    warehouseId: integer("warehouse_id").references(() => warehouses.id),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: text("recorded_at").notNull(),
    status: text("status", { enum: DECLARATION_STATUSES }).notNull().default("accepted"),
    reviewedBy: integer("reviewed_by").references(() => users.id),
    reviewedAt: text("reviewed_at"),
    returnReason: text("return_reason"),
  },
  (t) => [
    index("agreement_declarations_line_idx").on(t.lineId, t.declaredOn),
    index("agreement_declarations_status_idx").on(t.status, t.recordedAt),
    check("agreement_declarations_quantity", sql`${t.quantity} >= 0`),
    check(
      "agreement_declarations_review",
      sql`${t.status} IN ('submitted', 'accepted', 'returned') AND (${t.status} = 'submitted') = (${t.reviewedAt} IS NULL) AND (${t.status} = 'returned') = (${t.returnReason} IS NOT NULL)`,
    ),
    check("agreement_declarations_dates", sql`${t.expiryDate} >= ${t.productionDate}`),
  ],
);

/** 核查: the commerce bureau's inspection of an agreement line. Never edited. */
export const agreementVerifications = sqliteTable(
  "agreement_verifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    lineId: integer("line_id")
      .notNull()
      .references(() => agreementLines.id),
    inspectedOn: text("inspected_on").notNull(),
    quantity: integer("quantity").notNull(),
    inspector: text("inspector").notNull(),
    findings: text("findings").notNull().default(""),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: text("recorded_at").notNull(),
  },
  (t) => [
    index("agreement_verifications_line_idx").on(t.lineId, t.inspectedOn),
    check("agreement_verifications_quantity", sql`${t.quantity} >= 0`),
  ],
);

/**
 * 调用: a request to an enterprise to deliver against an agreement line, and what it delivered. Created
 * open; the delivery is confirmed once, or the call-off is cancelled.
 */
export const agreementCalloffs = sqliteTable(
  "agreement_calloffs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    number: text("number").notNull().unique(),
    lineId: integer("line_id")
      .notNull()
      .references(() => agreementLines.id),
    quantity: integer("quantity").notNull(),
    requestedAt: text("requested_at").notNull(),
    requiredBy: text("required_by").notNull(),
    deliveredQuantity: integer("delivered_quantity"),
    deliveredAt: text("delivered_at"),
    /** The person who confirmed the delivery on site. */
    confirmedBy: text("confirmed_by"),
    cancelledAt: text("cancelled_at"),
    /** The dispatch order the call-off serves, when it came from one. */
    dispatchRef: text("dispatch_ref"),
    note: text("note"),
    /** The enterprise's answer from its portal: it will deliver, leaving at about this time… */
    acknowledgedAt: text("acknowledged_at"),
    estimatedDeparture: text("estimated_departure"),
    /** …or it cannot deliver in full, why, and how much it can (0: nothing). */
    cannotDeliverAt: text("cannot_deliver_at"),
    cannotDeliverReason: text("cannot_deliver_reason"),
    canDeliverQuantity: integer("can_deliver_quantity"),
    answeredBy: integer("answered_by").references(() => users.id),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("agreement_calloffs_line_idx").on(t.lineId),
    check("agreement_calloffs_quantity", sql`${t.quantity} > 0`),
    check("agreement_calloffs_delivered", sql`coalesce(${t.deliveredQuantity}, 0) >= 0`),
    check("agreement_calloffs_required_by", sql`${t.requiredBy} > ${t.requestedAt}`),
    check(
      "agreement_calloffs_answer",
      sql`(${t.cannotDeliverAt} IS NULL) = (${t.cannotDeliverReason} IS NULL) AND coalesce(${t.canDeliverQuantity}, 0) BETWEEN 0 AND ${t.quantity} - 1`,
    ),
  ],
);

export const creditEvents = sqliteTable(
  "credit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    enterpriseId: integer("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    occurredOn: text("occurred_on").notNull(),
    kind: text("kind", { enum: CREDIT_EVENT_KINDS }).notNull(),
    note: text("note").notNull(),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: text("recorded_at").notNull(),
  },
  (t) => [index("credit_events_enterprise_idx").on(t.enterpriseId, t.occurredOn)],
);
