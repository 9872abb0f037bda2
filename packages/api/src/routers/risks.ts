import { nowIso, RiskHistoryInput, riskHistory, risksAt, UpdateRiskInput, updateRisk } from "@relief/core";
import { LAYOUT_EDITORS, LAYOUT_READERS } from "@relief/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { allow } from "../trpc";

export const risksRouter = {
  /** The register in force now: every township's hazards (23 townships, a few each: one list). */
  list: allow(LAYOUT_READERS).query(({ ctx }) => risksAt(ctx.db, nowIso(ctx))),
  /** Every version of the register, latest first, with who, when, why and what changed; paged. */
  history: allow(LAYOUT_READERS)
    .input(RiskHistoryInput)
    .query(({ ctx, input }) => riskHistory(ctx.db, input)),
  update: allow(LAYOUT_EDITORS)
    .input(UpdateRiskInput)
    .mutation(({ ctx, input }) => updateRisk({ ctx, input })),
} satisfies TRPCRouterRecord;
