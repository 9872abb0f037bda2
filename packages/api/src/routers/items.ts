import {
  CreateItemInput,
  createItem,
  listCategories,
  listItems,
  UpdateItemInput,
  updateItem,
} from "@relief/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { allow, CATALOG_EDITORS, STAFF } from "../trpc";

export const itemsRouter = {
  list: allow(STAFF).query(({ ctx }) => listItems(ctx.db)),
  categories: allow(STAFF).query(({ ctx }) => listCategories(ctx.db)),
  create: allow(CATALOG_EDITORS)
    .input(CreateItemInput)
    .mutation(({ ctx, input }) => createItem({ ctx, input })),
  update: allow(CATALOG_EDITORS)
    .input(UpdateItemInput)
    .mutation(({ ctx, input }) => updateItem({ ctx, input })),
} satisfies TRPCRouterRecord;
