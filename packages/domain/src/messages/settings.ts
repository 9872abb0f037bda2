import type { Phrase } from "./define";

/** District settings, and the refusals they decide. */
export const settingsMessages = {
  "settings.planApproval.dispatcher": { zh: "调度人员审批", en: "Dispatchers approve" },
  "settings.planApproval.leader": { zh: "领导审批", en: "Leaders approve" },

  "settings.error.planApproval": {
    zh: "方案审批人须为调度人员或领导",
    en: "Plans are approved by dispatchers or by leaders",
  },
  "settings.error.nothingToChange": { zh: "没有要修改的设置", en: "No setting to change" },
  "settings.error.adminOnly": {
    zh: "只有管理员可以修改系统设置",
    en: "Only an administrator may change the district settings",
  },
  "settings.error.approvalByLeader": {
    zh: "本区已设置为由领导审批调运方案，请报领导审批",
    en: "The district has leaders approve dispatch plans; please ask a leader to approve it",
  },
  "settings.error.approvalByDispatcher": {
    zh: "本区调运方案由调度人员审批，领导审批未启用（可由管理员在系统设置中开启）",
    en: "Dispatchers approve dispatch plans in this district; leader approval is not enabled (an administrator can turn it on in the settings)",
  },
} as const satisfies Record<string, Phrase>;
