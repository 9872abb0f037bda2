import type { Phrase } from "./define";

/** Reserve agreements, their lines, declarations, inspections and call-offs. */
export const agreementsMessages = {
  // Kinds, statuses and flags, keyed by the codes in ../agreements.ts.
  "agreements.kind.stock": { zh: "协议储备", en: "Stock reserve" },
  "agreements.kind.production": { zh: "产能储备", en: "Production capacity" },
  "agreements.kind.transport": { zh: "运力储备", en: "Transport capacity" },
  "agreements.status.pending": { zh: "未生效", en: "Not yet in force" },
  "agreements.status.active": { zh: "有效", en: "In force" },
  "agreements.status.expiring": { zh: "即将到期", en: "Expiring" },
  "agreements.status.expired": { zh: "已到期", en: "Expired" },
  "agreements.status.terminated": { zh: "已终止", en: "Terminated" },
  "agreements.lineFlag.unverified": { zh: "未核查", en: "Never inspected" },
  "agreements.lineFlag.verification_stale": { zh: "核查已超过 90 天", en: "Inspection over 90 days old" },
  "agreements.lineFlag.declaration_outdated": {
    zh: "申报早于最近核查",
    en: "Declaration older than inspection",
  },
  "agreements.lineFlag.undeclared": { zh: "未申报", en: "Never declared" },
  "agreements.lineFlag.below_commitment": { zh: "核查数量低于承诺", en: "Inspected below commitment" },
  "agreements.calloffStatus.open": { zh: "待交付", en: "Awaiting delivery" },
  "agreements.calloffStatus.overdue": { zh: "已逾期", en: "Overdue" },
  "agreements.calloffStatus.on_time": { zh: "按时交付", en: "Delivered on time" },
  "agreements.calloffStatus.late": { zh: "逾期交付", en: "Delivered late" },
  "agreements.calloffStatus.partial": { zh: "未足额交付", en: "Delivered short" },
  "agreements.calloffStatus.failed": { zh: "未交付", en: "Not delivered" },
  "agreements.calloffStatus.cancelled": { zh: "已取消", en: "Cancelled" },
  "agreements.declarationSource.entered": { zh: "录入", en: "Entered" },
  "agreements.declarationSource.imported": { zh: "表格导入", en: "Imported from a sheet" },
  /** What a transport line counts: its subject and unit in messages. */
  "agreements.unit.truck": { zh: "辆", en: "trucks" },
  "agreements.subject.transport": { zh: "运力", en: "Transport capacity" },

  // Field labels named inside messages.
  "agreements.field.amount": { zh: "金额", en: "Amount" },
  "agreements.field.vehicleType": { zh: "车型", en: "Truck type" },
  "agreements.field.number": { zh: "协议编号", en: "Agreement number" },
  "agreements.field.kind": { zh: "协议类型", en: "Agreement kind" },
  "agreements.field.declarationMonths": { zh: "申报周期", en: "Declaration cadence" },
  "agreements.error.declarationMonths": {
    zh: "申报周期应为 1 至 12 个月的整数",
    en: "The declaration cadence must be a whole number of months from 1 to 12",
  },
  "agreements.field.item": { zh: "物资", en: "item" },
  "agreements.field.startDate": { zh: "开始日期", en: "Start date" },
  "agreements.field.endDate": { zh: "结束日期", en: "End date" },
  "agreements.field.signedOn": { zh: "签订日期", en: "Signing date" },
  "agreements.field.terminatedOn": { zh: "终止日期", en: "Termination date" },
  "agreements.field.terminationReason": { zh: "终止原因", en: "the reason for termination" },
  "agreements.field.declaredOn": { zh: "申报日期", en: "Declaration date" },
  "agreements.field.declaredQuantity": { zh: "申报数量", en: "Declared quantity" },
  "agreements.field.inspectedOn": { zh: "核查日期", en: "Inspection date" },
  "agreements.field.inspectedQuantity": { zh: "核查数量", en: "Inspected quantity" },
  "agreements.field.inspector": { zh: "核查人", en: "the inspector" },
  "agreements.field.calloffQuantity": { zh: "调用数量", en: "Call-off quantity" },
  "agreements.field.requestedAt": { zh: "调用时间", en: "Call-off time" },
  "agreements.field.requiredBy": { zh: "要求到达时间", en: "Required arrival time" },
  "agreements.field.deliveredQuantity": { zh: "交付数量", en: "Delivered quantity" },
  "agreements.field.deliveredAt": { zh: "交付时间", en: "Delivery time" },
  "agreements.field.confirmedBy": { zh: "确认人", en: "who confirms" },
  "agreements.field.cancelReason": { zh: "取消原因", en: "the reason for cancelling" },

  // Input checks.
  "agreements.error.amountNotFen": {
    zh: "金额应以分为单位的整数",
    en: "Amounts must be whole numbers of fen",
  },
  "agreements.error.responseHoursInteger": {
    zh: "响应时限应为整数小时",
    en: "The response time must be a whole number of hours",
  },
  "agreements.error.responseHoursMin": {
    zh: "响应时限至少 {min} 小时",
    en: "The response time must be at least {min} hours",
  },
  "agreements.error.responseHoursMax": {
    zh: "响应时限不超过 {max} 小时",
    en: "The response time cannot exceed {max} hours",
  },
  "agreements.error.numberTooLong": {
    zh: "协议编号不超过 {max} 个字符",
    en: "The agreement number has at most {max} characters",
  },
  "agreements.error.noLines": { zh: "协议至少要有一行", en: "An agreement needs at least one line" },
  "agreements.error.tooManyLines": { zh: "协议不超过 {max} 行", en: "An agreement has at most {max} lines" },
  "agreements.error.endBeforeStart": {
    zh: "结束日期不能早于开始日期",
    en: "The end date cannot be before the start date",
  },

  // Saving an agreement.
  "agreements.error.notFound": { zh: "协议 #{id} 不存在", en: "Agreement #{id} does not exist" },
  "agreements.error.lineNotFound": { zh: "协议行 #{id} 不存在", en: "Agreement line #{id} does not exist" },
  "agreements.error.itemNotFound": { zh: "物资 #{id} 不存在", en: "Item #{id} does not exist" },
  "agreements.error.warehouseNotFound": { zh: "仓库 #{id} 不存在", en: "Warehouse #{id} does not exist" },
  "agreements.error.numberTaken": {
    zh: "协议编号 {number} 已存在",
    en: "Agreement number {number} already exists",
  },
  "agreements.error.numberExists": { zh: "协议编号已存在", en: "This agreement number already exists" },
  "agreements.error.enterpriseSuspended": {
    zh: "企业“{enterprise}”已暂停合作，不能签订新协议",
    en: "Cooperation with “{enterprise}” is suspended; no new agreement can be signed",
  },
  "agreements.error.signedAfterEnd": {
    zh: "签订日期不能晚于结束日期",
    en: "The signing date cannot be after the end date",
  },
  "agreements.error.goodsLineVehicle": {
    zh: "物资协议的行不填车型",
    en: "Lines of a goods agreement have no truck type",
  },
  "agreements.error.itemInactive": { zh: "物资“{item}”已停用", en: "The item “{item}” is retired" },
  "agreements.error.transportLineItem": {
    zh: "运力协议的行不填物资",
    en: "Lines of a transport agreement have no item",
  },
  "agreements.error.transportLineWarehouse": {
    zh: "运力协议的行不填仓库",
    en: "Lines of a transport agreement have no warehouse",
  },
  "agreements.error.stockLineWarehouse": {
    zh: "请选择存放协议物资的企业仓库",
    en: "Choose the enterprise warehouse holding the reserved goods",
  },
  "agreements.error.notEnterpriseWarehouse": {
    zh: "“{warehouse}”不是企业仓库",
    en: "“{warehouse}” is not an enterprise warehouse",
  },
  "agreements.error.warehouseOfOtherEnterprise": {
    zh: "“{warehouse}”不属于企业“{enterprise}”",
    en: "“{warehouse}” does not belong to “{enterprise}”",
  },
  "agreements.error.duplicateLine": { zh: "与第 {line} 行重复", en: "Duplicates line {line}" },
  "agreements.error.usedEnterprise": {
    zh: "协议已有申报、核查或调用记录，不能更换企业",
    en: "The agreement has declarations, inspections or call-offs; its enterprise cannot change",
  },
  "agreements.error.usedKind": {
    zh: "协议已有申报、核查或调用记录，不能更改类型",
    en: "The agreement has declarations, inspections or call-offs; its kind cannot change",
  },
  "agreements.error.lineNotInAgreement": {
    zh: "第 {line} 行不属于本协议",
    en: "Line {line} does not belong to this agreement",
  },
  "agreements.error.usedLineSubject": {
    zh: "第 {line} 行已有申报、核查或调用记录，不能更换物资、车型或仓库",
    en: "Line {line} has declarations, inspections or call-offs; its item, truck type or warehouse cannot change",
  },
  "agreements.error.usedLineRemoved": {
    zh: "原第 {line} 行已有申报、核查或调用记录，不能删除",
    en: "Former line {line} has declarations, inspections or call-offs and cannot be removed",
  },
  "agreements.error.alreadyTerminated": {
    zh: "协议 {number} 已于 {date} 终止",
    en: "Agreement {number} was terminated on {date}",
  },
  "agreements.error.terminatedAfterEnd": {
    zh: "终止日期不能晚于协议结束日期",
    en: "The termination date cannot be after the agreement's end date",
  },
  "agreements.error.endsOn": { zh: "协议于 {date} 结束", en: "The agreement ends on {date}" },

  // Declarations and inspections.
  "agreements.error.declareNotStock": {
    zh: "只有协议储备的物资行才能申报（协议 {number} 是产能或运力储备）",
    en: "Only lines of a stock reserve can be declared (agreement {number} is for production or transport capacity)",
  },
  "agreements.error.verifyNotStock": {
    zh: "只有协议储备的物资行才能核查（协议 {number} 是产能或运力储备）",
    en: "Only lines of a stock reserve can be inspected (agreement {number} is for production or transport capacity)",
  },
  "agreements.error.notStockLine": { zh: "不是协议储备的物资行", en: "Not a line of a stock reserve" },
  "agreements.error.declareTerminated": {
    zh: "协议 {number} 已于 {date} 终止，不能再申报",
    en: "Agreement {number} was terminated on {date}; nothing more can be declared",
  },
  "agreements.error.verifyTerminated": {
    zh: "协议 {number} 已于 {date} 终止，不能再核查",
    en: "Agreement {number} was terminated on {date}; it can no longer be inspected",
  },

  // Call-offs.
  "agreements.error.calloffNotFound": { zh: "调用单 #{id} 不存在", en: "Call-off #{id} does not exist" },
  "agreements.error.calloffOutOfForce": {
    zh: "协议 {number} 在调用时不在有效期内（{start} 至 {end}）",
    en: "Agreement {number} was not in force at the call-off time ({start} to {end})",
  },
  "agreements.error.calloffOutOfForceTerminated": {
    zh: "协议 {number} 在调用时不在有效期内（{start} 至 {end}，{terminated} 终止）",
    en: "Agreement {number} was not in force at the call-off time ({start} to {end}, terminated on {terminated})",
  },
  "agreements.error.requestedInFuture": {
    zh: "调用时间不能晚于现在",
    en: "The call-off time cannot be in the future",
  },
  "agreements.error.notAfterNow": { zh: "不能晚于现在", en: "Cannot be in the future" },
  "agreements.error.calloffOverCommitment": {
    zh: "调用数量超过协议承诺：承诺 {committed} {unit}，尚未交付的调用 {open} {unit}，本次最多 {max} {unit}",
    en: "The call-off exceeds the commitment: {committed} {unit} committed, {open} {unit} called off and not yet delivered, at most {max} {unit} now",
  },
  "agreements.error.atMost": { zh: "最多 {max} {unit}", en: "At most {max} {unit}" },
  "agreements.error.requiredByBeforeRequest": {
    zh: "要求到达时间应晚于调用时间",
    en: "The required arrival time must be after the call-off time",
  },
  "agreements.error.afterRequest": { zh: "应晚于调用时间", en: "Must be after the call-off time" },
  "agreements.error.calloffCancelled": {
    zh: "调用单 {number} 已取消",
    en: "Call-off {number} is cancelled",
  },
  "agreements.error.calloffDelivered": {
    zh: "调用单 {number} 已确认交付",
    en: "Call-off {number} is already confirmed as delivered",
  },
  "agreements.error.deliveredOverRequested": {
    zh: "交付数量 {delivered} 超过调用数量 {requested}",
    en: "The delivered quantity {delivered} exceeds the call-off quantity {requested}",
  },
  "agreements.error.deliveredAtMost": {
    zh: "不超过调用数量 {requested}",
    en: "At most the call-off quantity {requested}",
  },
  "agreements.error.deliveredBeforeRequest": {
    zh: "交付时间不能早于调用时间",
    en: "The delivery time cannot be before the call-off time",
  },
  "agreements.error.beforeRequest": { zh: "早于调用时间", en: "Before the call-off time" },
  "agreements.error.deliveredInFuture": {
    zh: "交付时间不能晚于现在",
    en: "The delivery time cannot be in the future",
  },
  /** Kept in the call-off's note, in Chinese like the rest of the record. */
  "agreements.note.cancelled": { zh: "取消：{reason}", en: "Cancelled: {reason}" },
  "agreements.note.imported": { zh: "由文件“{file}”导入", en: "Imported from the file “{file}”" },

  // Spreadsheets: the files, and what an upload's rows may get wrong.
  "agreements.file.template": { zh: "储备协议导入模板.xlsx", en: "agreement-import-template.xlsx" },
  "agreements.file.export": { zh: "储备协议_{date}.xlsx", en: "agreements_{date}.xlsx" },
  "agreements.file.declarationTemplate": {
    zh: "协议储备库存申报表_{who}_{date}.xlsx",
    en: "stock-declaration_{who}_{date}.xlsx",
  },
  "agreements.file.allEnterprises": { zh: "全部企业", en: "all-enterprises" },
  "agreements.file.enterprise": { zh: "企业", en: "enterprise" },
  "agreements.file.declarations": {
    zh: "协议储备申报与核查_{date}.xlsx",
    en: "declarations-and-inspections_{date}.xlsx",
  },
  "agreements.error.enterpriseCodeUnknown": {
    zh: "没有统一社会信用代码为 {code} 的已登记企业",
    en: "No registered enterprise has the unified social credit code {code}",
  },
  "agreements.error.itemCodeUnknown": {
    zh: "物资目录中没有编码为“{code}”的物资",
    en: "The item catalog has no item with the code “{code}”",
  },
  "agreements.error.warehouseCodeUnknown": {
    zh: "没有编码为“{code}”的仓库",
    en: "No warehouse has the code “{code}”",
  },
  "agreements.error.noSuchLine": {
    zh: "协议 {number} 没有第 {line} 行",
    en: "Agreement {number} has no line {line}",
  },
  "agreements.error.stockAgreementUnknown": {
    zh: "没有编号为“{number}”的协议储备",
    en: "No stock reserve agreement has the number “{number}”",
  },
  "agreements.error.lineItemMismatch": {
    zh: "协议 {number} 第 {line} 行的物资是 {code}（{item}），不是 {given}",
    en: "Line {line} of agreement {number} is for {code} ({item}), not {given}",
  },
  "agreements.error.notAmount": {
    zh: "{label}应为金额（元），实际为“{value}”",
    en: "{label} must be an amount in yuan, found “{value}”",
  },
  "agreements.error.negativeAmount": {
    zh: "{label}不能为负数，实际为 {value}",
    en: "{label} cannot be negative, found {value}",
  },
  "agreements.error.amountDecimals": {
    zh: "{label}最多两位小数，实际为 {value}",
    en: "{label} has at most two decimals, found {value}",
  },
  "agreements.error.sheetEndBeforeStart": {
    zh: "结束日期（{end}）早于开始日期（{start}）",
    en: "The end date ({end}) is before the start date ({start})",
  },
  "agreements.error.groupMismatch": {
    zh: "与同一协议第 {row} 行的“{column}”不一致",
    en: "“{column}” differs from row {row} of the same agreement",
  },
  "agreements.sheet.sameLineAndDate": {
    zh: "同一协议行、同一申报日期",
    en: "same agreement line and declaration date",
  },
} as const satisfies Record<string, Phrase>;
