import type { DbOrTx } from "@relief/db";
import { quotaMessage, reportNoteMessages, requiredMessage, zh } from "@relief/domain";
import { buildCoverageReport } from "@relief/sheets";
import { z } from "zod";
import type { FileDownload } from "../areas/population-sheet";
import { localDate } from "../time";
import { getSnapshot } from "./snapshots";
import { CoverageInput, type CoverageSummary, coverageSummary } from "./summary";

/** The notes under the report table: how the figure was made, and which quotas are estimates. */
export function reportNotes(summary: CoverageSummary): string[] {
  return reportNoteMessages({
    countDeclared: summary.countDeclared,
    estimates: summary.categories.filter((c) => c.quota.estimate).map((c) => c.name),
    capacity: summary.categories
      .filter((c) => c.capacityPerDay > 0)
      .map((c) => ({ name: c.name, perDay: c.capacityPerDay, unit: c.unitLabel })),
    population: summary.population,
    householdSize: summary.householdSize.toFixed(2),
    flagged: [...new Set(summary.categories.flatMap((c) => c.flaggedEnterprises))],
    // Snapshots stored before loans existed have no loanQuantity.
    loans: summary.categories
      .filter((c) => (c.loanQuantity ?? 0) > 0)
      .map((c) => ({ name: c.name, quantity: c.loanQuantity, unit: c.unitLabel })),
  }).map(zh);
}

export const ReportInput = z.intersection(
  CoverageInput,
  z.object({
    /** Print a stored snapshot as it stood instead of the figure now. */
    snapshotId: z.number().int().positive().optional(),
  }),
);
export type ReportInput = z.input<typeof ReportInput>;

/** The report of the figure now, or of a stored snapshot (dated as taken). */
export function exportCoverageReport(db: DbOrTx, input: ReportInput, now: string): FileDownload {
  const { snapshotId, ...coverage } = ReportInput.parse(input);
  const stored = snapshotId === undefined ? null : getSnapshot(db, snapshotId);
  const summary = stored ? stored.summary : coverageSummary(db, coverage, now);
  const date = localDate(stored ? stored.takenAt : now);
  return {
    fileName: `救灾物资储备保障能力报表_${date}.xlsx`,
    content: buildCoverageReport({
      title: "巴南区救灾物资储备保障能力报表",
      organisation: "巴南区民政局",
      date,
      population: summary.population,
      targetRatio: summary.targetRatio,
      targetPeople: summary.targetPeople,
      peopleCovered: summary.headline.peopleCovered,
      governmentPeopleCovered: summary.headline.governmentPeopleCovered,
      bottleneck: summary.headline.bottleneckCategory?.name ?? "—",
      shelterTarget: summary.shelters.targetPeople,
      shelterCapacity: summary.shelters.capacity,
      categories: summary.categories.map((c) => ({
        name: c.name,
        unitLabel: c.unitLabel,
        quota: zh(quotaMessage(c.quota)),
        required: zh(requiredMessage(c.quota, summary.date)),
        requiredQuantity: c.requiredQuantity,
        governmentQuantity: round(c.governmentQuantity),
        agreementQuantity: round(c.agreementQuantity),
        totalQuantity: round(c.governmentQuantity + c.agreementQuantity),
        peopleCovered: c.peopleCovered,
        coverage: summary.targetPeople > 0 ? c.peopleCovered / summary.targetPeople : 0,
        shortfallQuantity: round(c.shortfallQuantity),
        shortfallTonnes: Math.round(c.shortfallKg) / 1000,
        shortfallM3: c.shortfallM3,
      })),
      notes: reportNotes(summary),
    }),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
