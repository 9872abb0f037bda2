import { RISK_HAZARDS } from "@relief/db";
import { m } from "@relief/domain";
import { z } from "zod";
import { PageFields } from "../paging";

/**
 * A change to one hazard of a township's register: a new version effective now. The scenario is sized by
 * relocated people or by a share of residents, exactly one of them.
 */
export const UpdateRiskInput = z
  .object({
    areaId: z.number().int().positive(),
    hazard: z.enum(RISK_HAZARDS, { error: m("risks.error.invalidHazard") }),
    relocated: z
      .number()
      .int(m("risks.error.relocatedWhole"))
      .min(0, m("risks.error.relocatedWhole"))
      .max(10_000_000, m("risks.error.relocatedWhole"))
      .nullable()
      .default(null),
    shareOfResidents: z
      .number()
      .min(0, m("risks.error.shareRange"))
      .max(1, m("risks.error.shareRange"))
      .nullable()
      .default(null),
    weight: z.number().min(0, m("risks.error.weightRange")).max(100, m("risks.error.weightRange")),
    /** Road edge ids the hazard cuts. */
    closedRoadIds: z.array(z.number().int().positive()).max(50).default([]),
    basis: z.string().trim().max(300).default(""),
    estimate: z.boolean().default(true),
    /** False takes the hazard off the township's register (a version of its own). */
    active: z.boolean().default(true),
    note: z.string().trim().min(1, m("risks.error.enterReason")).max(500),
  })
  .superRefine((r, ctx) => {
    const both = r.relocated !== null && r.shareOfResidents !== null;
    if (both || (r.active && r.relocated === null && r.shareOfResidents === null))
      ctx.addIssue({ code: "custom", path: ["relocated"], message: m("risks.error.sizeOneWay") });
  });
export type UpdateRiskInput = z.input<typeof UpdateRiskInput>;

export const RiskHistoryInput = z
  .object({
    /** One township's versions; every township's when omitted. */
    areaId: z.number().int().positive().optional(),
    hazard: z.enum(RISK_HAZARDS, { error: m("risks.error.invalidHazard") }).optional(),
    ...PageFields,
  })
  .prefault({});
export type RiskHistoryInput = z.input<typeof RiskHistoryInput>;
