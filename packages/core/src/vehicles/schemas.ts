import {
  FLEET_VEHICLE_TYPES,
  isValidPlate,
  MAX_VEHICLE_PAYLOAD_KG,
  MAX_VEHICLE_VOLUME_M3,
  type MessageKey,
  m,
  msg,
  nameList,
  normalizePlate,
  PLATE_EXAMPLES,
  schemaText,
  VEHICLE_OWNERS,
  VEHICLE_STATUSES,
} from "@relief/domain";
import { z } from "zod";
import { PageFields, SortFields } from "../paging";

type FieldKey = Extract<MessageKey, `vehicles.field.${string}`>;
const invalid = (field: FieldKey) => m("common.error.invalidChoice", { field: msg(field) });
const tooLong = (field: FieldKey, max: number) => m("common.error.fieldTooLong", { field: msg(field), max });

/** A plate as people type it (渝A 12345, 渝A·12345D), stored without separators and checked. */
export const Plate = z
  .string()
  .trim()
  .min(1, m("common.error.required", { field: msg("vehicles.field.plate") }))
  .transform(normalizePlate)
  .superRefine((plate, ctx) => {
    if (!isValidPlate(plate))
      ctx.addIssue({
        code: "custom",
        message: schemaText(msg("vehicles.error.plateFormat", { plate, examples: nameList(PLATE_EXAMPLES) })),
      });
  });

const VehicleFields = z.object({
  plate: Plate,
  type: z.enum(FLEET_VEHICLE_TYPES, { error: invalid("vehicles.field.type") }),
  payloadKg: z
    .number()
    .int(m("common.error.notInteger", { field: msg("vehicles.field.payloadKg") }))
    .positive(m("common.error.mustBePositive", { field: msg("vehicles.field.payloadKg") }))
    .max(MAX_VEHICLE_PAYLOAD_KG, m("vehicles.error.payloadAtMost", { max: MAX_VEHICLE_PAYLOAD_KG })),
  volumeM3: z
    .number()
    .positive(m("common.error.mustBePositive", { field: msg("vehicles.field.volumeM3") }))
    .max(MAX_VEHICLE_VOLUME_M3, m("vehicles.error.volumeAtMost", { max: MAX_VEHICLE_VOLUME_M3 })),
  homeWarehouseId: z
    .number()
    .int()
    .positive(m("common.error.choose", { field: msg("vehicles.field.homeWarehouse") })),
  driver: z.string().trim().max(30, tooLong("vehicles.field.driver", 30)).default(""),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{0,30}$/, m("vehicles.error.phoneFormat"))
    .default(""),
  status: z.enum(VEHICLE_STATUSES, { error: invalid("vehicles.field.status") }).default("available"),
  owner: z.enum(VEHICLE_OWNERS, { error: invalid("vehicles.field.owner") }).default("government"),
  /** The transport agreement line an agreement truck is held under; null for a government vehicle. */
  agreementLineId: z.number().int().positive().nullable().default(null),
  note: z.string().trim().max(200, tooLong("vehicles.field.note", 200)).nullable().default(null),
  /** A vehicle taken out of the fleet is kept, inactive, for the plans that named it. */
  active: z.boolean().default(true),
});

export const CreateVehicleInput = VehicleFields;
export type CreateVehicleInput = z.input<typeof CreateVehicleInput>;

export const UpdateVehicleInput = VehicleFields.extend({ id: z.number().int().positive() });
export type UpdateVehicleInput = z.input<typeof UpdateVehicleInput>;

export const VEHICLE_SORTS = ["plate", "type", "payloadKg", "homeWarehouse", "status"] as const;

export const ListVehiclesInput = z
  .object({
    /** Part of the plate or of the driver's name. */
    search: z
      .string()
      .trim()
      .max(30, m("common.error.fieldTooLong", { field: msg("common.field.search"), max: 30 }))
      .optional(),
    type: z.enum(FLEET_VEHICLE_TYPES, { error: invalid("vehicles.field.type") }).optional(),
    status: z.enum(VEHICLE_STATUSES, { error: invalid("vehicles.field.status") }).optional(),
    owner: z.enum(VEHICLE_OWNERS, { error: invalid("vehicles.field.owner") }).optional(),
    homeWarehouseId: z.number().int().positive().optional(),
    /** Vehicles in the fleet only (true), taken out only (false), or both (absent). */
    active: z.boolean().optional(),
    ...PageFields,
    ...SortFields(VEHICLE_SORTS, "plate"),
  })
  .prefault({});
export type ListVehiclesInput = z.input<typeof ListVehiclesInput>;
