import type { MessageKey } from "../../i18n";

/** Names for the actions the server records; anything else is shown by its code alone. */
export const ACTION_LABELS: Readonly<Record<string, MessageKey>> = {
  "auth.login": "audit.action.login",
  "auth.login.failed": "audit.action.loginFailed",
  "auth.login.throttled": "audit.action.loginThrottled",
  "auth.logout": "audit.action.logout",
  "auth.changePassword": "audit.action.changePassword",
  "users.create": "audit.action.userCreate",
  "users.update": "audit.action.userUpdate",
  "users.resetPassword": "audit.action.userResetPassword",
  "settings.update": "audit.action.settingsUpdate",
  "areas.update": "audit.action.areaUpdate",
  "areas.create": "audit.action.areaCreate",
  "areas.remove": "audit.action.areaRemove",
  "areas.importPopulation": "audit.action.areaImport",
  "stock.importReceipts": "audit.action.stockImportReceipts",
  "seed.banan": "audit.action.seed",
};

export const TARGET_LABELS: Readonly<Record<string, MessageKey>> = {
  user: "audit.target.user",
  area: "audit.target.area",
};

/** Prefixes offered in the action filter; any other prefix may be typed. */
export const ACTION_PREFIXES = ["auth.", "users.", "areas."] as const;
