import { type DbOrTx, itemCategories, QUOTA_BASES, QUOTA_MEASURES, quotas } from "@relief/db";
import { m, msg, normalSeasonMonths } from "@relief/domain";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { NotFoundError, ValidationError } from "../errors";
import { DATE_WINDOWS } from "../limits";
import { Instant } from "../schemas";
import type { CoverageQuota } from "./compute";

export interface QuotaView extends CoverageQuota {
  id: number;
  categoryCode: string;
  categoryName: string;
  note: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

export const UpdateQuotaInput = z
  .object({
    categoryId: z.number().int().positive(),
    measure: z.enum(QUOTA_MEASURES, { error: m("coverage.error.invalidMeasure") }),
    unitLabel: z.string().trim().min(1, m("coverage.error.enterUnit")).max(10),
    quantity: z
      .number()
      .positive(m("coverage.error.quotaPositive"))
      .max(1_000_000, m("coverage.error.quotaTooLarge")),
    perPersons: z
      .number()
      .int(m("coverage.error.personsInteger"))
      .min(1, m("coverage.error.personsAtLeastOne"))
      .max(10_000)
      .default(1),
    basis: z.enum(QUOTA_BASES, { error: m("coverage.error.invalidBasis") }).default("person"),
    days: z
      .number()
      .int(m("coverage.error.daysInteger"))
      .min(1, m("coverage.error.daysAtLeastOne"))
      .max(90, m("coverage.error.daysAtMost90"))
      .nullable()
      .default(null),
    required: z.boolean().default(true),
    /** The months the quota counts in (1–12); null, empty or all twelve: all year. */
    seasonMonths: z
      .array(
        z
          .number()
          .int(m("coverage.error.invalidSeasonMonth"))
          .min(1, m("coverage.error.invalidSeasonMonth"))
          .max(12, m("coverage.error.invalidSeasonMonth")),
      )
      .max(12, m("coverage.error.invalidSeasonMonth"))
      .nullable()
      .default(null)
      .transform(normalSeasonMonths),
    estimate: z.boolean().default(true),
    source: z.string().trim().max(300).default(""),
    /** Why the quota changed; kept with the version. */
    note: z.string().trim().min(1, m("coverage.error.enterReason")).max(500),
  })
  .superRefine((q, ctx) => {
    if (q.basis === "household" && q.perPersons !== 1) {
      ctx.addIssue({ code: "custom", path: ["perPersons"], message: m("coverage.error.householdNoPersons") });
    }
  });
export type UpdateQuotaInput = z.input<typeof UpdateQuotaInput>;

export const QuotasInput = z
  .object({
    /** The instant to read the quotas at; now when left out. */
    at: Instant(DATE_WINDOWS.filter, msg("coverage.field.queryTime")).optional(),
  })
  .default({});

type QuotaRow = Omit<QuotaView, "required" | "estimate" | "seasonMonths"> & {
  required: number;
  estimate: number;
  seasonMonths: string | null;
};

function quotaRows(db: DbOrTx, condition: ReturnType<typeof sql>): QuotaView[] {
  return db
    .all<QuotaRow>(sql`
      SELECT q.id, q.category_id AS categoryId, c.code AS categoryCode, c.name AS categoryName, q.measure,
             q.unit_label AS unitLabel, q.quantity, q.per_persons AS perPersons, q.basis, q.days, q.required,
             q.season_months AS seasonMonths, q.estimate, q.source, q.effective_from AS effectiveFrom, q.note,
             u.display_name AS recordedBy, q.recorded_at AS recordedAt
      FROM quotas q JOIN item_categories c ON c.id = q.category_id LEFT JOIN users u ON u.id = q.recorded_by
      WHERE ${condition}
      ORDER BY c.sort_order, c.id, q.effective_from DESC, q.id DESC`)
    .map((q) => ({
      ...q,
      required: q.required === 1,
      estimate: q.estimate === 1,
      seasonMonths: q.seasonMonths === null ? null : (JSON.parse(q.seasonMonths) as number[]),
    }));
}

/** The quota of every category as it stood at an instant (its latest version not after it). */
export function quotasAt(db: DbOrTx, at: string): QuotaView[] {
  return quotaRows(
    db,
    sql`q.id = (SELECT q2.id FROM quotas q2 WHERE q2.category_id = q.category_id AND q2.effective_from <= ${at}
                ORDER BY q2.effective_from DESC, q2.id DESC LIMIT 1)`,
  );
}

/** Current quotas and the full history of versions, newest first. */
export function listQuotas(db: DbOrTx, at: string): { current: QuotaView[]; history: QuotaView[] } {
  return { current: quotasAt(db, at), history: quotaRows(db, sql`1`) };
}

/** Changes a category's quota by adding a version effective now; earlier reports keep their quota. */
export function updateQuota({ ctx, input }: { ctx: CoreContext; input: UpdateQuotaInput }): QuotaView {
  const fields = UpdateQuotaInput.parse(input);
  const at = nowIso(ctx);
  return withTransaction(ctx, (tx) => {
    const category = tx.select().from(itemCategories).where(eq(itemCategories.id, fields.categoryId)).get();
    if (!category)
      throw new NotFoundError(msg("coverage.error.categoryNotFound", { id: String(fields.categoryId) }));
    if (fields.measure === "unit" && fields.unitLabel === "kg") {
      throw new ValidationError(msg("coverage.error.countUnitIsKg"), [
        { field: "unitLabel", message: msg("coverage.error.countedInPieces") },
      ]);
    }
    const row = tx
      .insert(quotas)
      .values({ ...fields, effectiveFrom: at, recordedBy: ctx.actor?.userId ?? null, recordedAt: at })
      .returning({ id: quotas.id })
      .get();
    recordAudit(tx, ctx, {
      action: "quotas.update",
      targetType: "quota",
      targetIds: [row.id],
      summary: { category: category.name, ...fields },
    });
    const view = quotaRows(tx, sql`q.id = ${row.id}`)[0];
    if (!view) throw new NotFoundError(msg("coverage.error.quotaNotFound", { id: String(row.id) }));
    return view;
  });
}
