import { TRANSFER_DRAFT_STATUSES } from "@relief/db";
import { m } from "@relief/domain";
import { z } from "zod";
import { PageFields } from "../paging";

/** The caller's name for a run (the web sends a UUID), under which `layout.progress` reads it. */
const RunId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, m("layout.error.runId"));

export const AdviseInput = z.object({
  maxTruckloads: z
    .number()
    .int(m("layout.error.truckloadsRange"))
    .min(0, m("layout.error.truckloadsRange"))
    .max(500, m("layout.error.truckloadsRange")),
  budgetYuan: z
    .number()
    .min(0, m("layout.error.budgetRange"))
    .max(100_000_000, m("layout.error.budgetRange"))
    .optional(),
  runId: RunId.optional(),
});
export type AdviseInput = z.input<typeof AdviseInput>;

export const AdviceRefInput = z.object({ adviceId: z.number().int().positive() });
export type AdviceRefInput = z.infer<typeof AdviceRefInput>;

export const ConfirmInput = AdviceRefInput.extend({ runId: RunId.optional() });
export type ConfirmInput = z.infer<typeof ConfirmInput>;

export const RunProgressInput = z.object({ runId: RunId });
export type RunProgressInput = z.infer<typeof RunProgressInput>;

export const DraftRefInput = z.object({ draftId: z.number().int().positive() });
export type DraftRefInput = z.infer<typeof DraftRefInput>;

export const SetPricesInput = z.object({
  prices: z
    .array(
      z.object({
        itemId: z.number().int().positive(),
        priceYuan: z
          .number()
          .gt(0, m("layout.error.priceRange"))
          .max(10_000_000, m("layout.error.priceRange")),
        estimate: z.boolean().default(true),
        source: z.string().trim().max(200).default(""),
      }),
    )
    .max(2000),
});
export type SetPricesInput = z.input<typeof SetPricesInput>;

export const DraftsInput = z
  .object({ ...PageFields, status: z.enum(TRANSFER_DRAFT_STATUSES).optional() })
  .prefault({});
export type DraftsInput = z.input<typeof DraftsInput>;
