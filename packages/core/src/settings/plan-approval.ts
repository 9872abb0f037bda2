import type { DbOrTx } from "@relief/db";
import { mayApprovePlan, msg } from "@relief/domain";
import type { Actor } from "../context";
import { ForbiddenError } from "../errors";
import { getSettings } from "./get";

/**
 * Narrows `dispatch.approve` (declared for administrators, dispatchers and leaders) to the district's choice:
 * dispatchers approve unless the district has leaders approve, and then only leaders (administrators always).
 */
export function assertMayApprovePlan(db: DbOrTx, actor: Actor): void {
  const { planApproval } = getSettings(db);
  if (mayApprovePlan(actor.role, { planApproval })) return;
  throw new ForbiddenError(
    msg(
      planApproval === "leader" ? "settings.error.approvalByLeader" : "settings.error.approvalByDispatcher",
    ),
  );
}
