import { z } from "zod";
import { isIsoDate } from "./time";

/** Zod pieces shared by the domains' input schemas. */
export const IsoDate = z.string().refine(isIsoDate, "日期格式应为 YYYY-MM-DD");

/** An ISO 8601 instant (`2026-11-29T08:00:00.000Z`, or with an offset). */
export const IsoInstant = z.iso.datetime({ offset: true, error: "时间格式无效" });
