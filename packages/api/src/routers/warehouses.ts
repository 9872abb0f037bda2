import {
  AssignWarehouseUsersInput,
  assignWarehouseUsers,
  CreateWarehouseInput,
  createWarehouse,
  listWarehouses,
  UpdateWarehouseInput,
  updateWarehouse,
} from "@relief/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { ADMIN, ALL_ROLES, allow, CATALOG_EDITORS } from "../trpc";

export const warehousesRouter = {
  list: allow(ALL_ROLES).query(({ ctx }) => listWarehouses(ctx.db)),
  create: allow(CATALOG_EDITORS)
    .input(CreateWarehouseInput)
    .mutation(({ ctx, input }) => createWarehouse({ ctx, input })),
  update: allow(CATALOG_EDITORS)
    .input(UpdateWarehouseInput)
    .mutation(({ ctx, input }) => updateWarehouse({ ctx, input })),
  assignUsers: allow(ADMIN)
    .input(AssignWarehouseUsersInput)
    .mutation(({ ctx, input }) => assignWarehouseUsers({ ctx, input })),
} satisfies TRPCRouterRecord;
