import type { Phrase } from "./define";

/** The commerce bureau's review of the declarations enterprises submit, and the overdue list. */
export const declarationsMessages = {
  "declarations.status.submitted": { zh: "待审核", en: "Awaiting review" },
  "declarations.status.accepted": { zh: "已采纳", en: "Accepted" },
  "declarations.status.returned": { zh: "已退回", en: "Returned" },
  "declarations.decision.accept": { zh: "采纳", en: "Accept" },
  "declarations.decision.return": { zh: "退回", en: "Return" },
  "declarations.field.decision": { zh: "审核结果", en: "Decision" },
  "declarations.field.returnReason": { zh: "退回原因", en: "the reason for returning it" },

  "declarations.error.notFound": { zh: "申报 #{id} 不存在", en: "Declaration #{id} does not exist" },
  "declarations.error.alreadyReviewed": {
    zh: "申报 #{id} 已审核（{status}），不能再次审核",
    en: "Declaration #{id} has already been reviewed ({status})",
  },
} as const satisfies Record<string, Phrase>;
