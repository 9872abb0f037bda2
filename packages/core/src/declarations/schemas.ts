import { DECLARATION_DECISIONS, m, msg } from "@relief/domain";
import { z } from "zod";
import { PageFields } from "../paging";

const Id = z.number().int().positive();

/** 审核: the bureau accepts a submitted declaration, or returns it with the reason the enterprise will read. */
export const ReviewDeclarationInput = z
  .object({
    id: Id,
    decision: z.enum(DECLARATION_DECISIONS, {
      error: m("common.error.invalidChoice", { field: msg("declarations.field.decision") }),
    }),
    reason: z.string().trim().max(500).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.decision === "return" && !input.reason) {
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: m("common.error.required", { field: msg("declarations.field.returnReason") }),
      });
    }
  });
export type ReviewDeclarationInput = z.input<typeof ReviewDeclarationInput>;

export const OverdueDeclarationsInput = z.object({ enterpriseId: Id.optional(), ...PageFields }).prefault({});
export type OverdueDeclarationsInput = z.input<typeof OverdueDeclarationsInput>;
