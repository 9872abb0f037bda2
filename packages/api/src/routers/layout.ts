import {
  AdviceRefInput,
  AdviseInput,
  acceptAdvice,
  adviseLayout,
  ConfirmInput,
  confirmAdvice,
  DraftRefInput,
  DraftsInput,
  discardDraft,
  evaluateCurrentLayout,
  getAdvice,
  getDraft,
  layoutRunProgress,
  listDrafts,
  listPrices,
  nowIso,
  purchaseSheet,
  RunProgressInput,
  SetPricesInput,
  setPrices,
} from "@relief/core";
import { LAYOUT_EDITORS, LAYOUT_READERS } from "@relief/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { toDownload } from "../files";
import { allow } from "../trpc";

export const layoutRouter = {
  evaluate: allow(LAYOUT_READERS)
    .input(z.object({}).prefault({}))
    .query(({ ctx }) => evaluateCurrentLayout({ ctx })),
  /** Stores the advice it computes, hence a mutation, though the same inputs return the stored one. */
  advise: allow(LAYOUT_EDITORS)
    .input(AdviseInput)
    .mutation(({ ctx, input }) => adviseLayout({ ctx, input })),
  advice: allow(LAYOUT_READERS)
    .input(AdviceRefInput)
    .query(({ ctx, input }) => getAdvice(ctx.db, input)),
  /**
   * Replans the advice with the full planner and stores the figures on it. Readers may run it: it moves and
   * decides nothing (stock, drafts and the advice's moves stay as they are), it only checks a stored advice,
   * which a leader or dispatcher weighing the advice needs; the layout pool's queue bounds the compute and an
   * advice is confirmed once.
   */
  confirm: allow(LAYOUT_READERS)
    .input(ConfirmInput)
    .mutation(({ ctx, input }) => confirmAdvice({ ctx, input })),
  /** A named advice or confirmation while it runs (polled by the page that waits on it); null once ended. */
  progress: allow(LAYOUT_READERS)
    .input(RunProgressInput)
    .query(({ input }) => layoutRunProgress({ input })),
  accept: allow(LAYOUT_EDITORS)
    .input(AdviceRefInput)
    .mutation(({ ctx, input }) => acceptAdvice({ ctx, input })),
  discardDraft: allow(LAYOUT_EDITORS)
    .input(DraftRefInput)
    .mutation(({ ctx, input }) => discardDraft({ ctx, input })),
  drafts: allow(LAYOUT_READERS)
    .input(DraftsInput)
    .query(({ ctx, input }) => listDrafts(ctx.db, input)),
  /** One draft, for the transfer form that opens it. */
  draft: allow(LAYOUT_READERS)
    .input(DraftRefInput)
    .query(({ ctx, input }) => getDraft(ctx.db, input)),
  prices: allow(LAYOUT_READERS).query(({ ctx }) => listPrices(ctx.db)),
  setPrices: allow(LAYOUT_EDITORS)
    .input(SetPricesInput)
    .mutation(({ ctx, input }) => setPrices({ ctx, input })),
  /** One advice's purchases: a small read, written on the request thread like the 调拨单. */
  purchaseSheet: allow(LAYOUT_READERS)
    .input(AdviceRefInput)
    .query(({ ctx, input }) => toDownload(purchaseSheet(ctx.db, input, new Date(nowIso(ctx))))),
} satisfies TRPCRouterRecord;
