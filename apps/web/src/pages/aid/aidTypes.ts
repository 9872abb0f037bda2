import { AID_DIRECTIONS, AID_EDITORS, AID_STATUSES } from "@relief/domain";
import type { Role, RouterOutputs } from "../../lib/api-types";

/** The mutual-aid pages' shapes, read from the aid and neighbours procedures' types. */
export type AidRow = RouterOutputs["aid"]["list"]["rows"][number];
export type AidView = RouterOutputs["aid"]["get"];
export type AidLine = AidView["lines"][number];
export type AidDirection = AidRow["direction"];
export type AidStatus = AidRow["status"];
export type AidDraft = RouterOutputs["aid"]["draft"];
export type AidOutboundPlan = NonNullable<RouterOutputs["aid"]["outboundPlan"]>;
export type AidTrip = AidOutboundPlan["trips"][number];
export type LoanRow = RouterOutputs["aid"]["loans"]["rows"][number];
export type NeighbourRow = RouterOutputs["neighbours"]["list"]["rows"][number];
export type NeighbourView = RouterOutputs["neighbours"]["get"];

export { AID_DIRECTIONS, AID_STATUSES };

/** A request still under way: replies may be recorded, goods may move, it may be cancelled. */
export function isActive(status: AidStatus): boolean {
  return status === "open" || status === "promised";
}

/** Keeping the register and the requests (raise, record a reply, cancel), as the server's AID_EDITORS say. */
export function canEditAid(role: Role): boolean {
  return AID_EDITORS.includes(role);
}
