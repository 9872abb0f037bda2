/** A quota counts base units of the category's items (顶, 床) or their weight (kg; water as 1 L = 1 kg). */
export const QUOTA_MEASURES = ["unit", "kg"] as const;
export type QuotaMeasure = (typeof QUOTA_MEASURES)[number];

/** Per person (1 quilt; 1 tent per 3 persons) or per household (one family kit per household). */
export const QUOTA_BASES = ["person", "household"] as const;
export type QuotaBasis = (typeof QUOTA_BASES)[number];

/** `winter`: the category is required from 1 November to 31 March only (padded coats). */
export const QUOTA_SEASONS = ["all", "winter"] as const;
export type QuotaSeason = (typeof QUOTA_SEASONS)[number];

export const SHELTER_TYPES = ["park", "square", "school", "stadium", "other"] as const;
export type ShelterType = (typeof SHELTER_TYPES)[number];

/** 可用, 维护中, 停用: only open shelters count toward the 20 % figure. */
export const SHELTER_STATUSES = ["open", "maintenance", "closed"] as const;
export type ShelterStatus = (typeof SHELTER_STATUSES)[number];

export const SNAPSHOT_TRIGGERS = ["manual", "daily"] as const;
export type SnapshotTrigger = (typeof SNAPSHOT_TRIGGERS)[number];
