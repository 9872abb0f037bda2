import {
  CreateItemInput,
  createItem,
  listCategories,
  listItems,
  UpdateItemInput,
  updateItem,
} from "@relief/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { ALL_ROLES, allow, CATALOG_EDITORS } from "../trpc";

export const itemsRouter = {
  list: allow(ALL_ROLES).query(({ ctx }) => listItems(ctx.db)),
  categories: allow(ALL_ROLES).query(({ ctx }) => listCategories(ctx.db)),
  create: allow(CATALOG_EDITORS)
    .input(CreateItemInput)
    .mutation(({ ctx, input }) => createItem({ ctx, input })),
  update: allow(CATALOG_EDITORS)
    .input(UpdateItemInput)
    .mutation(({ ctx, input }) => updateItem({ ctx, input })),
} satisfies TRPCRouterRecord;
