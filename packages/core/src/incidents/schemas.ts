import { INCIDENT_STATUSES, INCIDENT_TYPES, QUOTA_BASES } from "@relief/db";
import { m, msg } from "@relief/domain";
import { z } from "zod";
import { DATE_WINDOWS } from "../limits";
import { PageFields, SortFields } from "../paging";
import { CalendarDate, Instant } from "../schemas";

/** More people than live in the district: a typing slip, not a figure. */
export const MAX_PEOPLE = 10_000_000;
/** Every village of a township fits; the form offers rows one by one. */
export const MAX_INCIDENT_AREAS = 2_000;

const Id = z.number().int().positive();

const People = (field: "incidents.field.affected" | "incidents.field.relocated") =>
  z
    .number({ error: m("common.error.notInteger", { field: msg(field) }) })
    .int(m("common.error.notInteger", { field: msg(field) }))
    .min(0, m("common.error.notNegative", { field: msg(field) }))
    .max(MAX_PEOPLE, m("incidents.error.peopleTooMany", { field: msg(field), max: MAX_PEOPLE }));

/** One affected area of a report: 受灾人口 and, of them, 紧急转移安置人口. */
export const IncidentArea = z
  .object({
    areaId: Id,
    affected: People("incidents.field.affected"),
    relocated: People("incidents.field.relocated"),
  })
  .refine((a) => a.relocated <= a.affected, {
    path: ["relocated"],
    message: m("incidents.error.relocatedOverAffected"),
  });
export type IncidentArea = z.infer<typeof IncidentArea>;

const Areas = z
  .array(IncidentArea, { error: m("incidents.error.noAreas") })
  .min(1, m("incidents.error.noAreas"))
  .max(MAX_INCIDENT_AREAS, m("incidents.error.tooManyAreas", { max: MAX_INCIDENT_AREAS }));

const Title = z
  .string({ error: m("common.error.required", { field: msg("incidents.field.title") }) })
  .trim()
  .min(1, m("common.error.required", { field: msg("incidents.field.title") }))
  .max(100, m("common.error.fieldTooLong", { field: msg("incidents.field.title"), max: 100 }));

export const CreateIncidentInput = z.object({
  type: z.enum(INCIDENT_TYPES, { error: m("common.error.choose", { field: msg("incidents.field.type") }) }),
  title: Title,
  description: z
    .string()
    .trim()
    .max(2000, m("common.error.fieldTooLong", { field: msg("incidents.field.description"), max: 2000 }))
    .default(""),
  /** Checked against the clock by the action: not in the future, not more than a year ago. */
  startedAt: Instant(DATE_WINDOWS.record, msg("incidents.field.startedAt")),
  drill: z.boolean().default(false),
  areas: Areas,
});
export type CreateIncidentInput = z.input<typeof CreateIncidentInput>;

export const ReportIncidentInput = z.object({
  incidentId: Id,
  kind: z.enum(["follow_up", "verified"], { error: m("incidents.error.invalidReportKind") }),
  reportedAt: Instant(DATE_WINDOWS.record, msg("incidents.field.reportedAt")),
  areas: Areas,
  note: z
    .string()
    .trim()
    .max(500, m("common.error.fieldTooLong", { field: msg("incidents.field.note"), max: 500 }))
    .default(""),
});
export type ReportIncidentInput = z.input<typeof ReportIncidentInput>;

export const IncidentIdInput = z.object({ id: Id });
export const IncidentRefInput = z.object({ incidentId: Id });

/** A line of the relief package as the dispatcher sets it, in the item's base units per share. */
export const SetPackageLineInput = z
  .object({
    incidentId: Id,
    itemId: Id,
    quantity: z
      .number({ error: m("incidents.error.quantityPositive") })
      .positive(m("incidents.error.quantityPositive"))
      .max(1_000_000, m("incidents.error.quantityTooLarge", { max: 1_000_000 })),
    perPersons: z
      .number({ error: m("common.error.notInteger", { field: msg("incidents.field.perPersons") }) })
      .int(m("common.error.notInteger", { field: msg("incidents.field.perPersons") }))
      .min(1, m("common.error.mustBePositive", { field: msg("incidents.field.perPersons") }))
      .max(10_000)
      .default(1),
    basis: z.enum(QUOTA_BASES, { error: m("coverage.error.invalidBasis") }).default("person"),
    days: z
      .number()
      .int(m("coverage.error.daysInteger"))
      .min(1, m("coverage.error.daysAtLeastOne"))
      .max(90, m("coverage.error.daysAtMost90"))
      .nullable()
      .default(null),
  })
  .refine((line) => line.basis === "person" || line.perPersons === 1, {
    path: ["perPersons"],
    message: m("incidents.error.householdNoPersons"),
  });
export type SetPackageLineInput = z.input<typeof SetPackageLineInput>;

export const RemovePackageLineInput = z.object({ incidentId: Id, itemId: Id });
export type RemovePackageLineInput = z.input<typeof RemovePackageLineInput>;

/** A need set by hand for one area and item; `quantity` null returns it to the computed figure. */
export const OverrideNeedInput = z.object({
  incidentId: Id,
  areaId: Id,
  itemId: Id,
  quantity: z
    .number({ error: m("common.error.notInteger", { field: msg("common.field.quantity") }) })
    .int(m("common.error.notInteger", { field: msg("common.field.quantity") }))
    .min(0, m("common.error.notNegative", { field: msg("common.field.quantity") }))
    .max(
      1_000_000_000,
      m("common.error.overLineCeiling", { field: msg("common.field.quantity"), max: 1_000_000_000 }),
    )
    .nullable(),
  reason: z
    .string({ error: m("common.error.required", { field: msg("incidents.field.reason") }) })
    .trim()
    .min(1, m("common.error.required", { field: msg("incidents.field.reason") }))
    .max(500, m("common.error.fieldTooLong", { field: msg("incidents.field.reason"), max: 500 })),
});
export type OverrideNeedInput = z.input<typeof OverrideNeedInput>;

export const ListIncidentsInput = z
  .object({
    /** Part of the number or the title. */
    search: z
      .string()
      .trim()
      .max(60, m("common.error.fieldTooLong", { field: msg("common.field.search"), max: 60 }))
      .optional(),
    status: z.enum(INCIDENT_STATUSES).optional(),
    type: z.enum(INCIDENT_TYPES).optional(),
    drill: z.boolean().optional(),
    /** Start date range, district days, both ends included. */
    from: CalendarDate(DATE_WINDOWS.filter, msg("common.field.from")).optional(),
    to: CalendarDate(DATE_WINDOWS.filter, msg("common.field.to")).optional(),
    ...PageFields,
    ...SortFields(["startedAt", "number"], "startedAt"),
  })
  .prefault({});
export type ListIncidentsInput = z.input<typeof ListIncidentsInput>;
