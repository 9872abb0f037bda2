/** 生产企业, 批发零售, 物流运输, 其他. */
export const ENTERPRISE_KINDS = ["manufacturer", "wholesale_retail", "logistics", "other"] as const;
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];

export const ENTERPRISE_STATUSES = ["active", "suspended"] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

/** Credit grades: A–D from the score, "unrated" while the enterprise has no credit history at all. */
export const CREDIT_GRADES = ["A", "B", "C", "D", "unrated"] as const;
export type CreditGrade = (typeof CREDIT_GRADES)[number];
