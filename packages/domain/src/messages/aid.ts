import type { Phrase } from "./define";

/** Mutual aid with the neighbouring districts: the register, requests out and in, replies, loans. */
export const aidMessages = {
  // Labels of the codes in ../aid.ts.
  "aid.direction.out": { zh: "向外求援", en: "Banan asks" },
  "aid.direction.in": { zh: "支援外区", en: "Banan helps" },
  "aid.status.open": { zh: "待答复", en: "Awaiting reply" },
  "aid.status.promised": { zh: "已承诺", en: "Promised" },
  "aid.status.closed": { zh: "已完成", en: "Completed" },
  "aid.status.cancelled": { zh: "已取消", en: "Cancelled" },

  // Field labels named inside messages.
  "aid.field.neighbour": { zh: "对方区县", en: "Neighbouring district" },
  "aid.field.direction": { zh: "方向", en: "Direction" },
  "aid.field.item": { zh: "物资", en: "Item" },
  "aid.field.neededBy": { zh: "需用时间", en: "Needed by" },
  "aid.field.arriveAt": { zh: "承诺到达时间", en: "Promised arrival" },
  "aid.field.note": { zh: "说明", en: "Note" },
  "aid.field.search": { zh: "搜索", en: "Search" },
  "aid.field.contactName": { zh: "联系人姓名", en: "Contact name" },
  "aid.field.contactPost": { zh: "职务", en: "Post" },
  "aid.field.listDate": { zh: "清单日期", en: "List date" },
  "aid.field.truckType": { zh: "车型", en: "Truck type" },
  "aid.field.payloadKg": { zh: "载重（千克）", en: "Payload (kg)" },
  "aid.field.volumeM3": { zh: "容积（立方米）", en: "Load volume (m³)" },
  "aid.field.driver": { zh: "驾驶员", en: "Driver" },
  "aid.field.cancelReason": { zh: "取消原因", en: "Reason for cancelling" },
  "aid.field.warehouse": { zh: "仓库", en: "Warehouse" },
  "aid.field.productionDate": { zh: "生产日期", en: "Production date" },
  "aid.field.expiryDate": { zh: "有效期至", en: "Expiry date" },

  // What a plan says about promised aid (notes beside the plan).
  "aid.note.inPlan": {
    zh: "互助请求 {number}：{neighbour}承诺的物资自 {at} 起从其入境道口出发，由对方车辆送达",
    en: "Mutual-aid request {number}: what {neighbour} promised leaves its entry point from {at}, on its own trucks",
  },
  "aid.note.noTrucks": {
    zh: "互助请求 {number}：{neighbour}的答复未登记车辆，承诺的物资未纳入本方案",
    en: "Mutual-aid request {number}: the reply of {neighbour} names no trucks, so its goods are not in this plan",
  },

  "aid.suggestion.ask": {
    zh: "向{neighbour}申请跨区互助：其可借清单（{date}）有{item} {lendable} {unit}，自入境道口约 {minutes} 分钟可达",
    en: "Ask {neighbour} for mutual aid: its lendable list ({date}) has {lendable} {unit} of {item}, about {minutes} min from its entry point",
  },

  // Files.
  "aid.file.lendableTemplate": {
    zh: "{neighbour}可借物资清单模板.xlsx",
    en: "{neighbour} lendable items template.xlsx",
  },
  "aid.file.loans": { zh: "借用物资台账_{date}.xlsx", en: "Loans_{date}.xlsx" },
  "aid.file.request": { zh: "互助请求单_{number}.xlsx", en: "Mutual aid request {number}.xlsx" },

  "aid.error.neighbourNotFound": {
    zh: "邻近区县 #{id} 不存在",
    en: "Neighbouring district #{id} does not exist",
  },
  "aid.error.neighbourInactive": {
    zh: "{name}已移出互助名录，不能再向其发出或登记请求",
    en: "{name} is no longer in the mutual-aid register: no request may be raised or recorded with it",
  },
  "aid.error.chooseNeighbour": {
    zh: "请选择互助名录中的区县",
    en: "Please choose a district of the register",
  },
  "aid.error.entryNodeNotFound": { zh: "路网节点 #{id} 不存在", en: "Road node #{id} does not exist" },
  "aid.error.entryNotBoundary": {
    zh: "{node}（{code}）不是在用的区界道口节点，入境道口须为路网中的区界节点",
    en: "{node} ({code}) is not a boundary node in use: the entry point must be a boundary node of the road network",
  },
  "aid.error.chooseBoundaryNode": { zh: "请选择区界道口节点", en: "Please choose a boundary node" },
  "aid.error.phoneFormat": {
    zh: "联系电话只能包含数字、空格和 + - ( )",
    en: "The phone number may contain only digits, spaces and + - ( )",
  },
  "aid.error.itemUnknown": {
    zh: "物资编码 {code} 不在物资目录中",
    en: "Item code {code} is not in the catalog",
  },
  "aid.error.itemInactive": { zh: "物资 {code} 已停用", en: "Item {code} is no longer in use" },
  "aid.error.lendableDuplicate": {
    zh: "物资 {code} 与第 {row} 行重复，每种物资只填一行",
    en: "Item {code} repeats row {row}: one row per item",
  },
  "aid.error.lendableEmpty": { zh: "清单中没有物资行", en: "The list has no item rows" },
  "aid.error.requestNotFound": { zh: "互助请求 #{id} 不存在", en: "Mutual-aid request #{id} does not exist" },
  "aid.error.neededByPast": {
    zh: "需用时间 {neededBy} 已过（现在 {now}），请填写将来的时间",
    en: "The needed-by time {neededBy} has passed (now {now}): give a time ahead",
  },
  "aid.error.incidentRequired": {
    zh: "向外求援须注明所为的灾情",
    en: "A request for aid must name the incident it is for",
  },
  "aid.error.deliveryAreaRequired": {
    zh: "请选择送达的镇街或村（社区）",
    en: "Please choose the township or village to deliver to",
  },
  "aid.error.deliveryAreaUnknown": {
    zh: "送达地点 #{id} 不是本区的镇街或村（社区）",
    en: "Delivery place #{id} is not a township or village of the district",
  },
  "aid.error.inboundAtEntry": {
    zh: "支援{neighbour}的物资送至其入境道口，不填本区送达地点",
    en: "Help for {neighbour} is delivered at its entry point: no delivery place in the district",
  },
  "aid.error.lineItemUnknown": {
    zh: "第 {line} 行：物资 #{id} 不存在",
    en: "Line {line}: item #{id} does not exist",
  },
  "aid.error.lineItemInactive": {
    zh: "第 {line} 行：物资 {item} 已停用",
    en: "Line {line}: item {item} is no longer in use",
  },
  "aid.error.lineItemTwice": {
    zh: "第 {line} 行：物资 {item} 与第 {first} 行重复",
    en: "Line {line}: item {item} repeats line {first}",
  },
  "aid.error.itemNotRequested": {
    zh: "第 {line} 行：该物资不在互助请求 {number} 中",
    en: "Line {line}: this item is not in mutual-aid request {number}",
  },
  "aid.error.replyFinished": {
    zh: "互助请求 {number} {status}，不能再登记答复",
    en: "Mutual-aid request {number} is {status}: no reply may be recorded",
  },
  "aid.error.cancelFinished": {
    zh: "互助请求 {number} {status}，不能取消",
    en: "Mutual-aid request {number} is {status}: it cannot be cancelled",
  },
  "aid.error.moveFinished": {
    zh: "互助请求 {number} {status}，不能再收发物资",
    en: "Mutual-aid request {number} is {status}: no more goods may move under it",
  },
  "aid.error.replyOnlyOut": {
    zh: "互助请求 {number} 是外区向本区的请求，由本区发出物资答复，不登记对方答复",
    en: "Mutual-aid request {number} asks Banan for help: Banan answers it by sending goods, not with a reply",
  },
  "aid.error.atLeastOneTruck": {
    zh: "请至少登记一辆对方车辆（车牌号、驾驶员）",
    en: "Please record at least one of the neighbour's trucks (plate, driver)",
  },
  "aid.error.truckTwice": {
    zh: "车牌号 {plate} 与第 {first} 辆车重复",
    en: "Plate {plate} repeats truck {first}",
  },
  "aid.error.arriveBeforeRequest": {
    zh: "承诺到达时间 {arriveAt} 早于请求发出时间 {requestedAt}",
    en: "The promised arrival {arriveAt} is before the request was sent ({requestedAt})",
  },
  "aid.error.outboundOnlyIn": {
    zh: "互助请求 {number} 是本区向外区的求援，不由本区发出物资",
    en: "Mutual-aid request {number} is Banan asking for help: Banan sends nothing under it",
  },
  "aid.error.noEntryNode": {
    zh: "{neighbour}未登记入境道口，无法计算送达路线；请先在互助名录中指定",
    en: "{neighbour} has no entry point registered, so no route can be worked out: set one in the register first",
  },
  "aid.error.writeOffOnlyLoans": {
    zh: "互助请求 {number} 是外区向本区的请求，本区发出的物资不在此核销",
    en: "Mutual-aid request {number} asks Banan for help: what Banan sends is not written off here",
  },
  "aid.error.nothingToSend": {
    zh: "互助请求 {number} 的物资已全部发出，无需再规划",
    en: "Everything asked under mutual-aid request {number} has been sent: nothing left to plan",
  },
  "aid.error.planTooLate": {
    zh: "互助请求 {number} 的需用时间 {neededBy} 已过（现在 {now}），无法再按时送达，不予规划",
    en: "The needed-by time of mutual-aid request {number}, {neededBy}, has passed (now {now}): nothing can arrive in time, so it is not planned",
  },
  "aid.error.noOutboundPlan": {
    zh: "互助请求 {number} 尚无调运方案，请先规划",
    en: "Mutual-aid request {number} has no plan yet: plan it first",
  },
  "aid.error.planIssued": {
    zh: "互助请求 {number} 的调运方案已于 {at} 出库，不能重复出库",
    en: "The plan of mutual-aid request {number} was issued at {at}: it cannot be issued twice",
  },
  "aid.error.planEmpty": {
    zh: "互助请求 {number} 的调运方案没有可按时送达的物资，无可出库",
    en: "The plan of mutual-aid request {number} sends nothing in time: there is nothing to issue",
  },
  "aid.error.planStale": {
    zh: "互助请求 {number} 的调运方案已过时：{item} 方案发出 {quantity}，尚待发出仅 {left}；请重新规划",
    en: "The plan of mutual-aid request {number} is out of date: it sends {quantity} of {item}, only {left} is still to send; plan again",
  },
  "aid.error.moreThanOut": {
    zh: "第 {line} 行：归还 {quantity}，超过尚未归还的 {out}",
    en: "Line {line}: {quantity} returned is more than the {out} still out",
  },
} as const satisfies Record<string, Phrase>;
