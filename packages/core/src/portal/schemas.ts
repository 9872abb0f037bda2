import { CALLOFF_STATUSES, DECLARATION_STATUSES, m, msg } from "@relief/domain";
import { z } from "zod";
import { DATE_WINDOWS } from "../limits";
import { PageFields } from "../paging";
import { CalendarDate, Instant, Quantity } from "../schemas";

const Id = z.number().int().positive();
/** One submission declares at most this many lines (a sheet of every line of a large enterprise fits). */
export const MAX_DECLARATION_LINES = 500;

/** One agreement stock line as the enterprise declares it: the quantity in a unit of the line's item. */
export const PortalDeclarationLine = z.object({
  lineId: Id,
  quantity: Quantity(msg("agreements.field.declaredQuantity"), { min: 0 }),
  unit: z.string().trim().max(10).optional(),
  lotCode: z
    .string()
    .trim()
    .max(40, m("common.error.fieldTooLong", { field: msg("stock.field.lotCode"), max: 40 }))
    .nullable()
    .default(null),
  productionDate: CalendarDate(DATE_WINDOWS.production, msg("stock.field.productionDate"))
    .nullable()
    .default(null),
  expiryDate: CalendarDate(DATE_WINDOWS.expiry, msg("stock.field.expiryDate")).nullable().default(null),
  /** The enterprise site holding the goods; the line's own warehouse when left out. */
  warehouseId: Id.nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
});
export type PortalDeclarationLine = z.input<typeof PortalDeclarationLine>;

export const PortalDeclareInput = z.object({
  declaredOn: CalendarDate(DATE_WINDOWS.record, msg("agreements.field.declaredOn")),
  lines: z
    .array(PortalDeclarationLine)
    .min(1, m("common.error.atLeastOneLine"))
    .max(MAX_DECLARATION_LINES, m("common.error.tooManyLines", { max: MAX_DECLARATION_LINES })),
});
export type PortalDeclareInput = z.input<typeof PortalDeclareInput>;

export const PortalDeclarationsInput = z
  .object({ agreementId: Id.optional(), status: z.enum(DECLARATION_STATUSES).optional(), ...PageFields })
  .prefault({});
export type PortalDeclarationsInput = z.input<typeof PortalDeclarationsInput>;

export const PortalCalloffsInput = z
  .object({ status: z.enum(CALLOFF_STATUSES).optional(), ...PageFields })
  .prefault({});
export type PortalCalloffsInput = z.input<typeof PortalCalloffsInput>;

export const AcknowledgeCalloffInput = z.object({
  id: Id,
  estimatedDeparture: Instant(DATE_WINDOWS.period, msg("portal.field.estimatedDeparture")),
});
export type AcknowledgeCalloffInput = z.input<typeof AcknowledgeCalloffInput>;

export const CannotDeliverInput = z.object({
  id: Id,
  reason: z
    .string()
    .trim()
    .min(1, m("common.error.required", { field: msg("portal.field.cannotDeliverReason") }))
    .max(500),
  /** How much of the call-off it can still deliver, in `unit` of the item (0: nothing). */
  canDeliver: Quantity(msg("portal.field.canDeliver"), { min: 0 }).default(0),
  unit: z.string().trim().max(10).optional(),
});
export type CannotDeliverInput = z.input<typeof CannotDeliverInput>;
