import { msg } from "@relief/domain";
import { z } from "zod";
import { DATE_WINDOWS } from "../limits";
import { PageFields } from "../paging";
import { Instant } from "../schemas";

export const ListAuditInput = z.object({
  userId: z.number().int().positive().optional(),
  action: z.string().trim().max(100).optional(),
  targetType: z.string().trim().max(50).optional(),
  /** ISO date-time bounds, `from` inclusive, `to` exclusive. */
  from: Instant(DATE_WINDOWS.filter, msg("common.field.from")).optional(),
  to: Instant(DATE_WINDOWS.filter, msg("common.field.to")).optional(),
  ...PageFields,
});
export type ListAuditInput = z.input<typeof ListAuditInput>;
