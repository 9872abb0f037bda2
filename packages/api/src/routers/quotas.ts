import { listQuotas, nowIso, QuotasInput, UpdateQuotaInput, updateQuota } from "@relief/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { ALL_ROLES, allow, COVERAGE_EDITORS } from "../trpc";

export const quotasRouter = {
  list: allow(ALL_ROLES)
    .input(QuotasInput)
    .query(({ ctx, input }) => listQuotas(ctx.db, input.at ?? nowIso(ctx))),
  update: allow(COVERAGE_EDITORS)
    .input(UpdateQuotaInput)
    .mutation(({ ctx, input }) => updateQuota({ ctx, input })),
} satisfies TRPCRouterRecord;
