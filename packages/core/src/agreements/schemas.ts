import { AGREEMENT_KINDS, VEHICLE_TYPES } from "@relief/db";
import { CALLOFF_STATUSES, DECLARATION_STATUSES, type MessageKey, m, msg } from "@relief/domain";
import { z } from "zod";
import { DATE_WINDOWS } from "../limits";
import { PageFields, SortFields } from "../paging";
import { CalendarDate, Instant, Quantity } from "../schemas";

const Id = z.number().int().positive();
const Fen = z
  .number()
  .int(m("agreements.error.amountNotFen"))
  .min(0, m("common.error.notNegative", { field: msg("agreements.field.amount") }))
  .max(1e13)
  .nullable()
  .default(null);
type FieldKey = Extract<MessageKey, `agreements.field.${string}`>;
const PeriodDate = (label: FieldKey) => CalendarDate(DATE_WINDOWS.period, msg(label));
const RecordDate = (label: FieldKey) => CalendarDate(DATE_WINDOWS.record, msg(label));
/** Call-off times: records of when something was asked for or arrived, or a deadline within the period window. */
const CalloffTime = (label: FieldKey) => Instant(DATE_WINDOWS.period, msg(label));
const required = (label: FieldKey) => m("common.error.required", { field: msg(label) });

export const AgreementLineInput = z.object({
  /** An existing line being edited; new lines leave it out. */
  id: Id.optional(),
  itemId: Id.nullable().default(null),
  vehicleType: z
    .enum(VEHICLE_TYPES, {
      error: m("common.error.invalidChoice", { field: msg("agreements.field.vehicleType") }),
    })
    .nullable()
    .default(null),
  /** Committed stock, units per day, or trucks. */
  quantity: Quantity(),
  /** A pack name of the item (箱): the quantity is then converted to base units. */
  unit: z.string().trim().max(10).optional(),
  responseHours: z
    .number()
    .int(m("agreements.error.responseHoursInteger"))
    .min(1, m("agreements.error.responseHoursMin", { min: 1 }))
    .max(720, m("agreements.error.responseHoursMax", { max: 720 })),
  warehouseId: Id.nullable().default(null),
  unitPriceFen: Fen,
  reserveFundFen: Fen,
  rotationDuty: z.string().trim().max(200).default(""),
});
export type AgreementLineInput = z.input<typeof AgreementLineInput>;

const AgreementFields = z.object({
  number: z
    .string()
    .trim()
    .min(2, required("agreements.field.number"))
    .max(40, m("agreements.error.numberTooLong", { max: 40 })),
  enterpriseId: Id,
  kind: z.enum(AGREEMENT_KINDS, {
    error: m("common.error.invalidChoice", { field: msg("agreements.field.kind") }),
  }),
  startDate: PeriodDate("agreements.field.startDate"),
  endDate: PeriodDate("agreements.field.endDate"),
  signedOn: RecordDate("agreements.field.signedOn").nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
  /** 申报周期: left out, a new agreement declares monthly and an edited one keeps its cadence. */
  declarationMonths: z
    .number(m("agreements.error.declarationMonths"))
    .int(m("agreements.error.declarationMonths"))
    .min(1, m("agreements.error.declarationMonths"))
    .max(12, m("agreements.error.declarationMonths"))
    .optional(),
  lines: z
    .array(AgreementLineInput)
    .min(1, m("agreements.error.noLines"))
    .max(200, m("agreements.error.tooManyLines", { max: 200 })),
});

const datesInOrder = (a: { startDate: string; endDate: string }, ctx: z.RefinementCtx) => {
  if (a.endDate < a.startDate) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: m("agreements.error.endBeforeStart") });
  }
};

export const CreateAgreementInput = AgreementFields.superRefine(datesInOrder);
export type CreateAgreementInput = z.input<typeof CreateAgreementInput>;

export const UpdateAgreementInput = AgreementFields.extend({ id: Id }).superRefine(datesInOrder);
export type UpdateAgreementInput = z.input<typeof UpdateAgreementInput>;

export const TerminateAgreementInput = z.object({
  id: Id,
  terminatedOn: PeriodDate("agreements.field.terminatedOn"),
  reason: z.string().trim().min(1, required("agreements.field.terminationReason")).max(500),
});
export type TerminateAgreementInput = z.input<typeof TerminateAgreementInput>;

export const AgreementStatusFilter = z.enum(["pending", "active", "expiring", "expired", "terminated"]);

/** Filters shared by the paged list and by the whole-register reads (coverage, exports). */
export const AgreementFilter = z.object({
  enterpriseId: Id.optional(),
  kind: z.enum(AGREEMENT_KINDS).optional(),
  status: AgreementStatusFilter.optional(),
  itemId: Id.optional(),
  /** Part of the agreement number or of the enterprise's name. */
  search: z
    .string()
    .trim()
    .max(60, m("common.error.fieldTooLong", { field: msg("common.field.search"), max: 60 }))
    .optional(),
});
export type AgreementFilter = z.input<typeof AgreementFilter>;

export const AGREEMENT_SORTS = ["endDate", "startDate", "number", "enterprise"] as const;
export type AgreementSort = (typeof AGREEMENT_SORTS)[number];

export const ListAgreementsInput = AgreementFilter.extend({
  ...PageFields,
  ...SortFields(AGREEMENT_SORTS, "endDate"),
}).prefault({});
export type ListAgreementsInput = z.input<typeof ListAgreementsInput>;

/** How many agreements expire soon and have expired, with the first few ending soonest. */
export const AgreementRemindersInput = z
  .object({ limit: z.number().int().min(1).max(20).default(5) })
  .prefault({});
export type AgreementRemindersInput = z.input<typeof AgreementRemindersInput>;

export const AgreementIdInput = z.object({ id: Id });

export const DeclareInput = z.object({
  lineId: Id,
  declaredOn: RecordDate("agreements.field.declaredOn"),
  quantity: Quantity(msg("agreements.field.declaredQuantity"), { min: 0 }),
  unit: z.string().trim().max(10).optional(),
  note: z.string().trim().max(500).nullable().default(null),
});
export type DeclareInput = z.input<typeof DeclareInput>;

export const VerifyInput = z.object({
  lineId: Id,
  inspectedOn: RecordDate("agreements.field.inspectedOn"),
  quantity: Quantity(msg("agreements.field.inspectedQuantity"), { min: 0 }),
  unit: z.string().trim().max(10).optional(),
  inspector: z.string().trim().min(1, required("agreements.field.inspector")).max(60),
  findings: z.string().trim().max(1000).default(""),
});
export type VerifyInput = z.input<typeof VerifyInput>;

export const CreateCalloffInput = z.object({
  lineId: Id,
  quantity: Quantity(msg("agreements.field.calloffQuantity")),
  unit: z.string().trim().max(10).optional(),
  /** Defaults to now. */
  requestedAt: CalloffTime("agreements.field.requestedAt").optional(),
  /** Defaults to the request time plus the line's response time. */
  requiredBy: CalloffTime("agreements.field.requiredBy").optional(),
  dispatchRef: z.string().trim().max(60).nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
});
export type CreateCalloffInput = z.input<typeof CreateCalloffInput>;

export const ConfirmCalloffInput = z.object({
  id: Id,
  deliveredQuantity: Quantity(msg("agreements.field.deliveredQuantity"), { min: 0 }),
  unit: z.string().trim().max(10).optional(),
  deliveredAt: CalloffTime("agreements.field.deliveredAt"),
  confirmedBy: z.string().trim().min(1, required("agreements.field.confirmedBy")).max(60),
  note: z.string().trim().max(500).nullable().default(null),
});
export type ConfirmCalloffInput = z.input<typeof ConfirmCalloffInput>;

export const CancelCalloffInput = z.object({
  id: Id,
  reason: z.string().trim().min(1, required("agreements.field.cancelReason")).max(500),
});
export type CancelCalloffInput = z.input<typeof CancelCalloffInput>;

export const ListCalloffsInput = z
  .object({
    id: Id.optional(),
    enterpriseId: Id.optional(),
    agreementId: Id.optional(),
    lineId: Id.optional(),
    status: z.enum(CALLOFF_STATUSES).optional(),
    ...PageFields,
  })
  .prefault({});
export type ListCalloffsInput = z.input<typeof ListCalloffsInput>;

/** Declarations or verifications of one agreement (or one of its lines), newest first. */
export const ListLineRecordsInput = z
  .object({ agreementId: Id.optional(), lineId: Id.optional(), ...PageFields })
  .prefault({});
export type ListLineRecordsInput = z.input<typeof ListLineRecordsInput>;

/** Declarations, also of one enterprise (its own portal) or in one review status (the bureau's queue). */
export const ListDeclarationsInput = z
  .object({
    id: Id.optional(),
    agreementId: Id.optional(),
    lineId: Id.optional(),
    enterpriseId: Id.optional(),
    status: z.enum(DECLARATION_STATUSES).optional(),
    ...PageFields,
  })
  .prefault({});
export type ListDeclarationsInput = z.input<typeof ListDeclarationsInput>;

export const DeclarationTemplateInput = z.object({ enterpriseId: Id.optional() }).default({});
