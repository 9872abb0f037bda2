import { isSeededAdjustmentReason } from "@relief/domain";
import type { Translate } from "../../i18n";

/**
 * An adjustment reason in the reader's language when the system seeded it; one the district added is shown
 * as it was typed, like any other data.
 */
export function adjustmentReasonLabel(reason: { code: string; name: string }, t: Translate): string {
  return isSeededAdjustmentReason(reason.code) ? t(`stock.adjustmentReason.${reason.code}`) : reason.name;
}
