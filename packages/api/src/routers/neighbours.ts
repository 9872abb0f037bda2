import {
  getNeighbour,
  ImportLendableInput,
  importLendable,
  ListNeighboursInput,
  lendableTemplate,
  listNeighbours,
  NeighbourIdInput,
  UpdateNeighbourInput,
  updateNeighbour,
} from "@relief/core";
import { AID_EDITORS, DISPATCH_READERS } from "@relief/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { fromBase64, toDownload } from "../files";
import { allow } from "../trpc";

/** The neighbouring districts of mutual aid: dispatchers keep the register, district staff read it. */
export const neighboursRouter = {
  list: allow(DISPATCH_READERS)
    .input(ListNeighboursInput)
    .query(({ ctx, input }) => listNeighbours(ctx.db, input)),
  get: allow(DISPATCH_READERS)
    .input(NeighbourIdInput)
    .query(({ ctx, input }) => getNeighbour(ctx.db, input.id)),
  update: allow(AID_EDITORS)
    .input(UpdateNeighbourInput)
    .mutation(({ ctx, input }) => updateNeighbour({ ctx, input })),
  lendableTemplate: allow(DISPATCH_READERS)
    .input(NeighbourIdInput)
    .query(({ ctx, input }) => toDownload(lendableTemplate(ctx.db, input))),
  importLendable: allow(AID_EDITORS)
    .input(ImportLendableInput)
    .mutation(({ ctx, input }) =>
      importLendable({
        ctx,
        input: {
          neighbourId: input.neighbourId,
          listDate: input.listDate,
          fileName: input.fileName,
          content: fromBase64(input.contentBase64),
        },
      }),
    ),
} satisfies TRPCRouterRecord;
