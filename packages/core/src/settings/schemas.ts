import { m, PLAN_APPROVERS } from "@relief/domain";
import { z } from "zod";

/** The settings an administrator changes; a key left out keeps its value, an unknown key is dropped. */
export const UpdateSettingsInput = z
  .object({
    planApproval: z.enum(PLAN_APPROVERS, { error: m("settings.error.planApproval") }),
  })
  .partial();
export type UpdateSettingsInput = z.infer<typeof UpdateSettingsInput>;
