import type { Phrase } from "./define";

/** The warehouse register: who owns a warehouse, its enterprise, its keepers. */
export const warehousesMessages = {
  "warehouses.owner.civil_affairs": { zh: "民政部门", en: "the civil affairs bureau" },
  "warehouses.owner.commerce": { zh: "商务部门", en: "the commerce bureau" },
  "warehouses.error.notFound": { zh: "仓库 #{id} 不存在", en: "Warehouse #{id} does not exist" },
  "warehouses.error.mayNotManage": {
    zh: "仓库 {name}（{code}）由{owner}管理，{role}无权修改",
    en: "Warehouse {name} ({code}) is managed by {owner}; {role} may not change it",
  },
  "warehouses.error.kindNotAllowed": {
    zh: "{role}不能登记{owner}管理的仓库类型",
    en: "{role} cannot register a kind of warehouse managed by {owner}",
  },
  "warehouses.error.kindOwnedBy": { zh: "该类型由{owner}管理", en: "This kind is managed by {owner}" },
  "warehouses.error.holdsAgreementStock": {
    zh: "仓库 {name}（{code}）存放协议 {numbers} 的储备，不能改变其类型或所属企业",
    en: "Warehouse {name} ({code}) holds the reserves of agreements {numbers}; its kind and enterprise cannot change",
  },
  "warehouses.error.agreementSite": {
    zh: "协议 {numbers} 的存放仓库",
    en: "Storage site of agreements {numbers}",
  },
  "warehouses.error.enterpriseOnlyForEnterpriseKind": {
    zh: "只有企业仓库可以指定所属企业",
    en: "Only an enterprise warehouse can name an enterprise",
  },
  "warehouses.error.notEnterpriseKind": {
    zh: "仓库类型不是“企业仓库”",
    en: "The warehouse kind is not “Enterprise warehouse”",
  },
  "warehouses.error.enterpriseSiteNeedsEnterprise": {
    zh: "企业代储点须指定运营它的合作企业",
    en: "An enterprise site must name the partner enterprise operating it",
  },
  "warehouses.error.chooseOperatingEnterprise": {
    zh: "请选择运营该代储点的企业",
    en: "Choose the enterprise operating this site",
  },
  "warehouses.error.enterpriseNotFound": {
    zh: "企业 #{id} 不存在",
    en: "Enterprise #{id} does not exist",
  },
  "warehouses.error.chooseRegisteredEnterprise": {
    zh: "请选择已登记的企业",
    en: "Please choose a registered enterprise",
  },
  "warehouses.error.codeTaken": { zh: "仓库编码 {code} 已存在", en: "Warehouse code {code} already exists" },
  "warehouses.error.codeExists": { zh: "编码已存在", en: "Code already exists" },
  "warehouses.error.keepersCivilAffairsOnly": {
    zh: "只能为民政用户分配仓库",
    en: "Warehouses can only be assigned to civil affairs users",
  },
  "warehouses.error.notCivilAffairsUsers": {
    zh: "用户 #{ids} 不是民政用户",
    en: "Users #{ids} are not civil affairs users",
  },
  "warehouses.error.codeFormat": {
    zh: "编码须为 2–20 位大写字母、数字或 -",
    en: "The code is 2–20 upper-case letters, digits or -",
  },
  "warehouses.error.enterName": { zh: "请填写名称", en: "Please fill in the name" },
  "warehouses.error.invalidKind": { zh: "仓库类型无效", en: "The warehouse kind is not valid" },
  "warehouses.error.enterOrganisation": { zh: "请填写所属单位", en: "Please fill in the organisation" },
  "warehouses.error.volumeNegative": { zh: "容积应为非负数", en: "The capacity in m³ cannot be negative" },
  "warehouses.error.phoneFormat": {
    zh: "电话只能包含数字、空格和 + - ( )",
    en: "The phone number may hold only digits, spaces and + - ( )",
  },
  "warehouses.error.loadMinutesInteger": {
    zh: "装车时间应为整数分钟",
    en: "The loading time is a whole number of minutes",
  },
  "warehouses.error.loadMinutesNegative": {
    zh: "装车时间不能为负数",
    en: "The loading time cannot be negative",
  },
  "warehouses.error.loadMinutesAtMost24h": {
    zh: "装车时间不超过 24 小时",
    en: "The loading time is at most 24 hours",
  },
} as const satisfies Record<string, Phrase>;
