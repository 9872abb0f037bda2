import type { AgreementStatus, CalloffStatus } from "@relief/domain";
import { type SQL, sql } from "drizzle-orm";
import { addDays, daysBetween } from "../time";

export type { AgreementStatus, CalloffStatus };

export const EXPIRING_WITHIN_DAYS = 30;
/** A verification older than this is flagged: the figure coverage counts may no longer be true. */
export const VERIFICATION_STALE_DAYS = 90;

export function agreementStatus(
  agreement: { startDate: string; endDate: string; terminatedOn: string | null },
  today: string,
): AgreementStatus {
  if (agreement.terminatedOn !== null && agreement.terminatedOn <= today) return "terminated";
  if (today < agreement.startDate) return "pending";
  if (today > agreement.endDate) return "expired";
  return daysBetween(today, agreement.endDate) <= EXPIRING_WITHIN_DAYS ? "expiring" : "active";
}

/**
 * `agreementStatus` as an SQL expression over the agreement aliased `a`, so lists filter, count and sort by
 * status in the database. The agreements tests check that both give the same answer for every agreement.
 */
export function agreementStatusSql(today: string): SQL<AgreementStatus> {
  return sql<AgreementStatus>`(CASE
    WHEN a.terminated_on IS NOT NULL AND a.terminated_on <= ${today} THEN 'terminated'
    WHEN ${today} < a.start_date THEN 'pending'
    WHEN ${today} > a.end_date THEN 'expired'
    WHEN a.end_date <= ${addDays(today, EXPIRING_WITHIN_DAYS)} THEN 'expiring'
    ELSE 'active' END)`;
}

/** Agreement stock counts toward coverage only while the agreement is in force. */
export function isInForce(status: AgreementStatus): boolean {
  return status === "active" || status === "expiring";
}

/**
 * What to check about an agreement stock line:
 * - `unverified`: never inspected;
 * - `verification_stale`: the last inspection is more than 90 days old;
 * - `declaration_outdated`: the latest declaration is older than the last inspection;
 * - `undeclared`: the enterprise never declared a figure;
 * - `below_commitment`: the last inspection found less than the agreement commits.
 */
export type LineFlag =
  | "unverified"
  | "verification_stale"
  | "declaration_outdated"
  | "undeclared"
  | "below_commitment";

export function stockLineFlags(
  line: {
    quantity: number;
    declaration: { declaredOn: string } | null;
    verification: { inspectedOn: string; quantity: number } | null;
  },
  today: string,
): LineFlag[] {
  const flags: LineFlag[] = [];
  const { declaration, verification } = line;
  if (!verification) flags.push("unverified");
  else {
    if (daysBetween(verification.inspectedOn, today) > VERIFICATION_STALE_DAYS)
      flags.push("verification_stale");
    if (declaration && declaration.declaredOn < verification.inspectedOn) flags.push("declaration_outdated");
    if (verification.quantity < line.quantity) flags.push("below_commitment");
  }
  if (!declaration) flags.push("undeclared");
  return flags;
}

export function calloffStatus(
  calloff: {
    quantity: number;
    requiredBy: string;
    deliveredQuantity: number | null;
    deliveredAt: string | null;
    cancelledAt: string | null;
  },
  nowIso: string,
): CalloffStatus {
  if (calloff.cancelledAt !== null) return "cancelled";
  if (calloff.deliveredAt === null || calloff.deliveredQuantity === null) {
    return nowIso > calloff.requiredBy ? "overdue" : "open";
  }
  if (calloff.deliveredQuantity === 0) return "failed";
  if (calloff.deliveredQuantity < calloff.quantity) return "partial";
  return calloff.deliveredAt <= calloff.requiredBy ? "on_time" : "late";
}

/** `calloffStatus` as an SQL expression over the call-off aliased `c` (checked against it in the tests). */
export function calloffStatusSql(nowIso: string): SQL<CalloffStatus> {
  return sql<CalloffStatus>`(CASE
    WHEN c.cancelled_at IS NOT NULL THEN 'cancelled'
    WHEN c.delivered_at IS NULL OR c.delivered_quantity IS NULL
      THEN CASE WHEN ${nowIso} > c.required_by THEN 'overdue' ELSE 'open' END
    WHEN c.delivered_quantity = 0 THEN 'failed'
    WHEN c.delivered_quantity < c.quantity THEN 'partial'
    WHEN c.delivered_at <= c.required_by THEN 'on_time'
    ELSE 'late' END)`;
}
