import {
  areas,
  type DbOrTx,
  SHELTER_STATUSES,
  SHELTER_TYPES,
  type ShelterStatus,
  type ShelterType,
  shelters,
  type Tx,
} from "@relief/db";
import { m, msg } from "@relief/domain";
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { NotFoundError, ValidationError } from "../errors";

const optionalNumber = (min: number, max: number, message: string) =>
  z.number().min(min, message).max(max, message).nullable().default(null);

export const CreateShelterInput = z.object({
  name: z.string().trim().min(1, m("coverage.error.enterShelterName")).max(100),
  areaId: z.number().int().positive(m("areas.error.chooseLocatedTownship")),
  type: z.enum(SHELTER_TYPES, { error: m("coverage.error.invalidShelterType") }),
  capacity: z
    .number()
    .int(m("coverage.error.capacityInteger"))
    .min(0, m("coverage.error.capacityNegative"))
    .max(1_000_000, m("coverage.error.capacityTooLarge")),
  areaM2: optionalNumber(0, 100_000_000, m("areas.error.floorAreaNegative")),
  address: z.string().trim().max(200).default(""),
  lat: optionalNumber(-90, 90, m("areas.error.latitudeRange")),
  lon: optionalNumber(-180, 180, m("areas.error.longitudeRange")),
  status: z.enum(SHELTER_STATUSES, { error: m("coverage.error.invalidShelterStatus") }).default("open"),
  note: z.string().trim().max(500).nullable().default(null),
});
export type CreateShelterInput = z.input<typeof CreateShelterInput>;

export const UpdateShelterInput = z.object({ id: z.number().int().positive() }).and(CreateShelterInput);
export type UpdateShelterInput = z.input<typeof UpdateShelterInput>;

export interface ShelterView {
  id: number;
  name: string;
  areaId: number;
  areaName: string;
  type: ShelterType;
  capacity: number;
  areaM2: number | null;
  address: string;
  lat: number | null;
  lon: number | null;
  status: ShelterStatus;
  note: string | null;
  updatedAt: string;
}

export function listShelters(db: DbOrTx): ShelterView[] {
  const { createdAt: _, ...columns } = getTableColumns(shelters);
  return db
    .select({ ...columns, areaName: areas.name })
    .from(shelters)
    .innerJoin(areas, eq(areas.id, shelters.areaId))
    .orderBy(areas.sortOrder, shelters.name)
    .all();
}

/** Overnight capacity of open shelters, per township. */
export function shelterCapacityByArea(db: DbOrTx): Map<number, number> {
  return new Map(
    db
      .all<{ areaId: number; capacity: number }>(
        sql`SELECT area_id AS areaId, SUM(capacity) AS capacity FROM shelters WHERE status = 'open' GROUP BY area_id`,
      )
      .map((r) => [r.areaId, r.capacity]),
  );
}

function checkShelter(tx: Tx, areaId: number): void {
  const area = tx.select({ level: areas.level }).from(areas).where(eq(areas.id, areaId)).get();
  if (area?.level !== "township") {
    throw new ValidationError(msg("areas.error.invalidTownship"), [
      { field: "areaId", message: msg("areas.error.chooseTownship") },
    ]);
  }
}

function shelterView(tx: Tx, id: number): ShelterView {
  const view = listShelters(tx).find((s) => s.id === id);
  if (!view) throw new NotFoundError(msg("coverage.error.shelterNotFound", { id: String(id) }));
  return view;
}

export function createShelter({ ctx, input }: { ctx: CoreContext; input: CreateShelterInput }): ShelterView {
  const fields = CreateShelterInput.parse(input);
  return withTransaction(ctx, (tx) => {
    checkShelter(tx, fields.areaId);
    const at = nowIso(ctx);
    const row = tx
      .insert(shelters)
      .values({ ...fields, createdAt: at, updatedAt: at })
      .returning({ id: shelters.id })
      .get();
    recordAudit(tx, ctx, {
      action: "shelters.create",
      targetType: "shelter",
      targetIds: [row.id],
      summary: fields,
    });
    return shelterView(tx, row.id);
  });
}

export function updateShelter({ ctx, input }: { ctx: CoreContext; input: UpdateShelterInput }): ShelterView {
  const { id, ...fields } = UpdateShelterInput.parse(input);
  return withTransaction(ctx, (tx) => {
    if (
      !tx
        .select({ id: shelters.id })
        .from(shelters)
        .where(and(eq(shelters.id, id)))
        .get()
    ) {
      throw new NotFoundError(msg("coverage.error.shelterNotFound", { id: String(id) }));
    }
    checkShelter(tx, fields.areaId);
    tx.update(shelters)
      .set({ ...fields, updatedAt: nowIso(ctx) })
      .where(eq(shelters.id, id))
      .run();
    recordAudit(tx, ctx, {
      action: "shelters.update",
      targetType: "shelter",
      targetIds: [id],
      summary: fields,
    });
    return shelterView(tx, id);
  });
}
