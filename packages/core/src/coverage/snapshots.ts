import { coverageSnapshots, type DbOrTx } from "@relief/db";
import { msg, WINTER_MONTHS } from "@relief/domain";
import { and, asc, desc, eq, gte } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { NotFoundError } from "../errors";
import { addDays, localDate } from "../time";
import type { CategoryCoverage, CoverageQuota } from "./compute";
import { type CoverageSummary, coverageSummary } from "./summary";

export const SnapshotsInput = z
  .object({ days: z.number().int().min(1).max(3660).default(365) })
  .default({ days: 365 });

export interface SnapshotPoint {
  id: number;
  takenAt: string;
  day: string;
  trigger: "manual" | "daily";
  targetRatio: number;
  population: number;
  targetPeople: number;
  peopleCovered: number;
  governmentPeopleCovered: number;
  bottleneck: string | null;
  shelterCapacity: number;
}

/** The trend: snapshots of the last `days` days, oldest first (the stored summaries are left out). */
export function listSnapshots(
  db: DbOrTx,
  input: z.input<typeof SnapshotsInput>,
  now: string,
): SnapshotPoint[] {
  const { days } = SnapshotsInput.parse(input);
  return db
    .select({
      id: coverageSnapshots.id,
      takenAt: coverageSnapshots.takenAt,
      day: coverageSnapshots.day,
      trigger: coverageSnapshots.trigger,
      targetRatio: coverageSnapshots.targetRatio,
      population: coverageSnapshots.population,
      targetPeople: coverageSnapshots.targetPeople,
      peopleCovered: coverageSnapshots.peopleCovered,
      governmentPeopleCovered: coverageSnapshots.governmentPeopleCovered,
      bottleneck: coverageSnapshots.bottleneck,
      shelterCapacity: coverageSnapshots.shelterCapacity,
    })
    .from(coverageSnapshots)
    .where(gte(coverageSnapshots.day, addDays(localDate(now), -days)))
    .orderBy(asc(coverageSnapshots.takenAt), asc(coverageSnapshots.id))
    .all();
}

/** One stored snapshot with its full summary, to show or print the figure as it stood. */
export function getSnapshot(db: DbOrTx, id: number): SnapshotPoint & { summary: CoverageSummary } {
  const row = db.select().from(coverageSnapshots).where(eq(coverageSnapshots.id, id)).get();
  if (!row) throw new NotFoundError(msg("coverage.error.snapshotNotFound", { id: String(id) }));
  const { takenBy: _, summary, ...point } = row;
  return { ...point, summary: storedSummary(summary as StoredSummary) };
}

/** A summary as snapshots taken before season months and reservations were kept stored it. */
type StoredSummary = Omit<CoverageSummary, "categories"> & {
  categories: Array<
    Omit<CategoryCoverage, "quota" | "reservedFor"> & {
      quota: Omit<CoverageQuota, "seasonMonths"> & { seasonMonths?: number[] | null; season?: string };
      reservedFor?: CategoryCoverage["reservedFor"];
    }
  >;
};

/** Older snapshots read as they were meant: `winter` was November to March, and nothing was named reserved. */
function storedSummary(summary: StoredSummary): CoverageSummary {
  return {
    ...summary,
    categories: summary.categories.map(({ quota: { season, ...quota }, reservedFor, ...category }) => ({
      ...category,
      quota: {
        ...quota,
        seasonMonths:
          quota.seasonMonths !== undefined
            ? quota.seasonMonths
            : season === "winter"
              ? [...WINTER_MONTHS]
              : null,
      },
      reservedFor: reservedFor ?? [],
    })),
  };
}

/** Stores the coverage figure as it stands now (10 % target, verified agreement figures). */
export function takeSnapshot({
  ctx,
  trigger = "manual",
}: {
  ctx: CoreContext;
  trigger?: "manual" | "daily";
}): SnapshotPoint {
  return withTransaction(ctx, (tx) => {
    const at = nowIso(ctx);
    const summary = coverageSummary(tx, {}, at);
    const row = tx
      .insert(coverageSnapshots)
      .values({
        takenAt: at,
        day: localDate(at),
        trigger,
        targetRatio: summary.targetRatio,
        population: summary.population,
        targetPeople: summary.targetPeople,
        peopleCovered: summary.headline.peopleCovered,
        governmentPeopleCovered: summary.headline.governmentPeopleCovered,
        bottleneck: summary.headline.bottleneckCategory?.name ?? null,
        shelterCapacity: summary.shelters.capacity,
        summary,
        takenBy: ctx.actor?.userId ?? null,
      })
      .returning()
      .get();
    recordAudit(tx, ctx, {
      action: "coverage.takeSnapshot",
      targetType: "coverage_snapshot",
      targetIds: [row.id],
      summary: { trigger, peopleCovered: row.peopleCovered, targetPeople: row.targetPeople },
    });
    const { takenBy: _, summary: __, ...point } = row;
    return point;
  });
}

/** Takes the day's snapshot unless one was taken already today (the server calls this hourly). */
export function ensureDailySnapshot(ctx: CoreContext): SnapshotPoint | null {
  const today = localDate(nowIso(ctx));
  const existing = ctx.db
    .select({ id: coverageSnapshots.id })
    .from(coverageSnapshots)
    .where(and(eq(coverageSnapshots.day, today), eq(coverageSnapshots.trigger, "daily")))
    .orderBy(desc(coverageSnapshots.id))
    .get();
  return existing ? null : takeSnapshot({ ctx, trigger: "daily" });
}
