import { type Message, m, msg, schemaText } from "@relief/domain";
import { z } from "zod";
import { type DateWindow, dateProblem, MAX_LINE_QUANTITY } from "./limits";

/** Zod pieces shared by the domains' input schemas. */

/**
 * A calendar date (`YYYY-MM-DD`) within the fixed part of its window; the actions check the part that
 * depends on today. `label` names the field in the message.
 */
export const CalendarDate = (window: DateWindow, label: Message) =>
  z.string({ error: m("common.error.dateFormat", { field: label }) }).superRefine((value, ctx) => {
    const problem = dateProblem(value, window, label);
    if (problem) ctx.addIssue({ code: "custom", message: schemaText(problem) });
  });

/**
 * An ISO 8601 instant (`2026-11-29T08:00:00.000Z`, or with an offset) whose date, as written, fits the window:
 * the windows are whole years apart, so the hours of an offset do not matter, and 9999-12-31T23:59Z cannot
 * roll into a year with five digits.
 */
export const Instant = (window: DateWindow, label: Message) =>
  z.iso
    .datetime({ offset: true, error: m("common.error.instantFormat", { field: label }) })
    .superRefine((value, ctx) => {
      const problem = dateProblem(value.slice(0, 10), window, label);
      if (problem) ctx.addIssue({ code: "custom", message: schemaText(problem) });
    });

/**
 * A quantity as typed: a whole number (safe, so converting packs cannot lose precision), at most the line
 * ceiling. Whether it still fits once packs are converted is `convertQuantity`'s to say.
 */
export const Quantity = (label: Message = msg("common.field.quantity"), { min = 1 }: { min?: 0 | 1 } = {}) =>
  z
    .number({ error: m("common.error.notInteger", { field: label }) })
    .int(m("common.error.notInteger", { field: label }))
    .min(
      min,
      min === 1
        ? m("common.error.mustBePositive", { field: label })
        : m("common.error.notNegative", { field: label }),
    )
    .max(MAX_LINE_QUANTITY, m("common.error.overLineCeiling", { field: label, max: MAX_LINE_QUANTITY }));

/** A signed change (adjustments): + found, − lost; never 0, within the line ceiling either way. */
export const SignedQuantity = (label: Message = msg("common.field.quantity")) =>
  z
    .number({ error: m("common.error.notInteger", { field: label }) })
    .int(m("common.error.notInteger", { field: label }))
    .min(-MAX_LINE_QUANTITY, m("common.error.overLineCeiling", { field: label, max: MAX_LINE_QUANTITY }))
    .max(MAX_LINE_QUANTITY, m("common.error.overLineCeiling", { field: label, max: MAX_LINE_QUANTITY }))
    .refine((q) => q !== 0, m("common.error.notZero", { field: label }));
