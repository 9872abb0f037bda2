import { areas, type DbOrTx } from "@relief/db";
import { asc, eq } from "drizzle-orm";
import { NotFoundError } from "../errors";
import type { ListAreasInput } from "./schemas";
import { type AreaView, toAreaView } from "./view";

export interface AreaListItem extends AreaView {
  /** Sum over direct children, or null without children: shows where a recorded total and its parts differ. */
  childrenPopulation: number | null;
  childCount: number;
}

/** The plan's two population targets: reserves for 10 % of residents, shelter places for 20 %. */
export const RESERVE_TARGET_RATIO = 0.1;
export const SHELTER_TARGET_RATIO = 0.2;

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
  areas: AreaListItem[];
}

/** Every area in register order (district, its townships, their villages), with the sums over children. */
export function listAreas(db: DbOrTx, input?: ListAreasInput): AreasOverview {
  const rows = db.select().from(areas).orderBy(asc(areas.sortOrder), asc(areas.id)).all();
  const sums = new Map<number, { population: number; count: number }>();
  for (const row of rows) {
    if (row.parentId === null) continue;
    const s = sums.get(row.parentId) ?? { population: 0, count: 0 };
    s.population += row.population;
    s.count += 1;
    sums.set(row.parentId, s);
  }
  const items = rows.map((row) => {
    const s = sums.get(row.id);
    return { ...toAreaView(row), childrenPopulation: s?.population ?? null, childCount: s?.count ?? 0 };
  });
  const district = items.find((a) => a.level === "district") ?? null;
  return {
    district,
    targets: district ? populationTargets(district.population) : null,
    areas: input?.level ? items.filter((a) => a.level === input.level) : items,
  };
}

export function getArea(db: DbOrTx, id: number): AreaView {
  const row = db.select().from(areas).where(eq(areas.id, id)).get();
  if (!row) throw new NotFoundError(`地区 #${id} 不存在`);
  return toAreaView(row);
}
