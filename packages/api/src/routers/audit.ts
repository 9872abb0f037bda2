import { ListAuditInput, listAudit } from "@relief/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { ADMIN, allow } from "../trpc";

export const auditRouter = {
  list: allow(ADMIN)
    .input(ListAuditInput)
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
} satisfies TRPCRouterRecord;
