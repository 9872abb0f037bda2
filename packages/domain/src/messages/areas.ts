import type { Phrase } from "./define";

/** The district's register of townships and villages, and its population sheet. */
export const areasMessages = {
  "areas.error.notFound": { zh: "地区 #{id} 不存在", en: "Area #{id} does not exist" },
  "areas.error.siblingNameTaken": {
    zh: "同级已有名为“{name}”的地区",
    en: "An area named “{name}” already exists at this level",
  },
  "areas.error.duplicateName": { zh: "名称重复", en: "Name already used" },
  "areas.error.villageUnderTownship": {
    zh: "村/社区只能建在街道或镇之下",
    en: "A village or community can only be placed under a township",
  },
  "areas.error.chooseTownship": { zh: "请选择街道或镇", en: "Please choose a township" },
  "areas.error.invalidTownship": { zh: "所在镇街无效", en: "The township is not valid" },
  "areas.error.nameTakenIn": { zh: "{parent}已有“{name}”", en: "{parent} already has “{name}”" },
  "areas.error.onlyVillagesRemovable": {
    zh: "只能删除村或社区，区和镇街不可删除",
    en: "Only villages and communities can be removed; the district and townships cannot",
  },
  "areas.error.noSuchTownship": {
    zh: "{district}没有名为“{township}”的街道或镇",
    en: "{district} has no township named “{township}”",
  },
  "areas.error.seedNeedsEmptyDatabase": {
    zh: "数据库中已有数据，演示数据只能载入空数据库",
    en: "The database already holds data; the demo data can only be loaded into an empty database",
  },
  "areas.thisDistrict": { zh: "本区", en: "The district" },
  "areas.error.chooseLocatedTownship": { zh: "请选择所在镇街", en: "Please choose the township it is in" },
  "areas.error.floorAreaNegative": { zh: "面积应为非负数", en: "The floor area cannot be negative" },
  "areas.error.latitudeRange": { zh: "纬度应在 -90–90 之间", en: "The latitude must be between -90 and 90" },
  "areas.error.longitudeRange": {
    zh: "经度应在 -180–180 之间",
    en: "The longitude must be between -180 and 180",
  },
  "areas.error.populationInteger": {
    zh: "常住人口应为整数",
    en: "The resident population must be a whole number",
  },
  "areas.error.populationNegative": {
    zh: "常住人口不能为负数",
    en: "The resident population cannot be negative",
  },
  "areas.error.populationTooLarge": { zh: "常住人口过大", en: "The resident population is too large" },
  "areas.error.yearInteger": { zh: "统计年份应为整数", en: "The census year must be a whole number" },
  "areas.error.yearTooEarly": { zh: "统计年份不能早于 1949", en: "The census year cannot be before 1949" },
  "areas.error.yearInvalid": { zh: "统计年份无效", en: "The census year is not valid" },
  "areas.error.householdSizeRange": {
    zh: "户均人口应在 1–10 之间",
    en: "The household size must be between 1 and 10",
  },
  "areas.error.enterName": { zh: "请输入名称", en: "Please enter the name" },
  "areas.error.nameTooLong": { zh: "名称最多 50 个字符", en: "The name has at most 50 characters" },
  "areas.error.searchTooLong": {
    zh: "搜索内容最多 50 个字符",
    en: "The search text has at most 50 characters",
  },
  "areas.error.invalidPopulationBasis": {
    zh: "数据依据应为普查、官方统计或估算",
    en: "The basis must be census, official statistics or estimate",
  },
  "areas.error.contactNameTooLong": {
    zh: "收货联系人最多 40 个字符",
    en: "The receiving contact has at most 40 characters",
  },
  "areas.error.contactPhoneInvalid": {
    zh: "联系电话应为 5–20 位数字，可含空格、+、- 和括号",
    en: "The contact phone must be 5–20 digits, spaces, +, - or parentheses",
  },
  "areas.error.onlyVillagesCreatable": {
    zh: "只能新建村或社区",
    en: "Only villages and communities can be added",
  },
} as const satisfies Record<string, Phrase>;
