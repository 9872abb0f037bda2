import type { Role } from "./roles";

/**
 * Mutual aid (跨区互助) with the neighbouring districts: who asks whom, where a request stands, and who may do
 * what. A request `out` is Banan asking a neighbour; `in` is a neighbour asking Banan.
 */
export const AID_DIRECTIONS = ["out", "in"] as const;
export type AidDirection = (typeof AID_DIRECTIONS)[number];

/**
 * open: sent (out) or recorded (in), no answer yet; promised: the neighbour's reply is recorded (out only);
 * closed: the goods arrived (out) or left Banan (in); cancelled: withdrawn, with its reason.
 */
export const AID_STATUSES = ["open", "promised", "closed", "cancelled"] as const;
export type AidStatus = (typeof AID_STATUSES)[number];

/** A request still waiting for goods: a reply may be recorded and, when promised, the plan counts on it. */
export function isAidActive(status: AidStatus): boolean {
  return status === "open" || status === "promised";
}

/** Request numbers: 互助 HZ, the month and a sequence (HZ-202611-0001). */
export const AID_NUMBER_PREFIX = "HZ";

/**
 * Who keeps the neighbour register and raises, answers and cancels requests: the dispatchers, who talk to the
 * neighbours' command centres in an emergency (and administrators). Civil affairs read the register. Goods
 * arriving and leaving (aid.receive, aid.issue) are stock postings: STOCK_KEEPERS, each in the warehouses the
 * core lets them post in, as for any receipt or issue.
 */
export const AID_EDITORS: readonly Role[] = ["admin", "dispatcher"];
