import type { Phrase } from "./define";

/** Incidents (灾情): their types, reports, relief package and needs. */
export const incidentsMessages = {
  "incidents.type.flood": { zh: "洪涝", en: "Flood" },
  "incidents.type.landslide": { zh: "地质灾害（滑坡）", en: "Landslide" },
  "incidents.type.earthquake": { zh: "地震", en: "Earthquake" },
  "incidents.type.fire": { zh: "火灾", en: "Fire" },
  "incidents.type.other": { zh: "其他", en: "Other" },
  "incidents.reportKind.initial": { zh: "初报", en: "Initial report" },
  "incidents.reportKind.follow_up": { zh: "续报", en: "Follow-up report" },
  "incidents.reportKind.verified": { zh: "核报", en: "Verified report" },
  "incidents.status.open": { zh: "处置中", en: "Open" },
  "incidents.status.closed": { zh: "已结束", en: "Closed" },
  "incidents.drill": { zh: "演练", en: "Drill" },

  "incidents.field.type": { zh: "灾害类型", en: "Disaster type" },
  "incidents.field.title": { zh: "标题", en: "Title" },
  "incidents.field.description": { zh: "灾情描述", en: "Description" },
  "incidents.field.startedAt": { zh: "发生时间", en: "Start time" },
  "incidents.field.reportedAt": { zh: "报告时间", en: "Report time" },
  "incidents.field.reportKind": { zh: "报告类型", en: "Report kind" },
  "incidents.field.area": { zh: "受灾区域", en: "Affected area" },
  "incidents.field.affected": { zh: "受灾人口", en: "Affected people" },
  "incidents.field.relocated": { zh: "紧急转移安置人口", en: "Relocated people" },
  "incidents.field.perPersons": { zh: "每份人数", en: "Persons per share" },
  "incidents.field.days": { zh: "天数", en: "Days" },
  "incidents.field.reason": { zh: "调整原因", en: "Reason for the change" },
  "incidents.field.note": { zh: "说明", en: "Note" },

  "incidents.error.notFound": { zh: "灾情 #{id} 不存在", en: "Incident #{id} does not exist" },
  "incidents.error.closed": {
    zh: "灾情 {number} 已结束，只能查看",
    en: "Incident {number} is closed; it can only be viewed",
  },
  "incidents.error.alreadyClosed": {
    zh: "灾情 {number} 已经结束",
    en: "Incident {number} is already closed",
  },
  "incidents.error.noAreas": {
    zh: "请至少填写一个受灾区域",
    en: "Please enter at least one affected area",
  },
  "incidents.error.tooManyAreas": {
    zh: "一次最多填写 {max} 个受灾区域",
    en: "At most {max} affected areas at a time",
  },
  "incidents.error.areaNotFound": { zh: "区域 #{id} 不存在", en: "Area #{id} does not exist" },
  "incidents.error.areaIsDistrict": {
    zh: "{name}是全区，请选择镇街或村（社区）",
    en: "{name} is the whole district; please choose a township or a village",
  },
  "incidents.error.duplicateArea": {
    zh: "{name}与第 {line} 行重复",
    en: "{name} is already on line {line}",
  },
  "incidents.error.areaWithinListed": {
    zh: "{name}属于第 {line} 行的{township}，人数会重复统计",
    en: "{name} lies in {township} on line {line}; its people would be counted twice",
  },
  "incidents.error.relocatedOverAffected": {
    zh: "紧急转移安置人口不能多于受灾人口",
    en: "Relocated people cannot exceed affected people",
  },
  "incidents.error.peopleTooMany": {
    zh: "{field}最多 {max} 人",
    en: "{field}: at most {max} people",
  },
  "incidents.error.inFuture": {
    zh: "{field}不能晚于当前时间（{now}）",
    en: "{field} cannot be later than now ({now})",
  },
  "incidents.error.tooLongAgo": {
    zh: "{field}不能早于 {date}（一年以前）",
    en: "{field} cannot be before {date} (a year ago)",
  },
  "incidents.error.reportBeforeInitial": {
    zh: "报告时间不能早于初报时间（{at}）",
    en: "The report time cannot be before the initial report ({at})",
  },
  "incidents.error.invalidReportKind": {
    zh: "报告类型应为续报或核报",
    en: "The report kind must be a follow-up or a verified report",
  },
  "incidents.error.followUpAfterVerified": {
    zh: "灾情 {number} 已核报，不能再续报；如需更正，请再次核报",
    en: "Incident {number} has a verified report; no more follow-ups, send another verified report to correct it",
  },
  "incidents.error.itemNotFound": { zh: "物资 #{id} 不存在", en: "Item #{id} does not exist" },
  "incidents.error.itemInactive": {
    zh: "物资 {name} 已停用",
    en: "Item {name} is no longer in use",
  },
  "incidents.error.notInPackage": {
    zh: "灾情 {number} 的救灾包中没有{item}",
    en: "The relief package of incident {number} has no {item}",
  },
  "incidents.error.quantityPositive": {
    zh: "每份数量应大于 0",
    en: "The quantity per share must be greater than 0",
  },
  "incidents.error.quantityTooLarge": {
    zh: "每份数量不超过 {max}",
    en: "The quantity per share is at most {max}",
  },
  "incidents.error.householdNoPersons": {
    zh: "按户计的救灾包每户一份，每份人数应为 1",
    en: "A package line per household gives one share per household; persons per share must be 1",
  },
  "incidents.error.areaNotAffected": {
    zh: "{name}不在灾情 {number} 最新报告的受灾区域中",
    en: "{name} is not among the affected areas of the latest report of incident {number}",
  },

  "incidents.summary.timeLeft": {
    zh: "剩余 {hours} 小时 {minutes} 分",
    en: "{hours} h {minutes} min left",
  },
  "incidents.summary.overdue": {
    zh: "已超时 {hours} 小时 {minutes} 分",
    en: "{hours} h {minutes} min overdue",
  },
  "incidents.summary.planApproved": { zh: "第 {version} 版（已批准）", en: "Version {version} (approved)" },
  "incidents.summary.planNotApproved": {
    zh: "第 {version} 版（未批准，计划数仅供参考）",
    en: "Version {version} (not approved; planned figures for reference)",
  },
  "incidents.summary.noPlan": { zh: "尚未制定调运方案", en: "No dispatch plan yet" },
  "incidents.summary.districtTotal": { zh: "全区合计", en: "District total" },
} as const satisfies Record<string, Phrase>;
