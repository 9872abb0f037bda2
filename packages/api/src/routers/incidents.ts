import {
  CreateIncidentInput,
  closeIncident,
  createIncident,
  exportIncidentSummary,
  getIncident,
  IncidentIdInput,
  IncidentRefInput,
  incidentNeeds,
  incidentProgress,
  incidentSummaryReport,
  ListIncidentsInput,
  listIncidents,
  nowIso,
  OverrideNeedInput,
  overrideNeed,
  RemovePackageLineInput,
  ReportIncidentInput,
  removePackageLine,
  reportIncident,
  SetPackageLineInput,
  setPackageLine,
} from "@relief/core";
import { DISPATCH_READERS, DISPATCHERS } from "@relief/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { toDownload } from "../files";
import { allow } from "../trpc";

export const incidentsRouter = {
  list: allow(DISPATCH_READERS)
    .input(ListIncidentsInput)
    .query(({ ctx, input }) => listIncidents(ctx.db, input)),
  get: allow(DISPATCH_READERS)
    .input(IncidentIdInput)
    .query(({ ctx, input }) => getIncident(ctx.db, input.id)),
  needs: allow(DISPATCH_READERS)
    .input(IncidentRefInput)
    .query(({ ctx, input }) => incidentNeeds(ctx.db, input.incidentId)),
  /** Per area and item: needed, planned, reserved, in transit, delivered; people served against the deadline. */
  progress: allow(DISPATCH_READERS)
    .input(IncidentRefInput)
    .query(({ ctx, input }) => incidentProgress(ctx.db, input, nowIso(ctx))),
  /** The summary report as the print page shows it; `exportSummary` writes the same as .xlsx. */
  summary: allow(DISPATCH_READERS)
    .input(IncidentRefInput)
    .query(({ ctx, input }) => incidentSummaryReport(ctx.db, input, nowIso(ctx))),
  exportSummary: allow(DISPATCH_READERS)
    .input(IncidentRefInput)
    .query(({ ctx, input }) => toDownload(exportIncidentSummary(ctx.db, input, nowIso(ctx)))),
  create: allow(DISPATCHERS)
    .input(CreateIncidentInput)
    .mutation(({ ctx, input }) => createIncident({ ctx, input })),
  report: allow(DISPATCHERS)
    .input(ReportIncidentInput)
    .mutation(({ ctx, input }) => reportIncident({ ctx, input })),
  setPackageLine: allow(DISPATCHERS)
    .input(SetPackageLineInput)
    .mutation(({ ctx, input }) => setPackageLine({ ctx, input })),
  removePackageLine: allow(DISPATCHERS)
    .input(RemovePackageLineInput)
    .mutation(({ ctx, input }) => removePackageLine({ ctx, input })),
  overrideNeed: allow(DISPATCHERS)
    .input(OverrideNeedInput)
    .mutation(({ ctx, input }) => overrideNeed({ ctx, input })),
  close: allow(DISPATCHERS)
    .input(IncidentIdInput)
    .mutation(({ ctx, input }) => closeIncident({ ctx, input })),
} satisfies TRPCRouterRecord;
