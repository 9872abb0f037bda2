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
import { ADMIN, allow, STAFF, WAREHOUSE_EDITORS } from "../trpc";

export const warehousesRouter = {
  list: allow(STAFF).query(({ ctx }) => listWarehouses(ctx.db)),
  create: allow(WAREHOUSE_EDITORS)
    .input(CreateWarehouseInput)
    .mutation(({ ctx, input }) => createWarehouse({ ctx, input })),
  update: allow(WAREHOUSE_EDITORS)
    .input(UpdateWarehouseInput)
    .mutation(({ ctx, input }) => updateWarehouse({ ctx, input })),
  assignUsers: allow(ADMIN)
    .input(AssignWarehouseUsersInput)
    .mutation(({ ctx, input }) => assignWarehouseUsers({ ctx, input })),
} satisfies TRPCRouterRecord;
