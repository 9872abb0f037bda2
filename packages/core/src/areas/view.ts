import type { AreaKind, AreaLevel, areas, PopulationBasis } from "@relief/db";

export interface AreaView {
  id: number;
  parentId: number | null;
  level: AreaLevel;
  kind: AreaKind;
  name: string;
  population: number;
  populationYear: number;
  populationBasis: PopulationBasis;
  householdSize: number | null;
  lat: number | null;
  lon: number | null;
  updatedAt: string;
}

export function toAreaView(row: typeof areas.$inferSelect): AreaView {
  const { sortOrder: _order, ...view } = row;
  return view;
}
