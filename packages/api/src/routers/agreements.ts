import {
  AgreementIdInput,
  AgreementRemindersInput,
  agreementReminders,
  agreementTemplate,
  CancelCalloffInput,
  ConfirmCalloffInput,
  CreateAgreementInput,
  CreateCalloffInput,
  cancelCalloff,
  confirmCalloff,
  createAgreement,
  createCalloff,
  DeclarationTemplateInput,
  DeclareInput,
  declarationTemplate,
  declareStock,
  getAgreement,
  importAgreements,
  importDeclarations,
  ListAgreementsInput,
  ListCalloffsInput,
  ListDeclarationsInput,
  ListLineRecordsInput,
  listAgreements,
  listCalloffs,
  listDeclarations,
  listVerifications,
  nowIso,
  TerminateAgreementInput,
  terminateAgreement,
  UpdateAgreementInput,
  UploadInput,
  updateAgreement,
  VerifyInput,
  verifyStock,
} from "@relief/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { fromBase64, toDownload } from "../files";
import { allow, ENTERPRISE_EDITORS, STAFF } from "../trpc";

const upload = (input: { fileName: string; contentBase64: string }) => ({
  fileName: input.fileName,
  content: fromBase64(input.contentBase64),
});

export const agreementsRouter = {
  list: allow(STAFF)
    .input(ListAgreementsInput)
    .query(({ ctx, input }) => listAgreements(ctx.db, input, nowIso(ctx))),
  reminders: allow(STAFF)
    .input(AgreementRemindersInput)
    .query(({ ctx, input }) => agreementReminders(ctx.db, input, nowIso(ctx))),
  get: allow(STAFF)
    .input(AgreementIdInput)
    .query(({ ctx, input }) => getAgreement(ctx.db, input.id, nowIso(ctx))),
  create: allow(ENTERPRISE_EDITORS)
    .input(CreateAgreementInput)
    .mutation(({ ctx, input }) => createAgreement({ ctx, input })),
  update: allow(ENTERPRISE_EDITORS)
    .input(UpdateAgreementInput)
    .mutation(({ ctx, input }) => updateAgreement({ ctx, input })),
  terminate: allow(ENTERPRISE_EDITORS)
    .input(TerminateAgreementInput)
    .mutation(({ ctx, input }) => terminateAgreement({ ctx, input })),
  declare: allow(ENTERPRISE_EDITORS)
    .input(DeclareInput)
    .mutation(({ ctx, input }) => declareStock({ ctx, input })),
  verify: allow(ENTERPRISE_EDITORS)
    .input(VerifyInput)
    .mutation(({ ctx, input }) => verifyStock({ ctx, input })),
  declarations: allow(STAFF)
    .input(ListDeclarationsInput)
    .query(({ ctx, input }) => listDeclarations(ctx.db, input)),
  verifications: allow(STAFF)
    .input(ListLineRecordsInput)
    .query(({ ctx, input }) => listVerifications(ctx.db, input)),
  calloffs: allow(STAFF)
    .input(ListCalloffsInput)
    .query(({ ctx, input }) => listCalloffs(ctx.db, input, nowIso(ctx))),
  calloff: allow(ENTERPRISE_EDITORS)
    .input(CreateCalloffInput)
    .mutation(({ ctx, input }) => createCalloff({ ctx, input })),
  confirmCalloff: allow(ENTERPRISE_EDITORS)
    .input(ConfirmCalloffInput)
    .mutation(({ ctx, input }) => confirmCalloff({ ctx, input })),
  cancelCalloff: allow(ENTERPRISE_EDITORS)
    .input(CancelCalloffInput)
    .mutation(({ ctx, input }) => cancelCalloff({ ctx, input })),
  template: allow(ENTERPRISE_EDITORS).query(({ ctx }) => toDownload(agreementTemplate(ctx.db))),
  export: allow(STAFF).query(async ({ ctx }) => toDownload(await ctx.offload("agreements.export", null))),
  import: allow(ENTERPRISE_EDITORS)
    .input(UploadInput)
    .mutation(({ ctx, input }) => importAgreements({ ctx, input: upload(input) })),
  declarationTemplate: allow(ENTERPRISE_EDITORS)
    .input(DeclarationTemplateInput)
    .query(({ ctx, input }) => toDownload(declarationTemplate(ctx.db, nowIso(ctx), input.enterpriseId))),
  exportDeclarations: allow(STAFF).query(async ({ ctx }) =>
    toDownload(await ctx.offload("agreements.exportDeclarations", null)),
  ),
  importDeclarations: allow(ENTERPRISE_EDITORS)
    .input(UploadInput)
    .mutation(({ ctx, input }) => importDeclarations({ ctx, input: upload(input) })),
} satisfies TRPCRouterRecord;
