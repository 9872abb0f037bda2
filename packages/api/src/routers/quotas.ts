import { listQuotas, nowIso, QuotasInput, UpdateQuotaInput, updateQuota } from "@relief/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { allow, COVERAGE_EDITORS, STAFF } from "../trpc";

export const quotasRouter = {
  list: allow(STAFF)
    .input(QuotasInput)
    .query(({ ctx, input }) => listQuotas(ctx.db, input.at ?? nowIso(ctx))),
  update: allow(COVERAGE_EDITORS)
    .input(UpdateQuotaInput)
    .mutation(({ ctx, input }) => updateQuota({ ctx, input })),
} satisfies TRPCRouterRecord;
