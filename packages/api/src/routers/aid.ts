import {
  AidCancelInput,
  AidIdInput,
  AidIncidentInput,
  AidIssueInput,
  AidReceiveInput,
  AidReplyInput,
  AidRequestInput,
  aidDraft,
  aidOutboundPlan,
  aidRequestSheet,
  cancelAid,
  exportLoans,
  getAid,
  issueAid,
  issueAidPlanned,
  ListAidInput,
  LoansInput,
  listAid,
  listLoans,
  nowIso,
  planAidOutbound,
  planAidOutboundTrips,
  receiveAid,
  replyAid,
  requestAid,
} from "@relief/core";
import { AID_EDITORS, DISPATCH_READERS, STOCK_KEEPERS } from "@relief/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { toDownload } from "../files";
import { allow } from "../trpc";

/**
 * Mutual aid: dispatchers raise, answer and cancel requests; goods arriving and leaving are stock postings,
 * for whoever may post in the warehouse (the core decides per warehouse); district staff read.
 */
export const aidRouter = {
  list: allow(DISPATCH_READERS)
    .input(ListAidInput)
    .query(({ ctx, input }) => listAid(ctx.db, input)),
  get: allow(DISPATCH_READERS)
    .input(AidIdInput)
    .query(({ ctx, input }) => getAid(ctx.db, input.requestId)),
  outbound: allow(DISPATCH_READERS)
    .input(AidIdInput)
    .query(({ ctx, input }) => planAidOutbound(ctx.db, input, nowIso(ctx))),
  /** Plans the trips to the neighbour's entry node in the planner's worker pool and keeps them with the request. */
  planOutbound: allow(DISPATCH_READERS)
    .input(AidIdInput)
    .mutation(({ ctx, input }) => planAidOutboundTrips({ ctx, input })),
  outboundPlan: allow(DISPATCH_READERS)
    .input(AidIdInput)
    .query(({ ctx, input }) => aidOutboundPlan(ctx.db, input)),
  draft: allow(DISPATCH_READERS)
    .input(AidIncidentInput)
    .query(({ ctx, input }) => aidDraft(ctx.db, input)),
  requestSheet: allow(DISPATCH_READERS)
    .input(AidIdInput)
    .query(({ ctx, input }) => toDownload(aidRequestSheet(ctx.db, input))),
  request: allow(AID_EDITORS)
    .input(AidRequestInput)
    .mutation(({ ctx, input }) => requestAid({ ctx, input })),
  reply: allow(AID_EDITORS)
    .input(AidReplyInput)
    .mutation(({ ctx, input }) => replyAid({ ctx, input })),
  cancel: allow(AID_EDITORS)
    .input(AidCancelInput)
    .mutation(({ ctx, input }) => cancelAid({ ctx, input })),
  receive: allow(STOCK_KEEPERS)
    .input(AidReceiveInput)
    .mutation(({ ctx, input }) => receiveAid({ ctx, input })),
  issue: allow(STOCK_KEEPERS)
    .input(AidIssueInput)
    .mutation(({ ctx, input }) => issueAid({ ctx, input })),
  issuePlanned: allow(STOCK_KEEPERS)
    .input(AidIdInput)
    .mutation(({ ctx, input }) => issueAidPlanned({ ctx, input })),
  loans: allow(DISPATCH_READERS)
    .input(LoansInput)
    .query(({ ctx, input }) => listLoans(ctx.db, input)),
  exportLoans: allow(DISPATCH_READERS)
    .input(LoansInput)
    .query(({ ctx, input }) => toDownload(exportLoans(ctx.db, input, nowIso(ctx)))),
} satisfies TRPCRouterRecord;
