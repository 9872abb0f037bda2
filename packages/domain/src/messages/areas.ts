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
} as const satisfies Record<string, Phrase>;
