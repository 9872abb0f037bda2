import { getSettings, UpdateSettingsInput, updateSettings } from "@relief/core";
import { ADMIN, STAFF } from "@relief/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { allow } from "../trpc";

export const settingsRouter = {
  /** Everyone reads them: the web offers what the settings allow (e.g. who sees the approve button). */
  get: allow(STAFF).query(({ ctx }) => getSettings(ctx.db)),
  update: allow(ADMIN)
    .input(UpdateSettingsInput)
    .mutation(({ ctx, input }) => updateSettings({ ctx, input })),
} satisfies TRPCRouterRecord;
