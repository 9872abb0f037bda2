import type { Phrase } from "./define";

/** The relief fleet: vehicle types, statuses and owners, and the refusals of the fleet register. */
export const vehiclesMessages = {
  // Labels of the codes in ../dispatch.ts.
  "vehicles.type.light": { zh: "轻型厢式货车 4.2 米", en: "Light box truck 4.2 m" },
  "vehicles.type.medium": { zh: "中型货车 6.8 米", en: "Medium truck 6.8 m" },
  "vehicles.type.heavy": { zh: "重型货车 9.6 米", en: "Heavy truck 9.6 m" },
  "vehicles.type.other": { zh: "其他车辆", en: "Other vehicle" },
  "vehicles.status.available": { zh: "可用", en: "Available" },
  "vehicles.status.on_task": { zh: "执行任务中", en: "On a task" },
  "vehicles.status.maintenance": { zh: "维修保养", en: "In maintenance" },
  "vehicles.owner.government": { zh: "政府车辆", en: "Government" },
  "vehicles.owner.agreement": { zh: "协议运力", en: "Agreement truck" },

  // Field labels named inside messages.
  "vehicles.field.plate": { zh: "车牌号", en: "the plate" },
  "vehicles.field.type": { zh: "车型", en: "Vehicle type" },
  "vehicles.field.payloadKg": { zh: "载重（千克）", en: "Payload (kg)" },
  "vehicles.field.volumeM3": { zh: "容积（立方米）", en: "Load volume (m³)" },
  "vehicles.field.homeWarehouse": { zh: "所属仓库", en: "Home warehouse" },
  "vehicles.field.driver": { zh: "驾驶员", en: "Driver" },
  "vehicles.field.phone": { zh: "联系电话", en: "Phone" },
  "vehicles.field.status": { zh: "状态", en: "Status" },
  "vehicles.field.owner": { zh: "权属", en: "Owner" },
  "vehicles.field.note": { zh: "备注", en: "Note" },

  "vehicles.error.notFound": { zh: "车辆 #{id} 不存在", en: "Vehicle #{id} does not exist" },
  "vehicles.error.plateFormat": {
    zh: "车牌号“{plate}”格式不正确：应为省份简称 + 发牌机关字母 + 5 位号码，新能源车 6 位（如 {examples}）",
    en: "Plate “{plate}” is not valid: expected a province character, an issuing-office letter and 5 characters, 6 for a new-energy vehicle (e.g. {examples})",
  },
  "vehicles.error.plateTaken": {
    zh: "车牌号 {plate} 已登记",
    en: "Plate {plate} is already registered",
  },
  "vehicles.error.plateExists": { zh: "该车牌已登记", en: "This plate is already registered" },
  "vehicles.error.payloadAtMost": {
    zh: "载重最多 {max} 千克",
    en: "Payload at most {max} kg",
  },
  "vehicles.error.volumeAtMost": {
    zh: "容积最多 {max} 立方米",
    en: "Load volume at most {max} m³",
  },
  "vehicles.error.phoneFormat": {
    zh: "联系电话只能包含数字、空格和 + - ( )",
    en: "The phone number may contain only digits, spaces and + - ( )",
  },
  "vehicles.error.warehouseInactive": {
    zh: "仓库 {name}（{code}）已停用，不能作为车辆的所属仓库",
    en: "Warehouse {name} ({code}) is no longer in use and cannot be a vehicle's home",
  },
  "vehicles.error.chooseActiveWarehouse": {
    zh: "请选择在用的仓库",
    en: "Please choose a warehouse in use",
  },
  "vehicles.error.lineRequired": {
    zh: "协议车辆须指定运力储备协议或协议储备协议的协议行",
    en: "An agreement truck must name a line of a transport or a stock-reserve agreement",
  },
  "vehicles.error.lineOnlyForAgreement": {
    zh: "政府车辆不能指定协议行",
    en: "A government vehicle names no agreement line",
  },
  "vehicles.error.lineCarriesNoTrucks": {
    zh: "协议 {number} 第 {line} 行既不是运力储备，也不是存放在企业仓库的协议储备，不能登记车辆",
    en: "Line {line} of agreement {number} is neither a transport reserve nor stock held at an enterprise site; no vehicle can be registered under it",
  },
  "vehicles.error.homeNotLineSite": {
    zh: "协议 {number} 第 {line} 行的物资存放在{warehouse}，其配送车辆的所属仓库须为{warehouse}",
    en: "Line {line} of agreement {number} holds its goods at {warehouse}: its delivery trucks must be homed at {warehouse}",
  },
  "vehicles.error.agreementNotInForce": {
    zh: "协议 {number} 当前{status}，不能为其登记车辆",
    en: "Agreement {number} is {status}; no vehicle can be registered under it",
  },
  "vehicles.error.typeMismatch": {
    zh: "协议 {number} 第 {line} 行约定的车型是{expected}，本车车型为{actual}",
    en: "Line {line} of agreement {number} commits the type {expected}; this vehicle's type is {actual}",
  },
  "vehicles.error.lineFull": {
    zh: "协议 {number} 第 {line} 行约定 {quantity} 辆，已登记 {registered} 辆，不能再登记",
    en: "Line {line} of agreement {number} commits {quantity} trucks and {registered} are registered; no more can be",
  },
  "vehicles.error.mayNotEdit": {
    zh: "{role}只能登记和修改协议运力车辆，{plate} 是政府车辆",
    en: "{role} may register and edit only agreement trucks; {plate} is a government vehicle",
  },
  "vehicles.error.governmentOnlyByDispatchers": {
    zh: "政府车辆由调度人员登记和修改",
    en: "Government vehicles are registered and edited by dispatchers",
  },

  // Fleet spreadsheet.
  "vehicles.file.export": { zh: "车辆_{date}.xlsx", en: "vehicles_{date}.xlsx" },
  "vehicles.error.duplicateRow": {
    zh: "车牌号与第 {row} 行重复",
    en: "Same plate as row {row}",
  },
  "vehicles.error.warehouseUnknown": {
    zh: "仓库编码 {code} 不存在",
    en: "Warehouse code {code} does not exist",
  },
  "vehicles.error.lineUnknown": {
    zh: "协议 {number} 没有第 {line} 行",
    en: "Agreement {number} has no line {line}",
  },
  "vehicles.error.lineIncomplete": {
    zh: "协议编号和行号须同时填写",
    en: "Fill in both the agreement number and the line number",
  },
} as const satisfies Record<string, Phrase>;
