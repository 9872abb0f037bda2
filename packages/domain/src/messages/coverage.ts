import type { Phrase } from "./define";

/** Quotas, shelters and coverage snapshots. */
export const coverageMessages = {
  "coverage.error.categoryNotFound": {
    zh: "物资类别 #{id} 不存在",
    en: "Item category #{id} does not exist",
  },
  "coverage.error.countUnitIsKg": {
    zh: "按件数计量时单位不能是 kg",
    en: "A quota counted in pieces cannot use kg as its unit",
  },
  "coverage.error.countedInPieces": { zh: "按件数计量", en: "Counted in pieces" },
  "coverage.error.quotaNotFound": { zh: "定额 #{id} 不存在", en: "Quota #{id} does not exist" },
  "coverage.error.snapshotNotFound": {
    zh: "覆盖率快照 #{id} 不存在",
    en: "Coverage snapshot #{id} does not exist",
  },
  "coverage.error.shelterNotFound": { zh: "避难场所 #{id} 不存在", en: "Shelter #{id} does not exist" },
  "coverage.field.queryTime": { zh: "查询时间", en: "Query time" },
} as const satisfies Record<string, Phrase>;
