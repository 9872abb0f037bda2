import type { Phrase } from "./define";

/** Dispatch orders (调拨单): approving a plan into orders, cancelling them, and their statuses. */
export const ordersMessages = {
  "orders.status.reserved": { zh: "已预留", en: "Reserved" },
  "orders.status.departed": { zh: "已出发", en: "Departed" },
  "orders.status.received": { zh: "已签收", en: "Received" },
  "orders.status.cancelled": { zh: "已取消", en: "Cancelled" },

  "orders.field.authority": { zh: "批准机关", en: "Authorising body" },
  "orders.field.authorityRef": { zh: "批准文号", en: "Authorisation reference" },
  "orders.field.purpose": { zh: "用途", en: "Purpose" },
  "orders.field.cancelReason": { zh: "取消原因", en: "Reason for cancelling" },
  "orders.field.target": { zh: "调拨单或调运方案", en: "Dispatch order or plan" },

  "orders.default.purpose": { zh: "救灾调运：{title}", en: "Relief dispatch: {title}" },

  "orders.error.orderNotFound": { zh: "调拨单 #{id} 不存在", en: "Dispatch order #{id} does not exist" },
  "orders.error.planNotDone": {
    zh: "调运方案第 {version} 版尚未完成计算，不能批准",
    en: "Version {version} of the dispatch plan has not finished; it cannot be approved",
  },
  "orders.error.planApproved": {
    zh: "调运方案第 {version} 版已于 {at} 批准，不能重复批准",
    en: "Version {version} of the dispatch plan was approved at {at}; it cannot be approved again",
  },
  "orders.error.planCancelled": {
    zh: "调运方案第 {version} 版已取消",
    en: "Version {version} of the dispatch plan has been cancelled",
  },
  "orders.error.notLatest": {
    zh: "调运方案第 {version} 版不是最新版本（最新为第 {latest} 版）：请批准最新版本或重新制定方案",
    en: "Version {version} of the dispatch plan is not the latest (the latest is version {latest}): approve the latest or plan again",
  },
  "orders.error.otherPlanApproved": {
    zh: "本灾情的调运方案第 {version} 版已批准且未取消：请先取消该方案，再批准新版本",
    en: "Version {version} of this incident's dispatch plan is approved and not cancelled: cancel it before approving another version",
  },
  "orders.error.noRoutes": {
    zh: "调运方案第 {version} 版没有任何运输路线，无可批准的调拨",
    en: "Version {version} of the dispatch plan has no routes: there is nothing to dispatch",
  },
  "orders.error.stockChanged": {
    zh: "方案所依据的物资已有 {count} 处变化，未生成任何调拨单，请重新制定方案",
    en: "{count} of the supplies the plan relied on have changed; no dispatch order was created. Plan again",
  },
  "orders.error.stockLineChanged": {
    zh: "{warehouse} 的 {item}：方案调运 {planned} {unit}，现可用 {available} {unit}",
    en: "{item} at {warehouse}: the plan sends {planned} {unit}, {available} {unit} available now",
  },
  "orders.error.agreementLineChanged": {
    zh: "{warehouse} 的协议储备 {item}：方案调运 {planned} {unit}，现可调用 {available} {unit}",
    en: "Agreement stock of {item} at {warehouse}: the plan sends {planned} {unit}, {available} {unit} can be called off now",
  },
  "orders.error.cancelTarget": {
    zh: "请指定一张调拨单或一个调运方案（二者选一）",
    en: "Name one dispatch order or one dispatch plan (one of the two)",
  },
  "orders.error.orderDeparted": {
    zh: "调拨单 {number} 已出发，不能取消",
    en: "Dispatch order {number} has departed; it cannot be cancelled",
  },
  "orders.error.orderReceived": {
    zh: "调拨单 {number} 已签收，不能取消",
    en: "Dispatch order {number} has been received; it cannot be cancelled",
  },
  "orders.error.orderCancelled": {
    zh: "调拨单 {number} 已取消",
    en: "Dispatch order {number} is already cancelled",
  },
  "orders.error.planNothingToCancel": {
    zh: "调运方案第 {version} 版没有可取消的调拨单（均已出发、签收或取消）",
    en: "Version {version} of the dispatch plan has no order left to cancel (all departed, received or cancelled)",
  },

  "orders.discrepancy.returned": { zh: "退回仓库", en: "Returned to the warehouse" },
  "orders.discrepancy.lost": { zh: "丢失", en: "Lost" },
  "orders.field.departedAt": { zh: "发车时间", en: "Departure time" },
  "orders.field.receivedAt": { zh: "签收时间", en: "Receipt time" },
  "orders.field.plate": { zh: "车牌号", en: "Plate" },
  "orders.field.driver": { zh: "驾驶员", en: "Driver" },
  "orders.field.driverPhone": { zh: "驾驶员电话", en: "Driver's phone" },
  "orders.field.signer": { zh: "签收人", en: "Signed by" },
  "orders.field.receivedQuantity": { zh: "实收数量", en: "Quantity received" },
  "orders.field.discrepancyReason": { zh: "差异原因", en: "Reason for the difference" },
  "orders.field.discrepancyOutcome": { zh: "差异去向", en: "What became of the difference" },
  "orders.error.departNotReserved": {
    zh: "调拨单 {number} 当前状态为“{status}”，只有已预留的调拨单才能发车",
    en: "Dispatch order {number} is {status}: only a reserved order can depart",
  },
  "orders.error.departedBeforeApproval": {
    zh: "发车时间不能早于调拨单的批准时间（{approved}）",
    en: "The departure cannot be before the order was approved ({approved})",
  },
  "orders.error.reservationChanged": {
    zh: "调拨单 {number} 的预留已变化：第 {line} 行 {item} 批次 {lot} 现预留 {reserved} {unit}，应为 {quantity} {unit}；请取消后重新批准",
    en: "The reservation of dispatch order {number} has changed: line {line}, {item} lot {lot} holds {reserved} {unit} instead of {quantity} {unit}; cancel it and approve again",
  },
  "orders.error.vehicleNotFound": { zh: "车辆 #{id} 不存在", en: "Vehicle #{id} does not exist" },
  "orders.error.vehicleUnusable": {
    zh: "车辆 {plate} 已停用或正在维修，不能发车",
    en: "Vehicle {plate} is out of service or under maintenance and cannot depart",
  },
  "orders.error.receiveNotDeparted": {
    zh: "调拨单 {number} 当前状态为“{status}”，只有已发车的调拨单才能签收",
    en: "Dispatch order {number} is {status}: only a departed order can be received",
  },
  "orders.error.receivedBeforeDeparture": {
    zh: "签收时间不能早于发车时间（{departed}）",
    en: "The receipt cannot be before the departure ({departed})",
  },
  "orders.error.receiptLines": {
    zh: "签收明细有 {count} 处问题",
    en: "The receipt lines have {count} problems",
  },
  "orders.error.lineUnknown": {
    zh: "明细 #{lineId} 不属于调拨单 {number}",
    en: "Line #{lineId} is not a line of dispatch order {number}",
  },
  "orders.error.lineTwice": {
    zh: "第 {line} 行（{item}）填写了不止一次",
    en: "Line {line} ({item}) is listed more than once",
  },
  "orders.error.lineMissing": {
    zh: "第 {line} 行（{item}）未填写实收数量",
    en: "Line {line} ({item}) has no quantity received",
  },
  "orders.error.overDeparted": {
    zh: "第 {line} 行（{item}）实收 {received} {unit}，多于发出的 {quantity} {unit}",
    en: "Line {line} ({item}): {received} {unit} received, more than the {quantity} {unit} that departed",
  },
  "orders.error.shortWithoutOutcome": {
    zh: "第 {line} 行（{item}）少收 {missing} {unit}，请说明差异去向（退回仓库或丢失）及原因",
    en: "Line {line} ({item}) is {missing} {unit} short: say what became of it (returned or lost) and why",
  },
  "orders.error.outcomeWithoutShortfall": {
    zh: "第 {line} 行（{item}）实收与发出相符，没有差异需要说明",
    en: "Line {line} ({item}) was received in full: there is no difference to account for",
  },

  "orders.replan.reason": {
    zh: "道路变化，重新制定为调运方案第 {version} 版",
    en: "Roads changed: re-planned as version {version} of the dispatch plan",
  },
  "orders.replanChange.unreachable": { zh: "无法送达", en: "Cannot be reached" },
  "orders.replanChange.later": { zh: "晚到", en: "Later" },
  "orders.replanChange.reached": { zh: "新送达", en: "Now reached" },
  "orders.replanChange.same": { zh: "时间不变", en: "Same time" },
  "orders.replanChange.earlier": { zh: "提前", en: "Earlier" },
  "orders.error.replanNoApproved": {
    zh: "本灾情没有已批准且未取消的调运方案，无需重新制定",
    en: "This incident has no approved dispatch plan in force: there is nothing to re-plan",
  },
  "orders.error.replanNothingLeft": {
    zh: "调运方案第 {version} 版的调拨单均已出发，没有可重新制定的部分",
    en: "Every dispatch order of version {version} of the plan has departed: there is nothing left to re-plan",
  },
  "orders.error.replanFailed": {
    zh: "重新制定的调运方案第 {version} 版计算失败，原方案保持不变",
    en: "Version {version} of the re-plan failed to compute; the approved plan stays as it was",
  },
  "orders.error.replanStale": {
    zh: "重新制定期间调拨单 {number} 等 {count} 张已出发或已取消，原方案保持不变：请再次重新制定",
    en: "While re-planning, {count} dispatch orders (such as {number}) departed or were cancelled; the approved plan stays as it was. Re-plan again",
  },
  "orders.error.replanRefused": {
    zh: "重新制定的调运方案第 {version} 版无法批准：所依据的物资已有 {count} 处变化，原方案保持不变，未取消任何调拨单",
    en: "Version {version} of the re-plan cannot be approved: {count} of the supplies it relied on have changed. The approved plan stays as it was; no dispatch order was cancelled",
  },
} as const satisfies Record<string, Phrase>;
