import { z } from "zod";
import { type DateWindow, dateProblem, formatCount, MAX_LINE_QUANTITY } from "./limits";

/** Zod pieces shared by the domains' input schemas. */

/**
 * A calendar date (`YYYY-MM-DD`) within the fixed part of its window; the actions check the part that
 * depends on today. `label` names the field in the message.
 */
export const CalendarDate = (window: DateWindow, label: string) =>
  z.string({ error: `${label}应为 YYYY-MM-DD 格式的日期` }).superRefine((value, ctx) => {
    const problem = dateProblem(value, window, label);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/**
 * An ISO 8601 instant (`2026-11-29T08:00:00.000Z`, or with an offset) whose date, as written, fits the window:
 * the windows are whole years apart, so the hours of an offset do not matter, and 9999-12-31T23:59Z cannot
 * roll into a year with five digits.
 */
export const Instant = (window: DateWindow, label: string) =>
  z.iso.datetime({ offset: true, error: `${label}格式无效` }).superRefine((value, ctx) => {
    const problem = dateProblem(value.slice(0, 10), window, label);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/**
 * A quantity as typed: a whole number (safe, so converting packs cannot lose precision), at most the line
 * ceiling. Whether it still fits once packs are converted is `convertQuantity`'s to say.
 */
export const Quantity = (label = "数量", { min = 1 }: { min?: 0 | 1 } = {}) =>
  z
    .number({ error: `${label}应为整数` })
    .int(`${label}应为整数`)
    .min(min, min === 1 ? `${label}应大于 0` : `${label}不能为负数`)
    .max(MAX_LINE_QUANTITY, `${label}超过单行上限 ${formatCount(MAX_LINE_QUANTITY)}`);

/** A signed change (adjustments): + found, − lost; never 0, within the line ceiling either way. */
export const SignedQuantity = (label = "数量") =>
  z
    .number({ error: `${label}应为整数` })
    .int(`${label}应为整数`)
    .min(-MAX_LINE_QUANTITY, `${label}超过单行上限 ${formatCount(MAX_LINE_QUANTITY)}`)
    .max(MAX_LINE_QUANTITY, `${label}超过单行上限 ${formatCount(MAX_LINE_QUANTITY)}`)
    .refine((q) => q !== 0, `${label}不能为 0`);
