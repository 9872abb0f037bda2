import type { Phrase } from "./define";

/** Stock: ledger, documents, lots, counts, holds and reservations; labels of the codes in ../stock.ts. */
export const stockMessages = {
  // Balance buckets.
  "stock.bucket.onHand": { zh: "在库", en: "On hand" },
  "stock.bucket.reserved": { zh: "已预留", en: "Reserved" },
  "stock.bucket.onHold": { zh: "冻结", en: "On hold" },
  "stock.bucket.inTransit": { zh: "在途", en: "In transit" },

  // Ownership (OWNERSHIPS).
  "stock.ownership.government": { zh: "政府", en: "Government" },
  "stock.ownership.agreement": { zh: "协议", en: "Agreement" },
  "stock.ownership.donation": { zh: "捐赠", en: "Donation" },
  "stock.ownership.loan": { zh: "借用", en: "On loan" },

  // Lot statuses (LOT_STATUSES), and the state of a lot past its expiry.
  "stock.lotStatus.available": { zh: "正常", en: "Available" },
  "stock.lotStatus.quarantined": { zh: "隔离待检", en: "Quarantined" },
  "stock.lotStatus.damaged": { zh: "损坏", en: "Damaged" },
  "stock.lotStatus.recalled": { zh: "召回", en: "Recalled" },
  "stock.lotStatus.expired": { zh: "已过期", en: "Expired" },
  // A lot's condition with the part of it held: the status column of the expiry and rotation exports.
  "stock.lotCondition.held": { zh: "{status}、冻结 {quantity}", en: "{status}, {quantity} on hold" },

  // What rotation means for each ownership (ROTATION_ACTIONS).
  "stock.rotationAction.redistribute": {
    zh: "调往镇街储备点或用于演练、日常救助，并补充新批次",
    en: "Move to township points or use in drills and daily relief, then restock",
  },
  "stock.rotationAction.enterprise_rotation": {
    zh: "由承储企业按协议轮换销售并补足同等数量",
    en: "The enterprise rotates it through its sales and restocks under the agreement",
  },
  "stock.rotationAction.issue_first": { zh: "优先发放使用", en: "Hand out first" },
  "stock.rotationAction.return_to_lender": {
    zh: "借用物资：临期前归还出借区县或商请核销",
    en: "Loaned stock: give it back to the lending district, or agree a write-off, before it expires",
  },

  // Receipt sources (RECEIPT_KINDS).
  "stock.receiptKind.purchase": { zh: "采购", en: "Purchase" },
  "stock.receiptKind.central_allocation": { zh: "上级调拨", en: "Allocation from above" },
  "stock.receiptKind.donation": { zh: "社会捐赠", en: "Donation" },
  "stock.receiptKind.agreement_calloff": { zh: "协议调用", en: "Agreement call-off" },
  "stock.receiptKind.requisition": { zh: "紧急征用", en: "Requisition" },
  "stock.receiptKind.return": { zh: "归还入库", en: "Return" },
  "stock.receiptKind.mutual_aid": { zh: "跨区互助", en: "Mutual aid" },

  // Issue reasons (ISSUE_REASONS), and a line on what each is for and what it may take.
  "stock.issueReason.dispatch": { zh: "救灾调运", en: "Relief dispatch" },
  "stock.issueReason.routine_relief": { zh: "日常救助", en: "Routine relief" },
  "stock.issueReason.rotation": { zh: "轮换出库", en: "Rotation" },
  "stock.issueReason.write_off": { zh: "报损", en: "Write-off" },
  "stock.issueReason.donation_out": { zh: "对外捐赠", en: "Donation out" },
  "stock.issueReason.drill": { zh: "演练", en: "Drill" },
  "stock.issueReason.mutual_aid": { zh: "对外支援", en: "Mutual aid" },
  "stock.issueReasonHint.dispatch": {
    zh: "灾害救助调运；填写调度单号时先出该调度单的预留，再出可用库存",
    en: "Relief for a disaster; with a dispatch number, that dispatch's reservation goes first, then usable stock",
  },
  "stock.issueReasonHint.routine_relief": {
    zh: "对困难群众的日常生活救助，只出可用库存",
    en: "Everyday help to households in hardship; usable stock only",
  },
  "stock.issueReasonHint.rotation": {
    zh: "临近有效期的物资轮换出库（销售或捐赠），可出临期批次，不出已预留的库存",
    en: "Stock nearing expiry rotated out (sold or donated); lots close to expiry may go, reserved stock may not",
  },
  "stock.issueReasonHint.write_off": {
    zh: "过期、损坏或冻结的物资报损，可出任何批次",
    en: "Expired, damaged or held stock written off; any lot may go",
  },
  "stock.issueReasonHint.donation_out": {
    zh: "向外地区或单位捐赠，只出可用库存",
    en: "Given to another district or organisation; usable stock only",
  },
  "stock.issueReasonHint.drill": {
    zh: "应急演练实际使用的物资，只出可用库存",
    en: "Stock used up in an emergency drill; usable stock only",
  },
  "stock.issueReasonHint.mutual_aid": {
    zh: "支援邻近区县，或将借用的物资归还出借方，只出可用库存",
    en: "Sent to help a neighbouring district, or loaned stock given back to its lender; usable stock only",
  },

  // Notes written on documents.
  "stock.note.imported": { zh: "由文件“{file}”导入", en: "Imported from the file “{file}”" },
  "stock.note.importedPart": {
    zh: "由文件“{file}”导入（第 {part} 张，共 {parts} 张）",
    en: "Imported from the file “{file}” (document {part} of {parts})",
  },

  // Document types (DOCUMENT_TYPES).
  "stock.documentType.receipt": { zh: "入库", en: "Receipt" },
  "stock.documentType.issue": { zh: "出库", en: "Issue" },
  "stock.documentType.transfer_out": { zh: "调出", en: "Transfer out" },
  "stock.documentType.transfer_in": { zh: "调入", en: "Transfer in" },
  "stock.documentType.adjustment": { zh: "调整", en: "Adjustment" },
  "stock.documentType.reversal": { zh: "冲销", en: "Reversal" },
  "stock.documentType.reserve": { zh: "预留", en: "Reservation" },
  "stock.documentType.release": { zh: "释放预留", en: "Release" },
  "stock.documentType.hold": { zh: "冻结", en: "Hold" },
  "stock.documentType.unhold": { zh: "解冻", en: "Release hold" },

  // Adjustment reasons the system seeds (SEEDED_ADJUSTMENT_REASONS); zh is the seeded name.
  "stock.adjustmentReason.stocktake": { zh: "盘点差异", en: "Stocktake difference" },
  "stock.adjustmentReason.found": { zh: "盘盈/找回", en: "Surplus or found" },
  "stock.adjustmentReason.damage": { zh: "损坏", en: "Damage" },
  "stock.adjustmentReason.loss": { zh: "丢失", en: "Loss" },
  "stock.adjustmentReason.correction": { zh: "数据更正", en: "Data correction" },

  // Field labels used inside messages.
  "stock.field.productionDate": { zh: "生产日期", en: "Production date" },
  "stock.field.expiryDate": { zh: "有效期", en: "Expiry date" },
  "stock.field.receivedQuantity": { zh: "签收数量", en: "Received quantity" },
  "stock.field.adjustmentQuantity": { zh: "调整数量", en: "Adjustment quantity" },
  "stock.field.countedQuantity": { zh: "盘点数量", en: "Counted quantity" },
  "stock.field.fromDate": { zh: "开始日期", en: "Start date" },
  "stock.field.toDate": { zh: "结束日期", en: "End date" },
  "stock.field.lotCode": { zh: "批次号", en: "lot code" },
  "stock.field.dispatchRef": { zh: "调度单号", en: "the dispatch number" },
  "stock.field.reversalNote": { zh: "冲销原因", en: "the reason for the reversal" },
  "stock.field.holdNote": { zh: "冻结或解冻原因", en: "the reason for the hold or release" },
  "stock.field.note": { zh: "说明", en: "a note" },
  "stock.field.quantity": { zh: "数量", en: "Quantity" },
  "stock.field.unit": { zh: "单位", en: "Unit" },

  // Schema checks.
  "stock.error.lotCodeTooLong": { zh: "批次号最多 60 个字符", en: "The lot code has at most 60 characters" },
  "stock.error.receiptKind": { zh: "来源类型无效", en: "Invalid source type" },
  "stock.error.ownership": { zh: "权属无效", en: "Invalid ownership" },
  "stock.error.issueReason": { zh: "出库原因无效", en: "Invalid issue reason" },
  "stock.error.sameWarehouse": {
    zh: "调出和调入仓库不能相同",
    en: "The sending and receiving warehouses cannot be the same",
  },
  "stock.error.lotStatus": { zh: "批次状态无效", en: "Invalid lot status" },
  "stock.error.expiryList": {
    zh: "列表应为 expired 或 expiring",
    en: "The list must be expired or expiring",
  },

  // The ledger.
  "stock.error.noMovement": { zh: "单据没有任何数量变动", en: "The document changes no quantity" },
  "stock.error.lineOverBalanceCeiling": {
    zh: "单据行数量超过单个余额上限 {max}",
    en: "A line's quantity exceeds the limit of {max} for one balance",
  },
  "stock.error.quantityOverCeiling": { zh: "数量超过上限", en: "Quantity above the limit" },
  "stock.error.balanceKey": {
    zh: "{warehouse}“{item}”批次 {lot}（{ownership}）",
    en: "{warehouse} “{item}” lot {lot} ({ownership})",
  },
  "stock.error.unknownWarehouse": { zh: "仓库#{id}", en: "warehouse #{id}" },
  "stock.error.unknownItem": { zh: "物资#{id}", en: "item #{id}" },
  "stock.error.bucketOverCeiling": {
    zh: "{key}{bucket}将达到 {after} {unit}，超过单个余额上限 {max} {unit}",
    en: "{key}: {bucket} would reach {after} {unit}, above the limit of {max} {unit} for one balance",
  },
  "stock.error.bucketShort": {
    zh: "{key}{bucket}只有 {have} {unit}，本次需要 {need} {unit}",
    en: "{key}: {bucket} holds only {have} {unit}, this needs {need} {unit}",
  },
  "stock.error.availableShort": {
    zh: "{key}可用只有 {available} {unit}（在库 {onHand}，已预留 {reserved}，冻结 {onHold}），本次需要 {need} {unit}",
    en: "{key}: only {available} {unit} available ({onHand} on hand, {reserved} reserved, {onHold} on hold), this needs {need} {unit}",
  },
  "stock.error.shortItems": { zh: "库存不足（{count} 项）", en: "Not enough stock ({count} balances)" },
  "stock.error.shortLines": { zh: "库存不足（{count} 行）", en: "Not enough stock ({count} lines)" },
  "stock.error.pickShort": {
    zh: "{warehouse}“{item}”可用 {available}，需要 {need}，缺 {missing}",
    en: "{warehouse} “{item}” has {available} available, {need} needed, {missing} short",
  },
  "stock.error.pickLotShort": {
    zh: "{warehouse}“{item}”该批次可用 {available}，需要 {need}，缺 {missing}",
    en: "{warehouse} “{item}” has {available} available in this lot, {need} needed, {missing} short",
  },

  // Why usable stock is short: what else the stock on hand is doing, after a pick's refusal.
  "stock.error.shortBecause": { zh: "{short}。{why}", en: "{short}. {why}" },
  "stock.shortfall.onHand": { zh: "在库 {quantity}", en: "{quantity} on hand" },
  "stock.shortfall.reserved": {
    zh: "已预留 {quantity}：{dispatches}",
    en: "{quantity} reserved: {dispatches}",
  },
  "stock.shortfall.dispatch": { zh: "{dispatch} {quantity}（{by}）", en: "{dispatch} {quantity} ({by})" },
  "stock.shortfall.dispatchBySystem": { zh: "{dispatch} {quantity}", en: "{dispatch} {quantity}" },
  "stock.shortfall.moreDispatches": {
    zh: "另有 {count} 个调度单共 {quantity}",
    en: "{count} more dispatches with {quantity}",
  },
  "stock.shortfall.unusable": {
    zh: "冻结或待检 {quantity}：{lots}",
    en: "{quantity} on hold or not usable: {lots}",
  },
  "stock.shortfall.expired": { zh: "已过期 {quantity}：{lots}", en: "{quantity} expired: {lots}" },
  "stock.shortfall.lot": { zh: "批次 {lot} {quantity}（{state}）", en: "lot {lot} {quantity} ({state})" },
  "stock.shortfall.expiredOn": { zh: "{date} 到期", en: "expired {date}" },
  "stock.shortfall.moreLots": {
    zh: "另有 {count} 个批次共 {quantity}",
    en: "{count} more lots with {quantity}",
  },
  "stock.shortfall.series": { zh: "{first}、{rest}", en: "{first}, {rest}" },

  // Documents, items, warehouses and lots looked up by a line.
  "stock.error.documentNotFound": { zh: "单据 #{id} 不存在", en: "Document #{id} does not exist" },
  "stock.error.itemNotFound": { zh: "物资 #{id} 不存在", en: "Item #{id} does not exist" },
  "stock.error.itemInactive": { zh: "物资已停用", en: "The item is deactivated" },
  "stock.error.namedItemInactive": { zh: "物资“{item}”已停用", en: "The item “{item}” is deactivated" },
  "stock.error.warehouseNotFound": { zh: "仓库 #{id} 不存在", en: "Warehouse #{id} does not exist" },
  "stock.error.warehouseInactive": {
    zh: "仓库“{warehouse}”已停用，不能记账",
    en: "The warehouse “{warehouse}” is deactivated; nothing can be posted in it",
  },
  "stock.error.mayNotPost": {
    zh: "您无权在仓库“{warehouse}”记账",
    en: "You may not post in the warehouse “{warehouse}”",
  },
  "stock.error.lotElsewhere": {
    zh: "批次 {lot} 存放在 {warehouses}，{role}无权修改其状态",
    en: "Lot {lot} is stored in {warehouses}; {role} may not change its status",
  },
  "stock.error.lotNotFound": { zh: "批次 #{id} 不存在", en: "Lot #{id} does not exist" },
  "stock.error.notLotOf": { zh: "不是“{item}”的批次", en: "Not a lot of “{item}”" },
  "stock.error.lotNotOf": { zh: "批次 #{id} 不是“{item}”的批次", en: "Lot #{id} is not a lot of “{item}”" },
  "stock.error.expiryBeforeProduction": {
    zh: "有效期（{expiry}）应晚于生产日期（{production}）",
    en: "The expiry date ({expiry}) must be after the production date ({production})",
  },
  "stock.error.lotDatesDiffer": {
    zh: "“{item}”批次 {lot} 已登记，生产日期 {production}、有效期 {expiry}，与本次填写不一致",
    en: "“{item}” lot {lot} is already registered with production date {production} and expiry date {expiry}, which differ from these",
  },
  "stock.error.lotNeedsDates": {
    zh: "“{item}”有保质期，请填写生产日期或有效期",
    en: "“{item}” has a shelf life; please fill in the production or expiry date",
  },

  // Adjustments.
  "stock.error.adjustmentReason": { zh: "调整原因无效", en: "Invalid adjustment reason" },
  "stock.error.chooseAdjustmentReason": {
    zh: "请选择有效的调整原因",
    en: "Please choose a valid adjustment reason",
  },
  "stock.error.reasonIncreasesOnly": {
    zh: "原因“{reason}”只能增加库存",
    en: "The reason “{reason}” only increases stock",
  },
  "stock.error.reasonDecreasesOnly": {
    zh: "原因“{reason}”只能减少库存",
    en: "The reason “{reason}” only decreases stock",
  },
  "stock.error.reasonNeedsNote": {
    zh: "原因“{reason}”需要填写说明",
    en: "The reason “{reason}” needs a note",
  },
  "stock.error.chooseLot": { zh: "请选择批次", en: "Please choose a lot" },
  "stock.error.chooseOrNewLot": {
    zh: "请选择批次或填写新批次号",
    en: "Please choose a lot or enter a new lot code",
  },

  // Transfers and reversals.
  "stock.error.receivingWarehouseInactive": {
    zh: "调入仓库“{warehouse}”已停用",
    en: "The receiving warehouse “{warehouse}” is deactivated",
  },
  "stock.error.transferNotFound": { zh: "调拨单 #{id} 不存在", en: "Transfer #{id} does not exist" },
  "stock.error.transferReceived": {
    zh: "调拨单 {number} 已签收（{by}）",
    en: "Transfer {number} has been received ({by})",
  },
  "stock.error.transferReversed": {
    zh: "调拨单 {number} 已冲销（{by}）",
    en: "Transfer {number} has been reversed ({by})",
  },
  "stock.error.notInTransfer": { zh: "不在该调拨单中", en: "Not in this transfer" },
  "stock.error.notInTransferNumber": {
    zh: "该物资或批次不在调拨单 {number} 中",
    en: "This item or lot is not in transfer {number}",
  },
  "stock.error.overSent": { zh: "不能超过调出数量 {sent}", en: "Cannot exceed the {sent} sent" },
  "stock.error.receivedOverSent": {
    zh: "签收数量 {received} 超过调出数量 {sent}",
    en: "The received quantity {received} exceeds the {sent} sent",
  },
  "stock.error.explainShortfall": {
    zh: "实收少于调出数量，请在备注中说明差异原因",
    en: "Less was received than sent; please explain the difference in the note",
  },
  "stock.error.explainDifference": { zh: "请说明差异原因", en: "Please explain the difference" },
  "stock.error.reversalOfReversal": {
    zh: "{number} 是冲销单，不能再冲销",
    en: "{number} is a reversal and cannot be reversed",
  },
  "stock.error.alreadyReversed": { zh: "{number} 已被 {by} 冲销", en: "{number} has been reversed by {by}" },
  "stock.error.transferAlreadyReceived": {
    zh: "调拨单 {number} 已由 {by} 签收，不能冲销",
    en: "Transfer {number} has been received by {by} and cannot be reversed",
  },
  "stock.error.receiptOfTransfer": {
    zh: "调拨签收单不能冲销；如签收有误，请调回或做库存调整",
    en: "A transfer receipt cannot be reversed; if it is wrong, transfer back or adjust the stock",
  },
  "stock.error.releaseNeedsDispatch": {
    zh: "释放剩余预留需要填写调度单号",
    en: "Releasing the rest of a reservation needs the dispatch number",
  },
  "stock.error.releaseNeedsDispatchReason": {
    zh: "只有“救灾调运”出库可以释放剩余预留",
    en: "Only a relief dispatch issue can release the rest of a reservation",
  },
  "stock.error.orderLeavesByDeparture": {
    zh: "{order} 是待出发的调拨单，其预留物资在调拨单页确认出发时出库，不能在这里出库或调出",
    en: "{order} is a dispatch order waiting to leave: its reserved stock is issued when its departure is confirmed on the order page, not here",
  },
  "stock.error.noOpenReservation": {
    zh: "调度单 {dispatch} 没有未释放的预留",
    en: "Dispatch {dispatch} has no unreleased reservation",
  },

  // Stock counts.
  "stock.error.countNotFound": { zh: "盘点单 #{id} 不存在", en: "Stock count #{id} does not exist" },
  "stock.error.countSubmitted": {
    zh: "盘点单 {number} 已提交",
    en: "Stock count {number} has been submitted",
  },
  "stock.error.countCancelled": {
    zh: "盘点单 {number} 已作废",
    en: "Stock count {number} has been cancelled",
  },
  "stock.error.countOpen": {
    zh: "仓库“{warehouse}”已有未完成的盘点单 {number}",
    en: "The warehouse “{warehouse}” already has an unfinished stock count {number}",
  },
  "stock.error.countLineNotFound": {
    zh: "盘点行 #{id} 不属于盘点单 {number}",
    en: "Count line #{id} does not belong to stock count {number}",
  },
  "stock.error.lotNotOfItem": { zh: "批次与物资不符", en: "The lot does not belong to the item" },
  "stock.error.onFoundLine": { zh: "盘盈第 {line} 行：{message}", en: "Surplus line {line}: {message}" },
  "stock.error.notCounted": {
    zh: "“{item}”批次 {lot} 尚未录入盘点数量",
    en: "“{item}” lot {lot} has no counted quantity yet",
  },
  "stock.error.countReasonMissing": {
    zh: "缺少“{reason}”调整原因，请在原因列表中恢复",
    en: "The “{reason}” adjustment reason is missing; please restore it in the reason list",
  },

  // Receipt spreadsheets.
  "stock.error.noWarehouseCode": { zh: "没有编码为“{code}”的仓库", en: "No warehouse has the code “{code}”" },
  "stock.error.warehouseDeactivated": {
    zh: "仓库“{warehouse}”已停用",
    en: "The warehouse “{warehouse}” is deactivated",
  },
  "stock.error.sourceDiffers": {
    zh: "同一仓库的各行来源和单据参考号须一致（与第 {row} 行不同）",
    en: "Rows of one warehouse need the same source and reference (this differs from row {row})",
  },
  "stock.error.noItemCode": {
    zh: "物资目录中没有编码为“{code}”的物资",
    en: "The catalog has no item with the code “{code}”",
  },
  "stock.error.expiryToBeforeProduction": {
    zh: "有效期至（{expiry}）应晚于生产日期（{production}）",
    en: "The expiry date ({expiry}) must be after the production date ({production})",
  },
  "stock.error.lotDatesDifferFromRow": {
    zh: "与第 {row} 行同一批次但日期不同",
    en: "Same lot as row {row} but with other dates",
  },
} as const satisfies Record<string, Phrase>;
