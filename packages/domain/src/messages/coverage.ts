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
  "coverage.error.invalidMeasure": { zh: "计量方式无效", en: "The measure is not valid" },
  "coverage.error.enterUnit": { zh: "请填写单位", en: "Please fill in the unit" },
  "coverage.error.quotaPositive": { zh: "定额应大于 0", en: "The quota must be greater than 0" },
  "coverage.error.quotaTooLarge": { zh: "定额过大", en: "The quota is too large" },
  "coverage.error.personsInteger": { zh: "人数应为整数", en: "The number of persons must be a whole number" },
  "coverage.error.personsAtLeastOne": { zh: "人数至少为 1", en: "The number of persons is at least 1" },
  "coverage.error.invalidBasis": { zh: "定额基数无效", en: "The quota basis is not valid" },
  "coverage.error.daysInteger": { zh: "天数应为整数", en: "The number of days must be a whole number" },
  "coverage.error.daysAtLeastOne": { zh: "天数至少为 1", en: "The number of days is at least 1" },
  "coverage.error.daysAtMost90": { zh: "天数不超过 90", en: "The number of days is at most 90" },
  "coverage.error.invalidSeason": { zh: "适用季节无效", en: "The season is not valid" },
  "coverage.error.enterReason": { zh: "请填写调整原因", en: "Please fill in the reason for the change" },
  "coverage.error.householdNoPersons": {
    zh: "按户计的定额不填人数",
    en: "A quota per household takes no number of persons",
  },
  "coverage.error.targetPositive": { zh: "目标比例应大于 0", en: "The target share must be greater than 0" },
  "coverage.error.targetAtMost100": { zh: "目标比例不超过 100%", en: "The target share is at most 100%" },
  "coverage.error.enterShelterName": { zh: "请填写场所名称", en: "Please fill in the shelter's name" },
  "coverage.error.invalidShelterType": { zh: "场所类型无效", en: "The shelter type is not valid" },
  "coverage.error.capacityInteger": { zh: "容纳人数应为整数", en: "The capacity must be a whole number" },
  "coverage.error.capacityNegative": { zh: "容纳人数不能为负数", en: "The capacity cannot be negative" },
  "coverage.error.capacityTooLarge": { zh: "容纳人数过大", en: "The capacity is too large" },
  "coverage.error.invalidShelterStatus": { zh: "状态无效", en: "The status is not valid" },
  "coverage.quotaText.amount": { zh: "{quantity} {unit}", en: "{quantity} {unit}" },
  "coverage.quotaText.person": { zh: "{amount}/人", en: "{amount} per person" },
  "coverage.quotaText.persons": { zh: "{amount}/{persons} 人", en: "{amount} per {persons} persons" },
  "coverage.quotaText.household": { zh: "{amount}/户", en: "{amount} per household" },
  "coverage.quotaText.days": { zh: "{base}·日 × {days} 日", en: "{base} per day × {days} days" },
  "coverage.reportNote.method": {
    zh: "可保障人数 = 可用库存 ÷ 人均定额（取整）；全区可保障人数取计入类别中的最小值（短板类别）。",
    en: "People covered = usable stock ÷ quota per person (rounded down); the district figure is the lowest over the counted categories (the bottleneck).",
  },
  "coverage.reportNote.stockVerified": {
    zh: "可用库存：政府储备仓库中未过期、未冻结、未预留的库存；协议储备仅计有效期内协议最近一次核查数，且不超过承诺数量。产能储备不计入库存。",
    en: "Usable stock: stock in government warehouses that is neither expired, held nor reserved; agreement stock counts only agreements in force, at their latest verified figure and at most the committed quantity. Production capacity is not stock.",
  },
  "coverage.reportNote.stockDeclared": {
    zh: "可用库存：政府储备仓库中未过期、未冻结、未预留的库存；协议储备仅计有效期内协议的企业申报数，且不超过承诺数量。产能储备不计入库存。",
    en: "Usable stock: stock in government warehouses that is neither expired, held nor reserved; agreement stock counts only agreements in force, at the enterprises' declared figure and at most the committed quantity. Production capacity is not stock.",
  },
  "coverage.reportNote.estimates": {
    zh: "以下类别的保障定额为估算值，待核定：{names}。",
    en: "The quotas of these categories are estimates still to be confirmed: {names}.",
  },
  "coverage.reportNote.noEstimates": { zh: "保障定额均已核定。", en: "Every quota is confirmed." },
  "coverage.reportNote.capacity": {
    zh: "产能储备（未计入）：{list}。",
    en: "Production capacity (not counted): {list}.",
  },
  "coverage.reportNote.capacityItem": {
    zh: "{name}每日可生产 {quantity} {unit}",
    en: "{name}: {quantity} {unit} a day",
  },
  "coverage.reportNote.noCapacity": { zh: "无产能储备。", en: "No production capacity." },
  "coverage.reportNote.population": {
    zh: "人口：常住人口 {population} 人；按户计的定额以户均 {household} 人折算。",
    en: "Population: {population} residents; per-household quotas use an average household of {household} persons.",
  },
  "coverage.reportNote.flagged": {
    zh: "以下企业已暂停合作或信用等级为 D，其协议储备仍计入上表，请关注：{names}。",
    en: "These enterprises are suspended or graded D; their agreement stock is still counted above: {names}.",
  },
} as const satisfies Record<string, Phrase>;
