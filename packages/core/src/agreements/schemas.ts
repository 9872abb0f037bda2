import { AGREEMENT_KINDS, VEHICLE_TYPES } from "@relief/db";
import { CALLOFF_STATUSES } from "@relief/domain";
import { z } from "zod";
import { DATE_WINDOWS } from "../limits";
import { PageFields, SortFields } from "../paging";
import { CalendarDate, Instant, Quantity } from "../schemas";

const Id = z.number().int().positive();
const Fen = z
  .number()
  .int("金额应以分为单位的整数")
  .min(0, "金额不能为负数")
  .max(1e13)
  .nullable()
  .default(null);
const PeriodDate = (label: string) => CalendarDate(DATE_WINDOWS.period, label);
const RecordDate = (label: string) => CalendarDate(DATE_WINDOWS.record, label);
/** Call-off times: records of when something was asked for or arrived, or a deadline within the period window. */
const CalloffTime = (label: string) => Instant(DATE_WINDOWS.period, label);

export const AgreementLineInput = z.object({
  /** An existing line being edited; new lines leave it out. */
  id: Id.optional(),
  itemId: Id.nullable().default(null),
  vehicleType: z.enum(VEHICLE_TYPES, { error: "车型无效" }).nullable().default(null),
  /** Committed stock, units per day, or trucks. */
  quantity: Quantity("数量"),
  /** A pack name of the item (箱): the quantity is then converted to base units. */
  unit: z.string().trim().max(10).optional(),
  responseHours: z
    .number()
    .int("响应时限应为整数小时")
    .min(1, "响应时限至少 1 小时")
    .max(720, "响应时限不超过 720 小时"),
  warehouseId: Id.nullable().default(null),
  unitPriceFen: Fen,
  reserveFundFen: Fen,
  rotationDuty: z.string().trim().max(200).default(""),
});
export type AgreementLineInput = z.input<typeof AgreementLineInput>;

const AgreementFields = z.object({
  number: z.string().trim().min(2, "请填写协议编号").max(40, "协议编号不超过 40 个字符"),
  enterpriseId: Id,
  kind: z.enum(AGREEMENT_KINDS, { error: "协议类型无效" }),
  startDate: PeriodDate("开始日期"),
  endDate: PeriodDate("结束日期"),
  signedOn: RecordDate("签订日期").nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
  lines: z.array(AgreementLineInput).min(1, "协议至少要有一行").max(200, "协议不超过 200 行"),
});

const datesInOrder = (a: { startDate: string; endDate: string }, ctx: z.RefinementCtx) => {
  if (a.endDate < a.startDate) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "结束日期不能早于开始日期" });
  }
};

export const CreateAgreementInput = AgreementFields.superRefine(datesInOrder);
export type CreateAgreementInput = z.input<typeof CreateAgreementInput>;

export const UpdateAgreementInput = AgreementFields.extend({ id: Id }).superRefine(datesInOrder);
export type UpdateAgreementInput = z.input<typeof UpdateAgreementInput>;

export const TerminateAgreementInput = z.object({
  id: Id,
  terminatedOn: PeriodDate("终止日期"),
  reason: z.string().trim().min(1, "请填写终止原因").max(500),
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
  search: z.string().trim().max(60, "搜索内容最多 60 个字符").optional(),
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
  declaredOn: RecordDate("申报日期"),
  quantity: Quantity("申报数量", { min: 0 }),
  unit: z.string().trim().max(10).optional(),
  note: z.string().trim().max(500).nullable().default(null),
});
export type DeclareInput = z.input<typeof DeclareInput>;

export const VerifyInput = z.object({
  lineId: Id,
  inspectedOn: RecordDate("核查日期"),
  quantity: Quantity("核查数量", { min: 0 }),
  unit: z.string().trim().max(10).optional(),
  inspector: z.string().trim().min(1, "请填写核查人").max(60),
  findings: z.string().trim().max(1000).default(""),
});
export type VerifyInput = z.input<typeof VerifyInput>;

export const CreateCalloffInput = z.object({
  lineId: Id,
  quantity: Quantity("调用数量"),
  unit: z.string().trim().max(10).optional(),
  /** Defaults to now. */
  requestedAt: CalloffTime("调用时间").optional(),
  /** Defaults to the request time plus the line's response time. */
  requiredBy: CalloffTime("要求到达时间").optional(),
  dispatchRef: z.string().trim().max(60).nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
});
export type CreateCalloffInput = z.input<typeof CreateCalloffInput>;

export const ConfirmCalloffInput = z.object({
  id: Id,
  deliveredQuantity: Quantity("交付数量", { min: 0 }),
  unit: z.string().trim().max(10).optional(),
  deliveredAt: CalloffTime("交付时间"),
  confirmedBy: z.string().trim().min(1, "请填写确认人").max(60),
  note: z.string().trim().max(500).nullable().default(null),
});
export type ConfirmCalloffInput = z.input<typeof ConfirmCalloffInput>;

export const CancelCalloffInput = z.object({
  id: Id,
  reason: z.string().trim().min(1, "请填写取消原因").max(500),
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

export const DeclarationTemplateInput = z.object({ enterpriseId: Id.optional() }).default({});
