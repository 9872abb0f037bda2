import {
  CreateEnterpriseInput,
  createEnterprise,
  listEnterprises,
  UpdateEnterpriseInput,
  updateEnterprise,
} from "@relief/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { ALL_ROLES, allow, ENTERPRISE_EDITORS } from "../trpc";

export const enterprisesRouter = {
  list: allow(ALL_ROLES).query(({ ctx }) => listEnterprises(ctx.db)),
  create: allow(ENTERPRISE_EDITORS)
    .input(CreateEnterpriseInput)
    .mutation(({ ctx, input }) => createEnterprise({ ctx, input })),
  update: allow(ENTERPRISE_EDITORS)
    .input(UpdateEnterpriseInput)
    .mutation(({ ctx, input }) => updateEnterprise({ ctx, input })),
} satisfies TRPCRouterRecord;
