import { INCIDENT_REPORT_KINDS, INCIDENT_STATUSES, INCIDENT_TYPES, QUOTA_BASES } from "@relief/domain";
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { areas } from "./areas";
import { items } from "./items";
import { users } from "./users";

export {
  INCIDENT_REPORT_KINDS,
  INCIDENT_STATUSES,
  INCIDENT_TYPES,
  type IncidentReportKind,
  type IncidentStatus,
  type IncidentType,
} from "@relief/domain";

/** 灾情: a disaster (or a drill) that needs relief; its figures come from its reports. */
export const incidents = sqliteTable(
  "incidents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    number: text("number").notNull().unique(),
    type: text("type", { enum: INCIDENT_TYPES }).notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** When the disaster began: the 10-hour deadline runs from here. */
    startedAt: text("started_at").notNull(),
    /** 演练: planned and shown like an incident, never reserving or posting stock. */
    drill: integer("drill", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: INCIDENT_STATUSES }).notNull().default("open"),
    closedAt: text("closed_at"),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("incidents_started_idx").on(t.startedAt)],
);

/** 初报 / 续报 / 核报: a report of the incident's figures as of its time; the latest report counts. */
export const incidentReports = sqliteTable(
  "incident_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id),
    kind: text("kind", { enum: INCIDENT_REPORT_KINDS }).notNull(),
    /** The time the figures refer to, as the report states it. */
    reportedAt: text("reported_at").notNull(),
    note: text("note").notNull().default(""),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: text("recorded_at").notNull(),
  },
  (t) => [index("incident_reports_incident_idx").on(t.incidentId, t.reportedAt)],
);

/** One affected area in a report: 受灾人口 and 紧急转移安置人口. */
export const incidentReportAreas = sqliteTable(
  "incident_report_areas",
  {
    reportId: integer("report_id")
      .notNull()
      .references(() => incidentReports.id, { onDelete: "cascade" }),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
    affected: integer("affected").notNull(),
    relocated: integer("relocated").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.areaId] }),
    index("incident_report_areas_area_idx").on(t.areaId),
    check("incident_report_areas_people", sql`${t.affected} >= 0 AND ${t.relocated} >= 0`),
    check("incident_report_areas_subset", sql`${t.relocated} <= ${t.affected}`),
  ],
);

/**
 * The incident's relief package: per item, `quantity` base units per `per_persons` persons (or per household),
 * for `days` days where the quota is daily. It starts from the quotas and is editable per incident.
 */
export const incidentPackageLines = sqliteTable(
  "incident_package_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id),
    quantity: real("quantity").notNull(),
    perPersons: integer("per_persons").notNull().default(1),
    basis: text("basis", { enum: QUOTA_BASES }).notNull().default("person"),
    days: integer("days"),
    /** Taken from the quotas when the incident was created, or edited since. */
    edited: integer("edited", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    uniqueIndex("incident_package_lines_item_idx").on(t.incidentId, t.itemId),
    check("incident_package_lines_quantity", sql`${t.quantity} > 0`),
    check("incident_package_lines_per", sql`${t.perPersons} >= 1`),
    check("incident_package_lines_days", sql`${t.days} IS NULL OR ${t.days} >= 1`),
  ],
);

/**
 * A dispatcher's override of one area's need for one item, with who and why; the history is kept and the
 * latest row counts. `quantity` null returns the need to the computed figure.
 */
export const incidentNeedOverrides = sqliteTable(
  "incident_need_overrides",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id),
    quantity: integer("quantity"),
    reason: text("reason").notNull(),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: text("recorded_at").notNull(),
  },
  (t) => [
    index("incident_need_overrides_key_idx").on(t.incidentId, t.areaId, t.itemId, t.id),
    check("incident_need_overrides_quantity", sql`${t.quantity} IS NULL OR ${t.quantity} >= 0`),
  ],
);
