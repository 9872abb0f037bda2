import { AID_DIRECTIONS, AID_STATUSES, FLEET_VEHICLE_TYPES } from "@relief/domain";
import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { areas } from "./areas";
import { incidents } from "./incidents";
import { items } from "./items";
import { roadNodes } from "./roads";
import { users } from "./users";

export { AID_DIRECTIONS, AID_STATUSES, type AidDirection, type AidStatus } from "@relief/domain";

/**
 * A neighbouring district Banan gives and receives mutual aid with (跨区互助): its seat, and the boundary node
 * of the road network where its trucks enter Banan (and Banan's leave towards it).
 */
export const neighbours = sqliteTable(
  "neighbours",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(),
    name: text("name").notNull().unique(),
    seatLat: real("seat_lat").notNull(),
    seatLon: real("seat_lon").notNull(),
    entryNodeId: integer("entry_node_id").references(() => roadNodes.id),
    note: text("note").notNull().default(""),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    check("neighbours_lat", sql`${t.seatLat} BETWEEN -90 AND 90`),
    check("neighbours_lon", sql`${t.seatLon} BETWEEN -180 AND 180`),
  ],
);

/** Whom to call at a neighbour, in the order the register lists them. */
export const neighbourContacts = sqliteTable(
  "neighbour_contacts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    neighbourId: integer("neighbour_id")
      .notNull()
      .references(() => neighbours.id),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    post: text("post").notNull().default(""),
    phone: text("phone").notNull().default(""),
  },
  (t) => [uniqueIndex("neighbour_contacts_position_idx").on(t.neighbourId, t.position)],
);

/**
 * A list of what a neighbour says it can lend, from the spreadsheet it sent, with the date it bears. Lists
 * are kept: the latest by date is the one that counts, the earlier ones are its history.
 */
export const neighbourLendableLists = sqliteTable(
  "neighbour_lendable_lists",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    neighbourId: integer("neighbour_id")
      .notNull()
      .references(() => neighbours.id),
    listDate: text("list_date").notNull(),
    fileName: text("file_name").notNull(),
    importedBy: integer("imported_by").references(() => users.id),
    importedAt: text("imported_at").notNull(),
  },
  (t) => [index("neighbour_lendable_lists_neighbour_idx").on(t.neighbourId, t.listDate)],
);

export const neighbourLendableLines = sqliteTable(
  "neighbour_lendable_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    listId: integer("list_id")
      .notNull()
      .references(() => neighbourLendableLists.id),
    lineNo: integer("line_no").notNull(),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id),
    quantity: integer("quantity").notNull(),
    note: text("note").notNull().default(""),
  },
  (t) => [
    uniqueIndex("neighbour_lendable_lines_no_idx").on(t.listId, t.lineNo),
    check("neighbour_lendable_lines_quantity", sql`${t.quantity} > 0`),
  ],
);

/**
 * A mutual-aid request: `out`, Banan asks a neighbour (from an incident's unmet needs, delivered to an area);
 * `in`, a neighbour asks Banan (delivered at the neighbour's entry node). Numbered HZ-YYYYMM-NNNN.
 */
export const aidRequests = sqliteTable(
  "aid_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    number: text("number").notNull().unique(),
    direction: text("direction", { enum: AID_DIRECTIONS }).notNull(),
    neighbourId: integer("neighbour_id")
      .notNull()
      .references(() => neighbours.id),
    incidentId: integer("incident_id").references(() => incidents.id),
    /** Where Banan wants the goods (out); null for a request in, delivered at the neighbour's entry node. */
    deliveryAreaId: integer("delivery_area_id").references(() => areas.id),
    neededBy: text("needed_by").notNull(),
    status: text("status", { enum: AID_STATUSES }).notNull().default("open"),
    note: text("note").notNull().default(""),
    requestedBy: integer("requested_by")
      .notNull()
      .references(() => users.id),
    requestedAt: text("requested_at").notNull(),
    closedAt: text("closed_at"),
    cancelledAt: text("cancelled_at"),
    cancelReason: text("cancel_reason"),
    /**
     * A request in: Banan's latest planned answer (aid.planOutbound), the trips to the neighbour's entry node
     * as the planner found them; replaced by each new plan, marked issued when posted as planned.
     */
    outboundPlan: text("outbound_plan", { mode: "json" }),
  },
  (t) => [
    index("aid_requests_neighbour_idx").on(t.neighbourId, t.requestedAt),
    index("aid_requests_incident_idx").on(t.incidentId),
    index("aid_requests_status_idx").on(t.status, t.requestedAt),
  ],
);

/**
 * What a request asks for, and what has moved since: `delivered` arrived in Banan (out) or left for the
 * neighbour (in); `returned` went back to its lender. Still to return = delivered − returned.
 */
export const aidRequestLines = sqliteTable(
  "aid_request_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    requestId: integer("request_id")
      .notNull()
      .references(() => aidRequests.id),
    lineNo: integer("line_no").notNull(),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id),
    quantity: integer("quantity").notNull(),
    delivered: integer("delivered").notNull().default(0),
    returned: integer("returned").notNull().default(0),
  },
  (t) => [
    uniqueIndex("aid_request_lines_no_idx").on(t.requestId, t.lineNo),
    check("aid_request_lines_quantity", sql`${t.quantity} > 0`),
    check(
      "aid_request_lines_moved",
      sql`${t.delivered} >= 0 AND ${t.returned} >= 0 AND ${t.returned} <= ${t.delivered}`,
    ),
  ],
);

/** A neighbour's answer to a request out: what, by when at the entry node, on which trucks. The latest counts. */
export const aidReplies = sqliteTable(
  "aid_replies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    requestId: integer("request_id")
      .notNull()
      .references(() => aidRequests.id),
    /** Promised arrival at the neighbour's entry node. */
    arriveAt: text("arrive_at").notNull(),
    note: text("note").notNull().default(""),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: text("recorded_at").notNull(),
  },
  (t) => [index("aid_replies_request_idx").on(t.requestId, t.recordedAt)],
);

export const aidReplyLines = sqliteTable(
  "aid_reply_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    replyId: integer("reply_id")
      .notNull()
      .references(() => aidReplies.id),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id),
    quantity: integer("quantity").notNull(),
  },
  (t) => [
    uniqueIndex("aid_reply_lines_item_idx").on(t.replyId, t.itemId),
    check("aid_reply_lines_quantity", sql`${t.quantity} > 0`),
  ],
);

/** The neighbour's trucks named in a reply: they join the plan at the entry node from the promised time. */
export const aidReplyTrucks = sqliteTable(
  "aid_reply_trucks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    replyId: integer("reply_id")
      .notNull()
      .references(() => aidReplies.id),
    plate: text("plate").notNull(),
    type: text("type", { enum: FLEET_VEHICLE_TYPES }).notNull(),
    payloadKg: integer("payload_kg").notNull(),
    volumeM3: real("volume_m3").notNull(),
    driver: text("driver").notNull().default(""),
    phone: text("phone").notNull().default(""),
  },
  (t) => [
    uniqueIndex("aid_reply_trucks_plate_idx").on(t.replyId, t.plate),
    check("aid_reply_trucks_payload", sql`${t.payloadKg} > 0`),
    check("aid_reply_trucks_volume", sql`${t.volumeM3} > 0`),
  ],
);
