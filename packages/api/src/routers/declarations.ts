import {
  nowIso,
  OverdueDeclarationsInput,
  overdueDeclarations,
  ReviewDeclarationInput,
  reviewDeclaration,
} from "@relief/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { allow, ENTERPRISE_EDITORS, STAFF } from "../trpc";

/** The commerce bureau's side of 企业自主申报: reviewing what enterprises submit, and who is overdue. */
export const declarationsRouter = {
  review: allow(ENTERPRISE_EDITORS)
    .input(ReviewDeclarationInput)
    .mutation(({ ctx, input }) => reviewDeclaration({ ctx, input })),
  overdue: allow(STAFF)
    .input(OverdueDeclarationsInput)
    .query(({ ctx, input }) => overdueDeclarations(ctx.db, input, nowIso(ctx))),
} satisfies TRPCRouterRecord;
