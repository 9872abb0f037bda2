import type { Phrase } from "./define";

/** Dispatch plans: refusals, what a plan leaves out, shortfall reasons and the suggestions that fix them. */
export const dispatchMessages = {
  "dispatch.field.warehouse": { zh: "仓库", en: "Warehouse" },
  "dispatch.field.vehicle": { zh: "车辆", en: "Vehicle" },
  "dispatch.field.road": { zh: "道路", en: "Road" },
  "dispatch.field.incident": { zh: "灾情", en: "Incident" },
  "dispatch.field.seed": { zh: "随机种子", en: "Seed" },
  "dispatch.field.timeLimit": { zh: "计算时限", en: "Time limit" },
  "dispatch.error.unknownChoice": { zh: "{what} #{id} 不存在", en: "{what} #{id} does not exist" },
  "dispatch.error.badOptions": {
    zh: "指定或排除的仓库、车辆、道路有误",
    en: "A pinned or excluded warehouse, vehicle or road is not valid",
  },
  "dispatch.error.deadlinePassed": {
    zh: "灾情 {number} 的 10 小时救助时限已于 {deadline} 截止，不能再生成调运方案",
    en: "The 10-hour relief deadline of incident {number} passed at {deadline}: no plan can be made",
  },
  "dispatch.error.nothingNeeded": {
    zh: "灾情 {number} 没有需要救助的人员或物资需求，无需调运",
    en: "Incident {number} has no relocated people or needs to plan for",
  },
  "dispatch.error.noSeatNodes": {
    zh: "有受灾地区的镇街驻地不在路网中",
    en: "Some affected areas have no township seat in the road network",
  },
  "dispatch.error.noSeatNode": {
    zh: "{area}的驻地不在路网中，请先在路网中添加",
    en: "The seat of {area} is not in the road network; add it to the network first",
  },
  "dispatch.error.planNotFound": { zh: "调运方案 #{id} 不存在", en: "Dispatch plan #{id} does not exist" },
  "dispatch.error.plannerFailed": {
    zh: "方案计算失败：{detail}",
    en: "The plan could not be computed: {detail}",
  },
  "dispatch.error.plannerBusy": {
    zh: "正在计算的调运方案过多，请稍后再试",
    en: "Too many plans are being computed; try again shortly",
  },
  "dispatch.error.compareIncidents": {
    zh: "只能比较同一灾情的方案",
    en: "Only plans of the same incident can be compared",
  },
  "dispatch.error.seedInteger": { zh: "随机种子应为整数", en: "The seed must be a whole number" },
  "dispatch.error.timeLimitRange": {
    zh: "计算时限应在 {min} 至 {max} 毫秒之间",
    en: "The time limit must be between {min} and {max} ms",
  },
  "dispatch.note.vehicleWithoutRoad": {
    zh: "车辆 {plate} 所在的{warehouse}不在路网中，未参与本方案",
    en: "Vehicle {plate} is not in this plan: its warehouse {warehouse} is not in the road network",
  },
  "dispatch.note.stockWithoutTrucks": {
    zh: "{warehouse}有可用物资但没有车辆，本方案未从该处发运",
    en: "{warehouse} holds usable stock but has no vehicles: this plan sends nothing from it",
  },
  "dispatch.planStatus.running": { zh: "计算中", en: "Running" },
  "dispatch.planStatus.done": { zh: "已完成", en: "Done" },
  "dispatch.planStatus.failed": { zh: "失败", en: "Failed" },
  "dispatch.shortfallReason.no_stock": { zh: "物资不足", en: "No stock" },
  "dispatch.shortfallReason.unreachable": { zh: "道路不通", en: "Unreachable" },
  "dispatch.shortfallReason.deadline": { zh: "无法在时限内送达", en: "Deadline" },
  "dispatch.shortfallReason.fleet": { zh: "运力不足", en: "Not enough trucks" },
  "dispatch.suggestion.callOff": {
    zh: "调用协议储备 {agreement}（{enterprise}）：{item} {quantity} {unit}，调用单注明灾情编号 {incident}，响应时间 {hours} 小时，调用后重新计算方案",
    en: "Call off agreement {agreement} ({enterprise}): {quantity} {unit} of {item}, quoting incident {incident}; response time {hours} h, then plan again",
  },
  "dispatch.suggestion.callOffWithTrucks": {
    zh: "调用协议储备 {agreement}（{enterprise}）：{item} {quantity} {unit}，调用单注明灾情编号 {incident}，响应时间 {hours} 小时；该企业没有登记配送车辆，还须在车辆台账中按协议第 {line} 行登记（所属仓库：{warehouse}），方案才能从该处发运",
    en: "Call off agreement {agreement} ({enterprise}): {quantity} {unit} of {item}, quoting incident {incident}; response time {hours} h. The enterprise has no delivery truck registered: register its trucks under line {line} (home: {warehouse}) so that a plan can send from there",
  },
  "dispatch.suggestion.registerDeliveryTrucks": {
    zh: "协议 {agreement} 已为本灾情调用{item} {quantity} {unit}，但{enterprise}没有可用的配送车辆：请在车辆台账中按协议第 {line} 行登记其配送车辆（所属仓库：{warehouse}）后重新计算方案",
    en: "{quantity} {unit} of {item} are called off for this incident under agreement {agreement}, but {enterprise} has no delivery truck available: register its trucks under line {line} (home: {warehouse}) and plan again",
  },
  "dispatch.suggestion.mutualAid": {
    zh: "请求相邻区县支援 {item} {quantity} {unit}",
    en: "Ask a neighbouring district for mutual aid: {quantity} {unit} of {item}",
  },
  "dispatch.suggestion.reopenRoad": {
    zh: "抢通道路：{roads}",
    en: "Reopen the road: {roads}",
  },
  "dispatch.suggestion.noRoad": {
    zh: "即使所有道路畅通也无法到达{area}，请在路网中补充道路",
    en: "{area} cannot be reached even with every road open: add its roads to the network",
  },
  "dispatch.suggestion.addTrucks": {
    zh: "在{warehouse}增派 {count} 辆中型货车（8 吨、40 立方米）",
    en: "Add {count} medium trucks (8 t, 40 m³) at {warehouse}",
  },
  "dispatch.suggestion.earliestArrival": {
    zh: "{item}最早可于 {arrival} 从{warehouse}送达，晚于时限 {late} 分钟",
    en: "{item} can arrive at {arrival} at the earliest, from {warehouse}: {late} min after the deadline",
  },
  "dispatch.suggestion.nearerStock": {
    zh: "在 {minutes} 分钟车程内的仓库预置 {item} {quantity} {unit} 即可按时送达",
    en: "Place {quantity} {unit} of {item} in a warehouse within {minutes} min of driving to arrive in time",
  },
} as const satisfies Record<string, Phrase>;
