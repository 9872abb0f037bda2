import {
  areas,
  itemCategories,
  type QuotaBasis,
  type QuotaMeasure,
  quotas,
  type ShelterStatus,
  type ShelterType,
  shelters,
  type Tx,
} from "@relief/db";
import { and, eq } from "drizzle-orm";
import defaults from "../../../../fixtures/banan/quotas.json" with { type: "json" };
import shelterFixture from "../../../../fixtures/banan/shelters.json" with { type: "json" };
import { type CoreContext, nowIso } from "../context";
import { districtDayStart, localDate } from "../time";

/**
 * The default quotas (all marked as estimates, in force from the day of seeding) and demo shelters at
 * township seats.
 */
export function seedBananCoverage(tx: Tx, ctx: CoreContext): void {
  const at = nowIso(ctx);
  for (const { category, ...q } of defaults.quotas) {
    const row = tx
      .select({ id: itemCategories.id })
      .from(itemCategories)
      .where(eq(itemCategories.code, category))
      .get();
    if (!row) continue;
    tx.insert(quotas)
      .values({
        ...q,
        categoryId: row.id,
        measure: q.measure as QuotaMeasure,
        basis: q.basis as QuotaBasis,
        estimate: true,
        // In force from the start of the day of seeding, so the whole first day reads them.
        effectiveFrom: districtDayStart(localDate(at)),
        note: "默认定额（估算）",
        recordedAt: at,
      })
      .run();
  }
  for (const { township, status, note, ...s } of shelterFixture.shelters as Array<
    (typeof shelterFixture.shelters)[number] & { status?: string; note?: string }
  >) {
    const area = tx
      .select({ id: areas.id, lat: areas.lat, lon: areas.lon })
      .from(areas)
      .where(and(eq(areas.name, township), eq(areas.level, "township")))
      .get();
    if (!area) continue;
    tx.insert(shelters)
      .values({
        ...s,
        type: s.type as ShelterType,
        areaId: area.id,
        lat: area.lat,
        lon: area.lon,
        status: (status ?? "open") as ShelterStatus,
        note: note ?? null,
        createdAt: at,
        updatedAt: at,
      })
      .run();
  }
}
