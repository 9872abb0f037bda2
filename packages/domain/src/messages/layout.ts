import type { Phrase } from "./define";

/** The risk register (`risks.*`) and the reserve layout advice (`layout.*`). */
export const layoutMessages = {
  // Labels of the codes in ../layout.ts.
  "risks.hazard.flood": { zh: "洪水", en: "Flood" },
  "risks.hazard.landslide": { zh: "滑坡泥石流", en: "Landslide and debris flow" },
  "risks.hazard.earthquake": { zh: "地震", en: "Earthquake" },
  "risks.hazard.fire": { zh: "火灾", en: "Fire" },
  "layout.hazard.district": { zh: "全区 10% 情景", en: "District-wide 10 %" },
  "layout.draftStatus.draft": { zh: "草稿", en: "Draft" },
  "layout.draftStatus.posted": { zh: "已调拨", en: "Posted" },
  "layout.draftStatus.discarded": { zh: "已作废", en: "Discarded" },

  // Field labels named inside messages.
  "risks.field.township": { zh: "镇街", en: "Township" },
  "risks.field.hazard": { zh: "灾种", en: "Hazard" },
  "risks.field.relocated": { zh: "转移安置人数", en: "Relocated people" },
  "risks.field.shareOfResidents": { zh: "占常住人口比例", en: "Share of residents" },
  "risks.field.weight": { zh: "可能性权重", en: "Likelihood weight" },
  "risks.field.closedRoads": { zh: "中断路段", en: "Closed roads" },
  "risks.field.basis": { zh: "依据", en: "Basis" },
  "risks.field.estimate": { zh: "估计值", en: "Estimate" },
  "risks.field.active": { zh: "在登记中", en: "On the register" },
  "risks.field.note": { zh: "修改原因", en: "Reason for the change" },
  "layout.field.maxTruckloads": { zh: "调拨车次上限", en: "Truckloads at most" },
  "layout.field.budgetYuan": { zh: "采购预算（元）", en: "Purchase budget (yuan)" },
  "layout.field.item": { zh: "物资", en: "Item" },
  "layout.field.priceYuan": { zh: "单价（元）", en: "Unit price (yuan)" },
  "layout.field.advice": { zh: "布局建议", en: "Layout advice" },

  // A scenario named in a reason.
  "layout.scenario.township": { zh: "{township}{hazard}", en: "{township}, {hazard}" },
  "layout.scenario.district": { zh: "全区 10% 情景", en: "the district-wide 10 %" },

  // Refusals.
  "risks.error.townshipNotFound": {
    zh: "镇街 {id} 不存在或不是镇街级区域",
    en: "Township {id} does not exist or is not a township",
  },
  "risks.error.roadNotFound": {
    zh: "路段 {id} 不存在或已停用",
    en: "Road {id} does not exist or is no longer in use",
  },
  "risks.error.invalidHazard": {
    zh: "灾种应为洪水、滑坡泥石流、地震或火灾",
    en: "The hazard must be flood, landslide, earthquake or fire",
  },
  "risks.error.sizeOneWay": {
    zh: "请填写转移安置人数或占常住人口比例，二者只填其一",
    en: "Give either relocated people or a share of residents, not both",
  },
  "risks.error.relocatedWhole": {
    zh: "转移安置人数应为不小于 0 的整数",
    en: "Relocated people must be a whole number of 0 or more",
  },
  "risks.error.shareRange": {
    zh: "占常住人口比例应在 0 到 1 之间",
    en: "The share of residents must lie between 0 and 1",
  },
  "risks.error.weightRange": {
    zh: "可能性权重应在 0 到 100 之间",
    en: "The likelihood weight must lie between 0 and 100",
  },
  "risks.error.enterReason": { zh: "请填写修改原因", en: "Enter the reason for the change" },
  "layout.error.truckloadsRange": {
    zh: "调拨车次上限应为 0 到 500 之间的整数",
    en: "Truckloads must be a whole number from 0 to 500",
  },
  "layout.error.budgetRange": {
    zh: "采购预算应在 0 到 1 亿元之间",
    en: "The budget must lie between 0 and 100 million yuan",
  },
  "layout.error.priceRange": {
    zh: "单价应大于 0 且不超过 1000 万元",
    en: "A unit price must be above 0 and at most 10 million yuan",
  },
  "layout.error.itemNotFound": { zh: "物资 {id} 不存在", en: "Item {id} does not exist" },
  "layout.error.itemTwice": { zh: "物资 {item} 重复填写", en: "Item {item} is listed twice" },
  "layout.error.adviceNotFound": { zh: "布局建议 {id} 不存在", en: "Layout advice {id} does not exist" },
  "layout.error.adviceAccepted": {
    zh: "布局建议 {id} 已于 {at} 采纳，调拨草稿已生成",
    en: "Layout advice {id} was accepted on {at}; its draft transfers exist",
  },
  "layout.error.adviceOutdated": {
    zh: "布局建议 {id} 生成后库存、车辆、路网或风险登记已变化，请重新生成建议后再采纳",
    en: "Stock, fleet, roads or the risk register changed since advice {id}: ask for advice again before accepting",
  },
  "layout.error.confirmOutdated": {
    zh: "布局建议 {id} 生成后库存、车辆、路网或风险登记已变化，请重新生成建议后再复核",
    en: "Stock, fleet, roads or the risk register changed since advice {id}: ask for advice again before confirming it",
  },
  "layout.error.nothingToAccept": {
    zh: "布局建议 {id} 没有调拨，无需采纳",
    en: "Layout advice {id} has no transfers to accept",
  },
  "layout.error.noTownships": {
    zh: "没有可评估的镇街：请先登记区域和路网",
    en: "No township to evaluate: register the areas and the road network first",
  },
  "layout.error.noNeeds": {
    zh: "没有适用的人均保障定额，无法评估",
    en: "No per-person quota applies: nothing to evaluate",
  },
  "layout.error.busy": {
    zh: "布局计算繁忙，请稍后再试",
    en: "The layout engine is busy, please try again shortly",
  },
  "layout.error.runId": {
    zh: "计算编号须为 1 至 64 位字母、数字、- 或 _",
    en: "A run id is 1 to 64 letters, digits, - or _",
  },
  "layout.error.draftNotFound": { zh: "调拨草稿 {id} 不存在", en: "Draft transfer {id} does not exist" },
  "layout.error.draftNotOpen": {
    zh: "调拨草稿 {id} 状态为{status}，不能再调拨",
    en: "Draft transfer {id} is {status} and cannot be posted again",
  },
  "layout.error.draftMismatch": {
    zh: "调拨单与草稿 {id} 的调出、调入仓库不一致",
    en: "The transfer's warehouses differ from those of draft {id}",
  },
  "layout.error.draftFrom": {
    zh: "草稿 {id} 从{warehouse}调出",
    en: "Draft {id} transfers from {warehouse}",
  },
  "layout.error.draftTo": {
    zh: "草稿 {id} 调入{warehouse}",
    en: "Draft {id} transfers to {warehouse}",
  },

  // The reasons of a move, in words (codes of @relief/planner's MoveReason).
  "layout.reason.unreachable": {
    zh: "{scenario}：{item}在 10 小时内无法从任何储备点送达",
    en: "{scenario}: no {item} can reach it within 10 h",
  },
  "layout.reason.unreachableClosed": {
    zh: "{scenario}：{roads}中断后，{item}在 10 小时内无法从任何储备点送达",
    en: "{scenario}: with {roads} closed, no {item} can reach it within 10 h",
  },
  "layout.reason.short": {
    zh: "{scenario}：10 小时内可送达的{item}只有 {reachable}，需要 {needed}",
    en: "{scenario}: only {reachable} {item} can reach it within 10 h, {needed} are needed",
  },
  "layout.reason.fleet": {
    zh: "{scenario}：可送达范围内的{item}够用，但车辆运力不足",
    en: "{scenario}: enough {item} is in reach, but the trucks cannot carry it in time",
  },
  "layout.reason.coverage": {
    zh: "{item}是全区 10% 保障的短板：可保障 {before} 人，采购后 {after} 人",
    en: "{item} is the bottleneck of the 10 % coverage: {before} people now, {after} after buying",
  },
  "layout.reason.balance": {
    zh: "{item}：兼顾各情景的均衡调整",
    en: "{item}: a balancing move across scenarios",
  },
  "layout.reason.served": {
    zh: "（可保障 {before} → {after} 人）",
    en: "({before} → {after} people equipped)",
  },
  "layout.reason.withServed": { zh: "{reason}{served}", en: "{reason} {served}" },
} as const satisfies Record<string, Phrase>;
