import { AID_DIRECTIONS, AID_STATUSES, FLEET_VEHICLE_TYPES, type MessageKey, m, msg } from "@relief/domain";
import { z } from "zod";
import { UploadInput } from "../areas/schemas";
import { DATE_WINDOWS } from "../limits";
import { PageFields, SortFields } from "../paging";
import { CalendarDate, Instant, Quantity } from "../schemas";
import { LotCode } from "../stock/schemas";
import { Plate } from "../vehicles/schemas";

type FieldKey = Extract<MessageKey, `aid.field.${string}`>;
const id = z.number().int().positive();
const text = (field: FieldKey, max: number) =>
  z
    .string()
    .trim()
    .max(max, m("common.error.fieldTooLong", { field: msg(field), max }));
const required = (field: FieldKey, max: number) =>
  text(field, max).min(1, m("common.error.required", { field: msg(field) }));
const lines = <T extends z.ZodType>(line: T) =>
  z
    .array(line)
    .min(1, m("common.error.atLeastOneLine"))
    .max(200, m("common.error.tooManyLines", { max: 200 }));
const ItemQuantity = z.object({
  itemId: z
    .number()
    .int()
    .positive(m("common.error.choose", { field: msg("aid.field.item") })),
  quantity: Quantity(),
});

export const NeighbourIdInput = z.object({ id });
export type NeighbourIdInput = z.input<typeof NeighbourIdInput>;

export const NEIGHBOUR_SORTS = ["code", "name"] as const;
export const ListNeighboursInput = z
  .object({
    /** Part of the name or code. */
    search: text("aid.field.search", 30).optional(),
    active: z.boolean().optional(),
    ...PageFields,
    ...SortFields(NEIGHBOUR_SORTS, "code"),
  })
  .prefault({});
export type ListNeighboursInput = z.input<typeof ListNeighboursInput>;

const Contact = z.object({
  name: required("aid.field.contactName", 30),
  post: text("aid.field.contactPost", 40).default(""),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{0,30}$/, m("aid.error.phoneFormat"))
    .default(""),
});

/** The register's editable part: the seat and name are the district's, fixed by the seed. */
export const UpdateNeighbourInput = z.object({
  id,
  /** The boundary node of the road network where its trucks enter Banan. */
  entryNodeId: id.nullable(),
  contacts: z
    .array(Contact)
    .max(20, m("common.error.tooManyLines", { max: 20 }))
    .default([]),
  note: text("aid.field.note", 500).default(""),
  active: z.boolean().default(true),
});
export type UpdateNeighbourInput = z.input<typeof UpdateNeighbourInput>;

/** A lendable-items sheet as the neighbour sent it, with the date it bears. */
export const ImportLendableInput = UploadInput.extend({
  neighbourId: id,
  listDate: CalendarDate(DATE_WINDOWS.record, msg("aid.field.listDate")),
});
export type ImportLendableInput = z.infer<typeof ImportLendableInput>;

const NeededBy = Instant(DATE_WINDOWS.period, msg("aid.field.neededBy"));

/**
 * A request: `out` (Banan asks; an incident and the area to deliver to) or `in` (a neighbour asks; delivered
 * at its entry node, so no area).
 */
export const AidRequestInput = z.object({
  direction: z
    .enum(AID_DIRECTIONS, { error: m("common.error.invalidChoice", { field: msg("aid.field.direction") }) })
    .default("out"),
  neighbourId: z
    .number()
    .int()
    .positive(m("common.error.choose", { field: msg("aid.field.neighbour") })),
  incidentId: id.nullable().default(null),
  deliveryAreaId: id.nullable().default(null),
  neededBy: NeededBy,
  note: text("aid.field.note", 500).default(""),
  lines: lines(ItemQuantity),
});
export type AidRequestInput = z.input<typeof AidRequestInput>;

const Truck = z.object({
  plate: Plate,
  type: z
    .enum(FLEET_VEHICLE_TYPES, {
      error: m("common.error.invalidChoice", { field: msg("aid.field.truckType") }),
    })
    .default("medium"),
  /** Defaults to the truck class's payload and volume. */
  payloadKg: z
    .number()
    .int(m("common.error.notInteger", { field: msg("aid.field.payloadKg") }))
    .positive(m("common.error.mustBePositive", { field: msg("aid.field.payloadKg") }))
    .max(100_000)
    .optional(),
  volumeM3: z
    .number()
    .positive(m("common.error.mustBePositive", { field: msg("aid.field.volumeM3") }))
    .max(200)
    .optional(),
  driver: text("aid.field.driver", 30).default(""),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{0,30}$/, m("aid.error.phoneFormat"))
    .default(""),
});

/** The neighbour's answer: what it sends, when it is at the entry node, on which trucks. */
export const AidReplyInput = z.object({
  requestId: id,
  arriveAt: Instant(DATE_WINDOWS.period, msg("aid.field.arriveAt")),
  lines: lines(ItemQuantity),
  trucks: z
    .array(Truck)
    .min(1, m("aid.error.atLeastOneTruck"))
    .max(50, m("common.error.tooManyLines", { max: 50 })),
  note: text("aid.field.note", 500).default(""),
});
export type AidReplyInput = z.input<typeof AidReplyInput>;

export const AidCancelInput = z.object({
  requestId: id,
  reason: required("aid.field.cancelReason", 200),
});
export type AidCancelInput = z.input<typeof AidCancelInput>;

export const AidIdInput = z.object({ requestId: id });
export type AidIdInput = z.input<typeof AidIdInput>;

export const AidIncidentInput = z.object({ incidentId: id });
export type AidIncidentInput = z.input<typeof AidIncidentInput>;

export const AID_SORTS = ["requestedAt", "number", "neededBy"] as const;
export const ListAidInput = z
  .object({
    direction: z.enum(AID_DIRECTIONS).optional(),
    status: z.enum(AID_STATUSES).optional(),
    neighbourId: id.optional(),
    incidentId: id.optional(),
    ...PageFields,
    ...SortFields(AID_SORTS, "requestedAt"),
  })
  .prefault({});
export type ListAidInput = z.input<typeof ListAidInput>;

/** Goods of a request out arriving: booked into a Banan warehouse as loan stock, lot by lot. */
export const AidReceiveInput = z.object({
  requestId: id,
  warehouseId: z
    .number()
    .int()
    .positive(m("common.error.choose", { field: msg("aid.field.warehouse") })),
  lines: lines(
    ItemQuantity.extend({
      lotCode: LotCode,
      productionDate: CalendarDate(DATE_WINDOWS.production, msg("aid.field.productionDate")).optional(),
      expiryDate: CalendarDate(DATE_WINDOWS.expiry, msg("aid.field.expiryDate")).optional(),
    }),
  ),
  note: text("aid.field.note", 500).default(""),
});
export type AidReceiveInput = z.input<typeof AidReceiveInput>;

/**
 * Goods leaving a Banan warehouse for a neighbour, issued with reason mutual_aid: for a request in, what Banan
 * sends; for a request out, loaned goods given back to the lender.
 */
export const AidIssueInput = z.object({
  requestId: id,
  warehouseId: z
    .number()
    .int()
    .positive(m("common.error.choose", { field: msg("aid.field.warehouse") })),
  lines: lines(ItemQuantity),
  /**
   * Loaned goods that will not go back (used up, damaged), settled with the lender: posted as a write-off
   * (any lot of loan stock) instead of an issue back to it. Only for a request out.
   */
  writeOff: z.boolean().default(false),
  note: text("aid.field.note", 500).default(""),
});
export type AidIssueInput = z.input<typeof AidIssueInput>;

export const LoansInput = z
  .object({
    direction: z.enum(AID_DIRECTIONS).optional(),
    neighbourId: id.optional(),
    /** Only lines with something still to return. */
    outstanding: z.boolean().default(false),
    ...PageFields,
  })
  .prefault({});
export type LoansInput = z.input<typeof LoansInput>;
