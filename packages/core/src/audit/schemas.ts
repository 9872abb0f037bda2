import { z } from "zod";
import { DATE_WINDOWS } from "../limits";
import { PageFields } from "../paging";
import { Instant } from "../schemas";

export const ListAuditInput = z.object({
  userId: z.number().int().positive().optional(),
  action: z.string().trim().max(100).optional(),
  targetType: z.string().trim().max(50).optional(),
  /** ISO date-time bounds, `from` inclusive, `to` exclusive. */
  from: Instant(DATE_WINDOWS.filter, "开始时间").optional(),
  to: Instant(DATE_WINDOWS.filter, "结束时间").optional(),
  ...PageFields,
});
export type ListAuditInput = z.input<typeof ListAuditInput>;
