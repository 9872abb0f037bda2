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
} as const satisfies Record<string, Phrase>;
