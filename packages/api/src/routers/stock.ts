import {
  AdjustInput,
  adjustStock,
  BalancesInput,
  BalancesPageInput,
  CardInput,
  CardPageInput,
  CloseCountInput,
  CountSheetInput,
  cancelCount,
  DocumentInput,
  DocumentsInput,
  ExpiryExportInput,
  ExpiryInput,
  ExplainInput,
  explainStock,
  exportCountSheet,
  getCount,
  getDocument,
  HoldInput,
  holdStock,
  IssueInput,
  ItemTotalsInput,
  importReceipts,
  issueStock,
  LotsInput,
  listAdjustmentReasons,
  listCounts,
  listDocuments,
  listExpiry,
  listLots,
  listReservations,
  listRotation,
  localDate,
  nowIso,
  OpenCountInput,
  openCount,
  pageBalances,
  pageItemTotals,
  ReceiveInput,
  ReceiveTransferInput,
  RecordCountInput,
  ReleaseInput,
  ReservationsInput,
  ReserveInput,
  ReverseInput,
  RotationExportInput,
  RotationInput,
  readsEveryBalance,
  receiptTemplate,
  receiveStock,
  receiveTransfer,
  recordCount,
  releaseReservation,
  reserveStock,
  reverseDocument,
  SetLotStatusInput,
  setLotStatus,
  stockCardPage,
  submitCount,
  TransferInput,
  transferStock,
  UploadInput,
  unholdStock,
} from "@relief/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { fromBase64, toDownload } from "../files";
import { allow, DISPATCH_ROLES, STAFF, STOCK_KEEPERS, STOCK_MANAGERS } from "../trpc";

export const stockRouter = {
  balances: allow(STAFF)
    .input(BalancesPageInput)
    .query(({ ctx, input }) =>
      readsEveryBalance(input)
        ? ctx.offload("stock.balances", input)
        : pageBalances(ctx.db, input, localDate(nowIso(ctx))),
    ),
  itemTotals: allow(STAFF)
    .input(ItemTotalsInput)
    .query(({ ctx, input }) =>
      readsEveryBalance(input)
        ? ctx.offload("stock.itemTotals", input)
        : pageItemTotals(ctx.db, input, localDate(nowIso(ctx))),
    ),
  explain: allow(STAFF)
    .input(ExplainInput)
    .query(({ ctx, input }) => explainStock(ctx.db, input, localDate(nowIso(ctx)))),
  card: allow(STAFF)
    .input(CardPageInput)
    .query(({ ctx, input }) => stockCardPage(ctx.db, input)),
  documents: allow(STAFF)
    .input(DocumentsInput)
    .query(({ ctx, input }) => listDocuments(ctx.db, input)),
  document: allow(STAFF)
    .input(DocumentInput)
    .query(({ ctx, input }) => getDocument(ctx.db, input.id)),
  expiry: allow(STAFF)
    .input(ExpiryInput)
    .query(({ ctx, input }) => listExpiry(ctx.db, input, localDate(nowIso(ctx)))),
  rotation: allow(STAFF)
    .input(RotationInput)
    .query(({ ctx, input }) => listRotation(ctx.db, input, localDate(nowIso(ctx)))),
  reasons: allow(STAFF).query(({ ctx }) => listAdjustmentReasons(ctx.db)),
  lots: allow(STAFF)
    .input(LotsInput)
    .query(({ ctx, input }) => listLots(ctx.db, input, localDate(nowIso(ctx)))),
  reservations: allow(STAFF)
    .input(ReservationsInput)
    .query(({ ctx, input }) => listReservations(ctx.db, input)),
  verify: allow(STOCK_MANAGERS).query(({ ctx }) => ctx.offload("stock.verify", null)),

  receive: allow(STOCK_KEEPERS)
    .input(ReceiveInput)
    .mutation(({ ctx, input }) => receiveStock({ ctx, input })),
  issue: allow(STOCK_KEEPERS)
    .input(IssueInput)
    .mutation(({ ctx, input }) => issueStock({ ctx, input })),
  transfer: allow(STOCK_KEEPERS)
    .input(TransferInput)
    .mutation(({ ctx, input }) => transferStock({ ctx, input })),
  receiveTransfer: allow(STOCK_KEEPERS)
    .input(ReceiveTransferInput)
    .mutation(({ ctx, input }) => receiveTransfer({ ctx, input })),
  adjust: allow(STOCK_KEEPERS)
    .input(AdjustInput)
    .mutation(({ ctx, input }) => adjustStock({ ctx, input })),
  reverse: allow(STOCK_KEEPERS)
    .input(ReverseInput)
    .mutation(({ ctx, input }) => reverseDocument({ ctx, input })),
  hold: allow(STOCK_KEEPERS)
    .input(HoldInput)
    .mutation(({ ctx, input }) => holdStock({ ctx, input })),
  unhold: allow(STOCK_KEEPERS)
    .input(HoldInput)
    .mutation(({ ctx, input }) => unholdStock({ ctx, input })),
  setLotStatus: allow(STOCK_KEEPERS)
    .input(SetLotStatusInput)
    .mutation(({ ctx, input }) => setLotStatus({ ctx, input })),
  reserve: allow(DISPATCH_ROLES)
    .input(ReserveInput)
    .mutation(({ ctx, input }) => reserveStock({ ctx, input })),
  release: allow(DISPATCH_ROLES)
    .input(ReleaseInput)
    .mutation(({ ctx, input }) => releaseReservation({ ctx, input })),

  receiptTemplate: allow(STOCK_KEEPERS).query(({ ctx }) => toDownload(receiptTemplate(ctx.db))),
  importReceipts: allow(STOCK_KEEPERS)
    .input(UploadInput)
    .mutation(({ ctx, input }) =>
      importReceipts({ ctx, input: { fileName: input.fileName, content: fromBase64(input.contentBase64) } }),
    ),
  exportBalances: allow(STAFF)
    .input(BalancesInput)
    .query(async ({ ctx, input }) => toDownload(await ctx.offload("stock.exportBalances", input))),
  exportCard: allow(STAFF)
    .input(CardInput)
    .query(async ({ ctx, input }) => toDownload(await ctx.offload("stock.exportCard", input))),
  exportExpiry: allow(STAFF)
    .input(ExpiryExportInput)
    .query(async ({ ctx, input }) => toDownload(await ctx.offload("stock.exportExpiry", input))),
  exportRotation: allow(STAFF)
    .input(RotationExportInput)
    .query(async ({ ctx, input }) => toDownload(await ctx.offload("stock.exportRotation", input))),

  counts: allow(STAFF)
    .input(z.object({ warehouseId: z.number().int().positive().optional() }).default({}))
    .query(({ ctx, input }) => listCounts(ctx.db, input.warehouseId)),
  count: allow(STAFF)
    .input(z.object({ id: z.number().int().positive() }))
    .query(({ ctx, input }) => getCount(ctx.db, input.id)),
  exportCountSheet: allow(STAFF)
    .input(CountSheetInput)
    .query(({ ctx, input }) => toDownload(exportCountSheet(ctx.db, input))),
  openCount: allow(STOCK_KEEPERS)
    .input(OpenCountInput)
    .mutation(({ ctx, input }) => openCount({ ctx, input })),
  recordCount: allow(STOCK_KEEPERS)
    .input(RecordCountInput)
    .mutation(({ ctx, input }) => recordCount({ ctx, input })),
  submitCount: allow(STOCK_KEEPERS)
    .input(CloseCountInput)
    .mutation(({ ctx, input }) => submitCount({ ctx, input })),
  cancelCount: allow(STOCK_KEEPERS)
    .input(CloseCountInput)
    .mutation(({ ctx, input }) => cancelCount({ ctx, input })),
} satisfies TRPCRouterRecord;
