import {
  AcknowledgeCalloffInput,
  acknowledgeCalloff,
  CannotDeliverInput,
  importPortalDeclarations,
  nowIso,
  PortalCalloffsInput,
  PortalDeclarationsInput,
  PortalDeclareInput,
  portalAgreements,
  portalCalloffs,
  portalCredit,
  portalDeclarations,
  portalDeclarationTemplate,
  portalDeclare,
  portalMe,
  portalSites,
  reportCannotDeliver,
  UploadInput,
} from "@relief/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { fromBase64, toDownload } from "../files";
import { allow, PORTAL_USERS } from "../trpc";

/** 企业端: the enterprise user's own enterprise, agreements, sites, declarations, call-offs and credit record. */
export const portalRouter = {
  me: allow(PORTAL_USERS).query(({ ctx }) => portalMe(ctx, nowIso(ctx))),
  agreements: allow(PORTAL_USERS).query(({ ctx }) => portalAgreements(ctx, nowIso(ctx))),
  sites: allow(PORTAL_USERS).query(({ ctx }) => portalSites(ctx)),
  declarations: allow(PORTAL_USERS)
    .input(PortalDeclarationsInput)
    .query(({ ctx, input }) => portalDeclarations(ctx, input)),
  declare: allow(PORTAL_USERS)
    .input(PortalDeclareInput)
    .mutation(({ ctx, input }) => portalDeclare({ ctx, input })),
  declarationTemplate: allow(PORTAL_USERS).query(({ ctx }) => toDownload(portalDeclarationTemplate({ ctx }))),
  importDeclarations: allow(PORTAL_USERS)
    .input(UploadInput)
    .mutation(({ ctx, input }) =>
      importPortalDeclarations({
        ctx,
        input: { fileName: input.fileName, content: fromBase64(input.contentBase64) },
      }),
    ),
  calloffs: allow(PORTAL_USERS)
    .input(PortalCalloffsInput)
    .query(({ ctx, input }) => portalCalloffs(ctx, input, nowIso(ctx))),
  acknowledgeCalloff: allow(PORTAL_USERS)
    .input(AcknowledgeCalloffInput)
    .mutation(({ ctx, input }) => acknowledgeCalloff({ ctx, input })),
  cannotDeliver: allow(PORTAL_USERS)
    .input(CannotDeliverInput)
    .mutation(({ ctx, input }) => reportCannotDeliver({ ctx, input })),
  credit: allow(PORTAL_USERS).query(({ ctx }) => portalCredit(ctx, nowIso(ctx))),
} satisfies TRPCRouterRecord;
