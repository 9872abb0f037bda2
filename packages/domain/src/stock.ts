/** Expiry is not a status: a lot past its expiry date is expired by the date alone. */
export const LOT_STATUSES = ["available", "quarantined", "damaged", "recalled"] as const;
export type LotStatus = (typeof LOT_STATUSES)[number];

/** Who owns (funded) the stock: coverage counts government stock apart from the rest. */
export const OWNERSHIPS = ["government", "agreement", "donation"] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const RECEIPT_KINDS = [
  "purchase",
  "central_allocation",
  "donation",
  "agreement_calloff",
  "requisition",
  "return",
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
};

export const ISSUE_REASONS = ["dispatch", "write_off", "donation_out"] as const;
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

export const STOCK_COUNT_STATUSES = ["open", "submitted", "cancelled"] as const;
export type StockCountStatus = (typeof STOCK_COUNT_STATUSES)[number];
