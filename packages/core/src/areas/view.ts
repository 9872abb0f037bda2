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
  /** The relief receiving contact: a township's 应急办 duty person; a village's own, or "" (its township's). */
  contactName: string;
  contactPhone: string;
  updatedAt: string;
}

export function toAreaView(row: typeof areas.$inferSelect): AreaView {
  const { sortOrder: _order, ...view } = row;
  return view;
}
