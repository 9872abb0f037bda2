import {
  CreateAreaInput,
  createArea,
  importPopulation,
  ListAreasInput,
  ListVillagesInput,
  listAreas,
  listVillages,
  populationTemplate,
  RemoveAreaInput,
  removeArea,
  UpdateAreaInput,
  UploadInput,
  updateArea,
} from "@relief/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { fromBase64, toDownload } from "../files";
import { AREA_EDITORS, allow, STAFF } from "../trpc";

export const areasRouter = {
  list: allow(STAFF)
    .input(ListAreasInput)
    .query(({ ctx, input }) => listAreas(ctx.db, input)),
  villages: allow(STAFF)
    .input(ListVillagesInput)
    .query(({ ctx, input }) => listVillages(ctx.db, input)),
  update: allow(AREA_EDITORS)
    .input(UpdateAreaInput)
    .mutation(({ ctx, input }) => updateArea({ ctx, input })),
  create: allow(AREA_EDITORS)
    .input(CreateAreaInput)
    .mutation(({ ctx, input }) => createArea({ ctx, input })),
  remove: allow(AREA_EDITORS)
    .input(RemoveAreaInput)
    .mutation(({ ctx, input }) => {
      removeArea({ ctx, input });
      return { ok: true as const };
    }),
  importPopulation: allow(AREA_EDITORS)
    .input(UploadInput)
    .mutation(({ ctx, input }) =>
      importPopulation({
        ctx,
        input: { fileName: input.fileName, content: fromBase64(input.contentBase64) },
      }),
    ),
  exportPopulation: allow(STAFF).query(async ({ ctx }) =>
    toDownload(await ctx.offload("areas.exportPopulation", null)),
  ),
  populationTemplate: allow(AREA_EDITORS).query(({ ctx }) => toDownload(populationTemplate(ctx.db))),
} satisfies TRPCRouterRecord;
