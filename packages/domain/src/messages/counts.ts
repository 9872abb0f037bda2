import type { Phrase } from "./define";

/** Stocktakes (盘点): entering counts in packs and why a count cannot be posted yet. */
export const countsMessages = {
  "stock.count.field.packs": { zh: "整件数", en: "Whole packs" },
  "stock.count.field.loose": { zh: "散件数", en: "Loose units" },
  "stock.count.lineName": { zh: "“{item}”批次 {lot}", en: "“{item}” lot {lot}" },
  "stock.count.othersCount": { zh: "另 {count} 行", en: "{count} more" },
  "stock.count.error.onLine": { zh: "{line}：{message}", en: "{line}: {message}" },
  "stock.count.error.uncounted": {
    zh: "还有 {count} 行未盘点，全部录入实盘数量后才能提交：{lines}",
    en: "{count} lines are not counted yet; every line needs a counted quantity before posting: {lines}",
  },
} as const satisfies Record<string, Phrase>;
