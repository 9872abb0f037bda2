export const AREA_LEVELS = ["district", "township", "village"] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** 区 / 街道 / 镇 / 村 / 社区 */
export const AREA_KINDS = ["district", "subdistrict", "town", "village", "community"] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** Where a population figure comes from; estimates must be shown as such. */
export const POPULATION_BASES = ["census", "official", "estimate"] as const;
export type PopulationBasis = (typeof POPULATION_BASES)[number];
