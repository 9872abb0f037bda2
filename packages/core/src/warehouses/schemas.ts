import { WAREHOUSE_KINDS } from "@relief/db";
import { m } from "@relief/domain";
import { z } from "zod";

const optionalNumber = (min: number, max: number, message: string) =>
  z.number().min(min, message).max(max, message).nullable().default(null);

export const CreateWarehouseInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, m("warehouses.error.codeFormat")),
  name: z.string().trim().min(1, m("warehouses.error.enterName")).max(60),
  kind: z.enum(WAREHOUSE_KINDS, { error: m("warehouses.error.invalidKind") }),
  organisation: z.string().trim().min(1, m("warehouses.error.enterOrganisation")).max(100),
  /** Only enterprise sites name the partner enterprise operating them. */
  enterpriseId: z.number().int().positive().nullable().default(null),
  areaId: z.number().int().positive(m("areas.error.chooseLocatedTownship")),
  address: z.string().trim().max(200).default(""),
  lat: optionalNumber(-90, 90, m("areas.error.latitudeRange")),
  lon: optionalNumber(-180, 180, m("areas.error.longitudeRange")),
  capacityM3: optionalNumber(0, 10_000_000, m("warehouses.error.volumeNegative")),
  capacityM2: optionalNumber(0, 10_000_000, m("areas.error.floorAreaNegative")),
  manager: z.string().trim().max(30).default(""),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{0,30}$/, m("warehouses.error.phoneFormat"))
    .default(""),
  loadMinutes: z
    .number()
    .int(m("warehouses.error.loadMinutesInteger"))
    .min(0, m("warehouses.error.loadMinutesNegative"))
    .max(24 * 60, m("warehouses.error.loadMinutesAtMost24h"))
    .default(120),
  active: z.boolean().default(true),
});
export type CreateWarehouseInput = z.input<typeof CreateWarehouseInput>;

export const UpdateWarehouseInput = z.object({ id: z.number().int().positive() }).and(CreateWarehouseInput);
export type UpdateWarehouseInput = z.input<typeof UpdateWarehouseInput>;

export const AssignWarehouseUsersInput = z.object({
  warehouseId: z.number().int().positive(),
  userIds: z.array(z.number().int().positive()).max(100),
});
export type AssignWarehouseUsersInput = z.infer<typeof AssignWarehouseUsersInput>;
