import { type Message, msg } from "./messages";

/** Expiry is not a status: a lot past its expiry date is expired by the date alone. */
export const LOT_STATUSES = ["available", "quarantined", "damaged", "recalled"] as const;
export type LotStatus = (typeof LOT_STATUSES)[number];

/**
 * Who owns (funded) the stock: coverage counts government stock apart from the rest. `loan`: lent by a
 * neighbouring district (mutual aid), the lender's until returned or written off; never Banan's own reserve.
 */
export const OWNERSHIPS = ["government", "agreement", "donation", "loan"] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const RECEIPT_KINDS = [
  "purchase",
  "central_allocation",
  "donation",
  "agreement_calloff",
  "requisition",
  "return",
  "mutual_aid",
] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];

/** The ownership a receipt implies unless stated: what funded the stock. */
export const DEFAULT_OWNERSHIP: Record<ReceiptKind, Ownership> = {
  purchase: "government",
  central_allocation: "government",
  requisition: "government",
  return: "government",
  donation: "donation",
  agreement_calloff: "agreement",
  mutual_aid: "loan",
};

/**
 * Why stock leaves a warehouse. What each may take: a write-off any lot (expired, damaged, on hold); a dispatch
 * its own reservation first, then usable stock; the others usable stock only, never what is reserved — a
 * rotation issue takes lots nearing expiry, which are still usable.
 */
export const ISSUE_REASONS = [
  "dispatch",
  "routine_relief",
  "rotation",
  "write_off",
  "donation_out",
  "drill",
  "mutual_aid",
] as const;
export type IssueReason = (typeof ISSUE_REASONS)[number];

export const DOCUMENT_TYPES = [
  "receipt",
  "issue",
  "transfer_out",
  "transfer_in",
  "adjustment",
  "reversal",
  "reserve",
  "release",
  "hold",
  "unhold",
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export function isDocumentType(value: string): value is DocumentType {
  return (DOCUMENT_TYPES as readonly string[]).includes(value);
}

/**
 * Adjustment reasons are data a district may extend, but the system seeds these codes and the catalog labels
 * them (stock.adjustmentReason.*); a reason added later is named only in the words it was typed in.
 */
export const SEEDED_ADJUSTMENT_REASONS = ["stocktake", "found", "damage", "loss", "correction"] as const;
export type SeededAdjustmentReason = (typeof SEEDED_ADJUSTMENT_REASONS)[number];

export function isSeededAdjustmentReason(code: string): code is SeededAdjustmentReason {
  return (SEEDED_ADJUSTMENT_REASONS as readonly string[]).includes(code);
}

/** A reason's name inside a message: the catalog's label of a seeded code, else the name typed for it. */
export function adjustmentReasonName(reason: { code: string; name: string }): Message | string {
  return isSeededAdjustmentReason(reason.code) ? msg(`stock.adjustmentReason.${reason.code}`) : reason.name;
}

export const STOCK_COUNT_STATUSES = ["open", "submitted", "cancelled"] as const;
export type StockCountStatus = (typeof STOCK_COUNT_STATUSES)[number];
