import {
  CreateEnterpriseInput,
  createEnterprise,
  EnterpriseIdInput,
  EnterpriseOptionsInput,
  enterpriseOptions,
  enterpriseTemplate,
  exportEnterprises,
  getEnterpriseDetail,
  importEnterprises,
  ListEnterprisesInput,
  listEnterprises,
  nowIso,
  RecordCreditEventInput,
  recordCreditEvent,
  UpdateEnterpriseInput,
  UploadInput,
  updateEnterprise,
} from "@relief/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { fromBase64, toDownload } from "../files";
import { allow, ENTERPRISE_EDITORS, STAFF } from "../trpc";

export const enterprisesRouter = {
  list: allow(STAFF)
    .input(ListEnterprisesInput)
    .query(({ ctx, input }) => listEnterprises(ctx.db, input, nowIso(ctx))),
  options: allow(STAFF)
    .input(EnterpriseOptionsInput)
    .query(({ ctx, input }) => enterpriseOptions(ctx.db, input, nowIso(ctx))),
  get: allow(STAFF)
    .input(EnterpriseIdInput)
    .query(({ ctx, input }) => getEnterpriseDetail(ctx.db, input.id, nowIso(ctx))),
  create: allow(ENTERPRISE_EDITORS)
    .input(CreateEnterpriseInput)
    .mutation(({ ctx, input }) => createEnterprise({ ctx, input })),
  update: allow(ENTERPRISE_EDITORS)
    .input(UpdateEnterpriseInput)
    .mutation(({ ctx, input }) => updateEnterprise({ ctx, input })),
  recordCreditEvent: allow(ENTERPRISE_EDITORS)
    .input(RecordCreditEventInput)
    .mutation(({ ctx, input }) => recordCreditEvent({ ctx, input })),
  template: allow(ENTERPRISE_EDITORS).query(({ ctx }) => toDownload(enterpriseTemplate(ctx.db))),
  export: allow(STAFF).query(({ ctx }) => toDownload(exportEnterprises(ctx.db, nowIso(ctx)))),
  import: allow(ENTERPRISE_EDITORS)
    .input(UploadInput)
    .mutation(({ ctx, input }) =>
      importEnterprises({
        ctx,
        input: { fileName: input.fileName, content: fromBase64(input.contentBase64) },
      }),
    ),
} satisfies TRPCRouterRecord;
