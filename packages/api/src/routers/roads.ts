import {
  ClosuresForIncidentInput,
  CreateRoadEdgeInput,
  CreateRoadNodeInput,
  closuresForIncident,
  createRoadEdge,
  createRoadNode,
  exportRoads,
  importRoads,
  ListRoadEdgesInput,
  listRoadEdges,
  listRoads,
  nowIso,
  RoadHistoryInput,
  roadHistory,
  SetRoadStatusInput,
  setRoadStatus,
  UpdateRoadEdgeInput,
  UpdateRoadNodeInput,
  UploadInput,
  updateRoadEdge,
  updateRoadNode,
} from "@relief/core";
import { DISPATCH_READERS, DISPATCHERS } from "@relief/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { fromBase64, toDownload } from "../files";
import { allow } from "../trpc";

export const roadsRouter = {
  list: allow(DISPATCH_READERS).query(({ ctx }) => listRoads(ctx.db)),
  edges: allow(DISPATCH_READERS)
    .input(ListRoadEdgesInput)
    .query(({ ctx, input }) => listRoadEdges(ctx.db, input)),
  history: allow(DISPATCH_READERS)
    .input(RoadHistoryInput)
    .query(({ ctx, input }) => roadHistory(ctx.db, input)),
  closures: allow(DISPATCH_READERS)
    .input(ClosuresForIncidentInput)
    .query(({ ctx, input }) => closuresForIncident(ctx.db, input, nowIso(ctx))),
  setStatus: allow(DISPATCHERS)
    .input(SetRoadStatusInput)
    .mutation(({ ctx, input }) => setRoadStatus({ ctx, input })),
  createNode: allow(DISPATCHERS)
    .input(CreateRoadNodeInput)
    .mutation(({ ctx, input }) => createRoadNode({ ctx, input })),
  updateNode: allow(DISPATCHERS)
    .input(UpdateRoadNodeInput)
    .mutation(({ ctx, input }) => updateRoadNode({ ctx, input })),
  createEdge: allow(DISPATCHERS)
    .input(CreateRoadEdgeInput)
    .mutation(({ ctx, input }) => createRoadEdge({ ctx, input })),
  updateEdge: allow(DISPATCHERS)
    .input(UpdateRoadEdgeInput)
    .mutation(({ ctx, input }) => updateRoadEdge({ ctx, input })),
  exportSheet: allow(DISPATCH_READERS).query(({ ctx }) => toDownload(exportRoads(ctx.db, nowIso(ctx)))),
  importSheet: allow(DISPATCHERS)
    .input(UploadInput)
    .mutation(({ ctx, input }) =>
      importRoads({ ctx, input: { fileName: input.fileName, content: fromBase64(input.contentBase64) } }),
    ),
} satisfies TRPCRouterRecord;
