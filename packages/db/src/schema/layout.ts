import { RISK_HAZARDS, TRANSFER_DRAFT_STATUSES } from "@relief/domain";
import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { areas } from "./areas";
import { items } from "./items";
import { stockDocuments } from "./stock";
import { users } from "./users";
import { warehouses } from "./warehouses";

export {
  RISK_HAZARDS,
  type RiskHazard,
  TRANSFER_DRAFT_STATUSES,
  type TransferDraftStatus,
} from "@relief/domain";

/**
 * 风险登记, one version per change, like the quotas: a township's hazard at an instant is its version with the
 * latest `effective_from` not after it; a hazard taken off the register is a version with `active` false.
 * Versions are never edited.
 */
export const riskVersions = sqliteTable(
  "risk_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
    hazard: text("hazard", { enum: RISK_HAZARDS }).notNull(),
    /** The scenario's size: relocated people, or a share of the township's residents (exactly one of them). */
    relocated: integer("relocated"),
    shareOfResidents: real("share_of_residents"),
    /** Likelihood weight in the weighted mean. */
    weight: real("weight").notNull(),
    /** Road edge ids the hazard is expected to cut, as a JSON array. */
    closedRoadIds: text("closed_road_ids", { mode: "json" }).$type<number[]>().notNull(),
    /** Why these figures: the source, or how the estimate was made. */
    basis: text("basis").notNull().default(""),
    estimate: integer("estimate", { mode: "boolean" }).notNull().default(true),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    effectiveFrom: text("effective_from").notNull(),
    note: text("note"),
    recordedBy: integer("recorded_by").references(() => users.id),
    recordedAt: text("recorded_at").notNull(),
  },
  (t) => [
    index("risk_versions_area_idx").on(t.areaId, t.hazard, t.effectiveFrom),
    check(
      "risk_versions_size",
      sql`(${t.relocated} IS NULL) <> (${t.shareOfResidents} IS NULL) AND (${t.relocated} IS NULL OR ${t.relocated} >= 0)
          AND (${t.shareOfResidents} IS NULL OR ${t.shareOfResidents} BETWEEN 0 AND 1)`,
    ),
    check("risk_versions_weight", sql`${t.weight} >= 0`),
    check("risk_versions_roads", sql`json_valid(${t.closedRoadIds})`),
  ],
);

/** The price list the advice buys with: yuan per base unit of an item. */
export const layoutPrices = sqliteTable(
  "layout_prices",
  {
    itemId: integer("item_id")
      .primaryKey()
      .references(() => items.id),
    priceYuan: real("price_yuan").notNull(),
    estimate: integer("estimate", { mode: "boolean" }).notNull().default(true),
    source: text("source").notNull().default(""),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [check("layout_prices_positive", sql`${t.priceYuan} > 0`)],
);

/**
 * A layout advice as it was computed: the fingerprint of its inputs (the problem read from the database and the
 * options), so that the same inputs return the same advice, and the result the page shows and `accept` acts on.
 */
export const layoutAdvice = sqliteTable(
  "layout_advice",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    fingerprint: text("fingerprint").notNull().unique(),
    maxTruckloads: integer("max_truckloads").notNull(),
    budgetYuan: real("budget_yuan"),
    result: text("result", { mode: "json" }).notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: text("created_at").notNull(),
    acceptedBy: integer("accepted_by").references(() => users.id),
    acceptedAt: text("accepted_at"),
  },
  (t) => [check("layout_advice_result", sql`json_valid(${t.result})`)],
);

/**
 * A transfer waiting for approval (调拨草稿): from an accepted advice, one per warehouse pair. Nothing moves in
 * the ledger until it is posted through the usual 调拨, which marks it `posted` with its document.
 */
export const transferDrafts = sqliteTable(
  "transfer_drafts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    adviceId: integer("advice_id").references(() => layoutAdvice.id),
    fromWarehouseId: integer("from_warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    toWarehouseId: integer("to_warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    status: text("status", { enum: TRANSFER_DRAFT_STATUSES }).notNull().default("draft"),
    documentId: integer("document_id").references(() => stockDocuments.id),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("transfer_drafts_status_idx").on(t.status, t.id)],
);

export const transferDraftLines = sqliteTable(
  "transfer_draft_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    draftId: integer("draft_id")
      .notNull()
      .references(() => transferDrafts.id),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id),
    /** Base units. */
    quantity: integer("quantity").notNull(),
  },
  (t) => [
    index("transfer_draft_lines_draft_idx").on(t.draftId),
    check("transfer_draft_lines_quantity", sql`${t.quantity} > 0`),
  ],
);
