import { AREA_KINDS, POPULATION_BASES } from "@relief/db";
import { m } from "@relief/domain";
import { z } from "zod";
import { PageFields } from "../paging";

const population = z
  .number({ error: m("areas.error.populationInteger") })
  .int(m("areas.error.populationInteger"))
  .min(0, m("areas.error.populationNegative"))
  .max(50_000_000, m("areas.error.populationTooLarge"));
const year = z
  .number()
  .int(m("areas.error.yearInteger"))
  .min(1949, m("areas.error.yearTooEarly"))
  .max(2100, m("areas.error.yearInvalid"));
const householdSize = z
  .number()
  .min(1, m("areas.error.householdSizeRange"))
  .max(10, m("areas.error.householdSizeRange"));
const lat = z.number().min(-90, m("areas.error.latitudeRange")).max(90, m("areas.error.latitudeRange"));
const lon = z.number().min(-180, m("areas.error.longitudeRange")).max(180, m("areas.error.longitudeRange"));
const contactName = z.string().trim().max(40, m("areas.error.contactNameTooLong"));
/** "" clears the phone; otherwise digits with the usual separators, as people write them: 023-66221001, +86 138… */
const contactPhone = z
  .string()
  .trim()
  .refine((v) => v === "" || /^(?=.*\d)[0-9 +()-]{5,20}$/.test(v), m("areas.error.contactPhoneInvalid"));
const name = z.string().trim().min(1, m("areas.error.enterName")).max(50, m("areas.error.nameTooLong"));

/** The district and its townships (or one of the two levels); villages are paged by `ListVillagesInput`. */
export const ListAreasInput = z.object({ level: z.enum(["district", "township"]).optional() }).optional();
export type ListAreasInput = z.infer<typeof ListAreasInput>;

export const ListVillagesInput = z
  .object({
    townshipId: z.number().int().positive().optional(),
    search: z.string().trim().max(50, m("areas.error.searchTooLong")).optional(),
    ...PageFields,
  })
  .prefault({});
export type ListVillagesInput = z.input<typeof ListVillagesInput>;

export const UpdateAreaInput = z.object({
  id: z.number().int().positive(),
  name: name.optional(),
  population: population.optional(),
  populationYear: year.optional(),
  populationBasis: z.enum(POPULATION_BASES, { error: m("areas.error.invalidPopulationBasis") }).optional(),
  householdSize: householdSize.nullable().optional(),
  lat: lat.nullable().optional(),
  lon: lon.nullable().optional(),
  contactName: contactName.optional(),
  contactPhone: contactPhone.optional(),
});
export type UpdateAreaInput = z.infer<typeof UpdateAreaInput>;

export const CreateAreaInput = z.object({
  parentId: z.number().int().positive(),
  kind: z
    .enum(AREA_KINDS)
    .refine((k) => k === "village" || k === "community", m("areas.error.onlyVillagesCreatable")),
  name,
  population,
  populationYear: year,
  populationBasis: z.enum(POPULATION_BASES, { error: m("areas.error.invalidPopulationBasis") }),
  householdSize: householdSize.nullable().optional(),
  lat: lat.nullable().optional(),
  lon: lon.nullable().optional(),
});
export type CreateAreaInput = z.infer<typeof CreateAreaInput>;

export const RemoveAreaInput = z.object({ id: z.number().int().positive() });
export type RemoveAreaInput = z.infer<typeof RemoveAreaInput>;

/** An uploaded file travels as base64 in JSON, so the API stays usable from any client. */
export const UploadInput = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z
    .string()
    .min(1, m("sheets.error.emptyFile"))
    .max(14_000_000, m("sheets.error.fileTooLarge"))
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, m("sheets.error.badEncoding")),
});
export type UploadInput = z.infer<typeof UploadInput>;
