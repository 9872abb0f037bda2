import type { Phrase } from "./define";

/**
 * The enterprise portal (企业端): what an enterprise user is told. No message here names another enterprise:
 * a line, site or call-off that is not the user's own is simply not its own.
 */
export const portalMessages = {
  "portal.field.estimatedDeparture": { zh: "预计发车时间", en: "Estimated departure" },
  "portal.field.cannotDeliverReason": { zh: "无法交付的原因", en: "the reason it cannot be delivered" },
  "portal.field.canDeliver": { zh: "可交付数量", en: "Quantity that can be delivered" },

  "portal.error.notOwnLine": {
    zh: "不是本企业的协议储备行",
    en: "Not a stock line of one of your enterprise's agreements",
  },
  "portal.error.noOwnLine": {
    zh: "本企业没有协议 {number} 第 {lineNo} 行",
    en: "Your enterprise has no line {lineNo} of agreement {number}",
  },
  "portal.error.lineTwice": {
    zh: "协议 {number} 第 {lineNo} 行已在第 {first} 行申报，每行只申报一个合计数",
    en: "Line {lineNo} of agreement {number} is already declared on line {first}; declare one total per line",
  },
  "portal.error.notOwnSite": {
    zh: "存放仓库不是本企业的代储点",
    en: "The site is not one of your enterprise's sites",
  },
  "portal.error.departureBeforeRequest": {
    zh: "调用 {number} 的预计发车时间不能早于调用时间",
    en: "The estimated departure for call-off {number} cannot be before the call-off time",
  },
  "portal.error.canDeliverAll": {
    zh: "调用 {number} 共 {quantity}，可交付数量不少于调用数量时请确认调用并填写预计发车时间",
    en: "Call-off {number} asks for {quantity}: if all of it can be delivered, acknowledge it with an estimated departure instead",
  },
  "portal.error.canDeliverBelow": {
    zh: "应少于调用数量 {quantity}",
    en: "Must be less than the {quantity} called off",
  },
  "portal.note.cannotDeliver": {
    zh: "企业报告无法足额交付调用 {number}：{reason}",
    en: "The enterprise reported it cannot deliver call-off {number} in full: {reason}",
  },
} as const satisfies Record<string, Phrase>;
