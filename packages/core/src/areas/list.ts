import { areas, type DbOrTx } from "@relief/db";
import { msg, RESERVE_TARGET_RATIO, SHELTER_TARGET_RATIO } from "@relief/domain";
import { and, asc, count, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { NotFoundError } from "../errors";
import { type Page, pageWindow } from "../paging";
import { containsText } from "../search";
import { ListAreasInput, ListVillagesInput } from "./schemas";
import { type AreaView, toAreaView } from "./view";

export interface AreaListItem extends AreaView {
  /** Sum over direct children, or null without children: shows where a recorded total and its parts differ. */
  childrenPopulation: number | null;
  childCount: number;
}

export interface PopulationTargets {
  reserveRatio: number;
  /** People the reserves must equip: round(population × 10 %); 117,886 for Banan's 1,178,856. */
  reservePeople: number;
  shelterRatio: number;
  /** People the shelters must house: round(population × 20 %); 235,771 for Banan. */
  shelterPeople: number;
}

export function populationTargets(population: number): PopulationTargets {
  return {
    reserveRatio: RESERVE_TARGET_RATIO,
    reservePeople: Math.round(population * RESERVE_TARGET_RATIO),
    shelterRatio: SHELTER_TARGET_RATIO,
    shelterPeople: Math.round(population * SHELTER_TARGET_RATIO),
  };
}

export interface AreasOverview {
  district: AreaListItem | null;
  /** Targets implied by the district's resident population (null before any district is registered). */
  targets: PopulationTargets | null;
  /** The district and its townships, in register order; villages are paged apart (`listVillages`). */
  areas: AreaListItem[];
  /** Areas of every level whose population is an estimate, villages included. */
  estimates: number;
}

/** Population and number of the direct children of each parent among `parents`, summed by the database. */
function childSums(db: DbOrTx, parents: SQL): Map<number, { population: number; count: number }> {
  const rows = db
    .select({
      parentId: areas.parentId,
      population: sql<number>`TOTAL(${areas.population})`,
      count: count(),
    })
    .from(areas)
    .where(parents)
    .groupBy(areas.parentId)
    .all();
  return new Map(rows.map((r) => [r.parentId ?? 0, { population: r.population, count: r.count }]));
}

/**
 * The district and its townships (a bounded list: one district, 23 townships), each with the population and
 * number of its direct children; the villages under a township are counted and summed here, listed by
 * `listVillages` a page at a time.
 */
export function listAreas(db: DbOrTx, input?: ListAreasInput): AreasOverview {
  const q = ListAreasInput.parse(input);
  const rows = db
    .select()
    .from(areas)
    .where(inArray(areas.level, ["district", "township"]))
    .orderBy(asc(areas.sortOrder), asc(areas.id))
    .all();
  const sums = childSums(
    db,
    sql`${areas.parentId} IN (SELECT id FROM areas WHERE level IN ('district', 'township'))`,
  );
  const items = rows.map((row) => {
    const s = sums.get(row.id);
    return { ...toAreaView(row), childrenPopulation: s?.population ?? null, childCount: s?.count ?? 0 };
  });
  const district = items.find((a) => a.level === "district") ?? null;
  const estimates =
    db.select({ n: count() }).from(areas).where(eq(areas.populationBasis, "estimate")).get()?.n ?? 0;
  return {
    district,
    targets: district ? populationTargets(district.population) : null,
    areas: q?.level ? items.filter((a) => a.level === q.level) : items,
    estimates,
  };
}

export interface VillageRow extends AreaView {
  townshipName: string;
}

const township = alias(areas, "township");

/**
 * Villages and communities, a page at a time: of one township or of all, optionally those whose name contains
 * the search text, in register order (township by township).
 */
export function listVillages(db: DbOrTx, input: ListVillagesInput = {}): Page<VillageRow> {
  const q = ListVillagesInput.parse(input);
  const where = and(
    eq(areas.level, "village"),
    q.townshipId === undefined ? undefined : eq(areas.parentId, q.townshipId),
    q.search ? containsText(areas.name, q.search) : undefined,
  );
  const total = db.select({ n: count() }).from(areas).where(where).get()?.n ?? 0;
  const { limit, offset } = pageWindow(q);
  const rows = db
    .select({ area: areas, townshipName: township.name })
    .from(areas)
    .innerJoin(township, eq(township.id, areas.parentId))
    .where(where)
    .orderBy(asc(township.sortOrder), asc(township.id), asc(areas.sortOrder), asc(areas.id))
    .limit(limit)
    .offset(offset)
    .all();
  return { total, rows: rows.map((r) => ({ ...toAreaView(r.area), townshipName: r.townshipName })) };
}

/** Every area in register order: only for the population spreadsheet, which holds the whole register. */
export function allAreas(db: DbOrTx): AreaView[] {
  return db.select().from(areas).orderBy(asc(areas.sortOrder), asc(areas.id)).all().map(toAreaView);
}

export function getArea(db: DbOrTx, id: number): AreaView {
  const row = db.select().from(areas).where(eq(areas.id, id)).get();
  if (!row) throw new NotFoundError(msg("areas.error.notFound", { id: String(id) }));
  return toAreaView(row);
}
