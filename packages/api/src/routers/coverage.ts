import {
  CoverageInput,
  getSnapshot,
  homeDashboard,
  listSnapshots,
  nowIso,
  ReportInput,
  SnapshotsInput,
  takeSnapshot,
} from "@relief/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { toDownload } from "../files";
import { allow, COVERAGE_EDITORS, STAFF } from "../trpc";

export const coverageRouter = {
  summary: allow(STAFF)
    .input(CoverageInput)
    .query(({ ctx, input }) => ctx.offload("coverage.summary", input)),
  dashboard: allow(STAFF).query(({ ctx }) => homeDashboard(ctx.db, nowIso(ctx))),
  byTownship: allow(STAFF)
    .input(CoverageInput)
    .query(({ ctx, input }) => ctx.offload("coverage.byTownship", input)),
  snapshots: allow(STAFF)
    .input(SnapshotsInput)
    .query(({ ctx, input }) => listSnapshots(ctx.db, input, nowIso(ctx))),
  snapshot: allow(STAFF)
    .input(z.object({ id: z.number().int().positive() }))
    .query(({ ctx, input }) => getSnapshot(ctx.db, input.id)),
  takeSnapshot: allow(COVERAGE_EDITORS).mutation(({ ctx }) => takeSnapshot({ ctx })),
  exportReport: allow(STAFF)
    .input(ReportInput)
    .query(async ({ ctx, input }) => toDownload(await ctx.offload("coverage.exportReport", input))),
} satisfies TRPCRouterRecord;
