import type { Phrase } from "./define";

/** The item catalog: items, their packs and categories. */
export const itemsMessages = {
  "items.error.categoryNotFound": { zh: "物资类别不存在", en: "The item category does not exist" },
  "items.error.chooseCategory": { zh: "请选择类别", en: "Please choose a category" },
  "items.error.codeTaken": { zh: "物资编码 {code} 已存在", en: "Item code {code} already exists" },
  "items.error.codeExists": { zh: "编码已存在", en: "Code already exists" },
  "items.error.notFound": { zh: "物资 #{id} 不存在", en: "Item #{id} does not exist" },
  "items.error.baseUnitLocked": {
    zh: "“{item}”已有库存记录，基本单位（{unit}）不能修改",
    en: "“{item}” already has stock records; its base unit ({unit}) cannot be changed",
  },
  "items.error.hasStockRecords": {
    zh: "已有库存记录，不能修改",
    en: "Stock records exist; this cannot be changed",
  },
  "items.error.codeFormat": {
    zh: "编码须为 2–30 位大写字母、数字或 -",
    en: "The code is 2–30 upper-case letters, digits or -",
  },
  "items.error.enterName": { zh: "请填写名称", en: "Please fill in the name" },
  "items.error.enterBaseUnit": { zh: "请填写基本单位", en: "Please fill in the base unit" },
  "items.error.weightNegative": { zh: "单位重量不能为负数", en: "The weight per unit cannot be negative" },
  "items.error.volumeNegative": { zh: "单位体积不能为负数", en: "The volume per unit cannot be negative" },
  "items.error.shelfLifeWholeMonths": {
    zh: "保质期应为整月",
    en: "The shelf life is a whole number of months",
  },
  "items.error.shelfLifeAtLeastOne": { zh: "保质期至少 1 个月", en: "The shelf life is at least 1 month" },
  "items.error.enterPackUnit": { zh: "请填写包装单位", en: "Please fill in the pack unit" },
  "items.error.packQuantityInteger": {
    zh: "包装数量应为整数",
    en: "The pack quantity must be a whole number",
  },
  "items.error.packAtLeastTwo": { zh: "每包装至少 2 个基本单位", en: "A pack holds at least 2 base units" },
  "items.error.packSameAsBase": {
    zh: "包装单位不能与基本单位相同",
    en: "A pack unit cannot be the base unit",
  },
  "items.error.packDuplicate": { zh: "包装单位重复", en: "Pack unit listed twice" },
} as const satisfies Record<string, Phrase>;
