/**
 * 协议储备 (goods held for the government), 产能储备 (units per day after a call-off),
 * 运力储备 (trucks of a type within a number of hours).
 */
export const AGREEMENT_KINDS = ["stock", "production", "transport"] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** The district's truck classes: 4.2 m light box truck, 6.8 m medium, 9.6 m heavy. */
export const VEHICLE_TYPES = ["light", "medium", "heavy"] as const;
export type VehicleType = (typeof VEHICLE_TYPES)[number];

export const DECLARATION_SOURCES = ["entered", "imported"] as const;
export type DeclarationSource = (typeof DECLARATION_SOURCES)[number];

/**
 * An enterprise's own declaration starts submitted and counts only once the commerce bureau accepts it; a
 * declaration the bureau types itself is accepted as it is recorded.
 */
export const DECLARATION_STATUSES = ["submitted", "accepted", "returned"] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];
export const DECLARATION_DECISIONS = ["accept", "return"] as const;
export type DeclarationDecision = (typeof DECLARATION_DECISIONS)[number];
/** An agreement line is declared every this many months unless the agreement says otherwise (monthly). */
export const DEFAULT_DECLARATION_MONTHS = 1;

/** Events noted on an enterprise's credit record (信用记录). */
export const CREDIT_EVENT_KINDS = [
  "failed_delivery",
  "refused_inspection",
  "false_declaration",
  "commendation",
] as const;
export type CreditEventKind = (typeof CREDIT_EVENT_KINDS)[number];

/** The terms of an enterprise's credit score: the delivery rates, inspection discrepancies and each event kind. */
export const CREDIT_TERMS = ["onTimeRate", "fillRate", "discrepancies", ...CREDIT_EVENT_KINDS] as const;
export type CreditTerm = (typeof CREDIT_TERMS)[number];

/** 未生效, 有效, 即将到期 (30 days or fewer left), 已到期, 已终止 — always derived from the dates. */
export const AGREEMENT_STATUSES = ["pending", "active", "expiring", "expired", "terminated"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** 待交付, 已逾期, 按时交付, 逾期交付, 未足额交付, 未交付, 已取消. */
export const CALLOFF_STATUSES = [
  "open",
  "overdue",
  "on_time",
  "late",
  "partial",
  "failed",
  "cancelled",
] as const;
export type CalloffStatus = (typeof CALLOFF_STATUSES)[number];
