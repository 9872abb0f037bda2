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

export interface AreasOverview {
  district: AreaListItem | null;
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
  return {
    district: items.find((a) => a.level === "district") ?? null,
    areas: input?.level ? items.filter((a) => a.level === input.level) : items,
  };
}

export function getArea(db: DbOrTx, id: number): AreaView {
  const row = db.select().from(areas).where(eq(areas.id, id)).get();
  if (!row) throw new NotFoundError(`地区 #${id} 不存在`);
  return toAreaView(row);
}
