import { CREDIT_EVENT_KINDS, ENTERPRISE_KINDS, ENTERPRISE_STATUSES } from "@relief/db";
import { creditCodeProblem, type MessageKey, m, msg, schemaText } from "@relief/domain";
import { z } from "zod";
import { DATE_WINDOWS } from "../limits";
import { PageFields, SortFields } from "../paging";
import { CalendarDate } from "../schemas";

export const CreditCode = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: "custom", message: schemaText(problem) });
  });

type FieldKey = Extract<MessageKey, `enterprises.field.${string}`>;
const required = (field: FieldKey) => m("common.error.required", { field: msg(field) });
const invalid = (field: FieldKey) => m("common.error.invalidChoice", { field: msg(field) });

const Contact = z.object({
  name: z.string().trim().min(1, required("enterprises.field.contactName")).max(30),
  role: z.string().trim().max(30).default(""),
  mobile: z
    .string()
    .trim()
    .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, m("enterprises.error.phone")),
});

export const CreateEnterpriseInput = z.object({
  name: z.string().trim().min(1, required("enterprises.field.name")).max(100),
  creditCode: CreditCode,
  kind: z.enum(ENTERPRISE_KINDS, { error: invalid("enterprises.field.kind") }),
  keySupplier: z.boolean().default(false),
  address: z.string().trim().max(200).default(""),
  areaId: z.number().int().positive().nullable().default(null),
  lat: z.number().min(-90).max(90).nullable().default(null),
  lon: z.number().min(-180).max(180).nullable().default(null),
  status: z.enum(ENTERPRISE_STATUSES).default("active"),
  note: z.string().trim().max(500).nullable().default(null),
  contacts: z.array(Contact).max(10).default([]),
});
export type CreateEnterpriseInput = z.input<typeof CreateEnterpriseInput>;

export const UpdateEnterpriseInput = z.object({ id: z.number().int().positive() }).and(CreateEnterpriseInput);
export type UpdateEnterpriseInput = z.input<typeof UpdateEnterpriseInput>;

export const EnterpriseIdInput = z.object({ id: z.number().int().positive() });

export const RecordCreditEventInput = z.object({
  enterpriseId: z.number().int().positive(),
  occurredOn: CalendarDate(DATE_WINDOWS.record, msg("enterprises.field.occurredOn")),
  kind: z.enum(CREDIT_EVENT_KINDS, { error: invalid("enterprises.field.eventKind") }),
  note: z.string().trim().min(1, m("enterprises.error.eventNoteRequired")).max(500),
});
export type RecordCreditEventInput = z.input<typeof RecordCreditEventInput>;

const Search = z
  .string()
  .trim()
  .max(60, m("common.error.fieldTooLong", { field: msg("common.field.search"), max: 60 }))
  .optional();

export const ListEnterprisesInput = z
  .object({
    /** Part of the name or of the credit code. */
    search: Search,
    kind: z.enum(ENTERPRISE_KINDS).optional(),
    status: z.enum(ENTERPRISE_STATUSES).optional(),
    ...PageFields,
    ...SortFields(["name", "creditCode"], "name"),
  })
  .prefault({});
export type ListEnterprisesInput = z.input<typeof ListEnterprisesInput>;

/** A picker's query: what the user typed, and the enterprise already chosen so it can be named. */
export const EnterpriseOptionsInput = z
  .object({
    search: Search,
    id: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .prefault({});
export type EnterpriseOptionsInput = z.input<typeof EnterpriseOptionsInput>;
