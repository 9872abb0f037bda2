import type { Role } from "./roles";

/**
 * District settings: choices an administrator makes once for the whole district. Each setting is one row of
 * `district_settings`; a setting never written holds its default.
 */

/**
 * Who approves a dispatch plan into orders (审批): the dispatcher who made it, or — when the district wants a
 * second pair of eyes on every commitment of stock — a leader. Administrators may always approve.
 */
export const PLAN_APPROVERS = ["dispatcher", "leader"] as const;
export type PlanApprover = (typeof PLAN_APPROVERS)[number];

export interface DistrictSettings {
  planApproval: PlanApprover;
}

export const DEFAULT_SETTINGS: Readonly<DistrictSettings> = { planApproval: "dispatcher" };
export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as Array<keyof DistrictSettings>;

/** Who may call `dispatch.approve` at all; the core narrows it by the district's `planApproval`. */
export const PLAN_APPROVAL_ROLES: readonly Role[] = ["admin", "dispatcher", "leader"];

/** Whether the role may approve a plan under the district's settings. */
export function mayApprovePlan(role: Role, settings: Pick<DistrictSettings, "planApproval">): boolean {
  return role === "admin" || role === settings.planApproval;
}
