/**
 * Reserve layout (储备布局优化): the township risk register and the layout advice. `landslide` stands for
 * landslide and debris flow (地质灾害); the district-wide 10 % case is a scenario of its own, not a hazard of
 * the register.
 */
export const RISK_HAZARDS = ["flood", "landslide", "earthquake", "fire"] as const;
export type RiskHazard = (typeof RISK_HAZARDS)[number];

/** A draft transfer from an accepted advice: nothing moves until it is posted through the usual 调拨. */
export const TRANSFER_DRAFT_STATUSES = ["draft", "posted", "discarded"] as const;
export type TransferDraftStatus = (typeof TRANSFER_DRAFT_STATUSES)[number];
