import {
  CreateShelterInput,
  createShelter,
  listShelters,
  UpdateShelterInput,
  updateShelter,
} from "@relief/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { allow, COVERAGE_EDITORS, STAFF } from "../trpc";

export const sheltersRouter = {
  list: allow(STAFF).query(({ ctx }) => listShelters(ctx.db)),
  create: allow(COVERAGE_EDITORS)
    .input(CreateShelterInput)
    .mutation(({ ctx, input }) => createShelter({ ctx, input })),
  update: allow(COVERAGE_EDITORS)
    .input(UpdateShelterInput)
    .mutation(({ ctx, input }) => updateShelter({ ctx, input })),
} satisfies TRPCRouterRecord;
