import { nowIso, risksAt, UpdateRiskInput, updateRisk } from "@relief/core";
import { LAYOUT_EDITORS, LAYOUT_READERS } from "@relief/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { allow } from "../trpc";

export const risksRouter = {
  /** The register in force now: every township's hazards (23 townships, a few each: one list). */
  list: allow(LAYOUT_READERS).query(({ ctx }) => risksAt(ctx.db, nowIso(ctx))),
  update: allow(LAYOUT_EDITORS)
    .input(UpdateRiskInput)
    .mutation(({ ctx, input }) => updateRisk({ ctx, input })),
} satisfies TRPCRouterRecord;
