import type { DbOrTx } from "@relief/db";
import { buildCoverageReport } from "@relief/sheets";
import { z } from "zod";
import type { FileDownload } from "../areas/population-sheet";
import { localDate } from "../time";
import type { CategoryCoverage, CoverageQuota } from "./compute";
import { getSnapshot } from "./snapshots";
import { CoverageInput, type CoverageSummary, coverageSummary } from "./summary";

/** A quota as people read it: “1 顶/3 人”, “1 个/户”, “3 L/人·日 × 3 日”. */
export function quotaText(quota: CoverageQuota): string {
  const amount = `${quota.quantity} ${quota.unitLabel}`;
  const per =
    quota.basis === "household" ? "/户" : quota.perPersons === 1 ? "/人" : `/${quota.perPersons} 人`;
  return quota.days === null ? `${amount}${per}` : `${amount}${per}·日 × ${quota.days} 日`;
}

function requiredText(c: CategoryCoverage): string {
  if (!c.quota.required) return "否（仅列示）";
  return c.inSeason ? "是" : "否（非适用季节）";
}

/** The notes under the report table: how the figure was made, and which quotas are estimates. */
export function reportNotes(summary: CoverageSummary): string[] {
  const estimates = summary.categories.filter((c) => c.quota.estimate).map((c) => c.name);
  const capacity = summary.categories.filter((c) => c.capacityPerDay > 0);
  const flagged = [...new Set(summary.categories.flatMap((c) => c.flaggedEnterprises))];
  return [
    `可保障人数 = 可用库存 ÷ 人均定额（取整）；全区可保障人数取计入类别中的最小值（短板类别）。`,
    `可用库存：政府储备仓库中未过期、未冻结、未预留的库存；协议储备仅计有效期内协议${summary.countDeclared ? "的企业申报数" : "最近一次核查数"}，且不超过承诺数量。产能储备不计入库存。`,
    estimates.length > 0
      ? `以下类别的保障定额为估算值，待核定：${estimates.join("、")}。`
      : "保障定额均已核定。",
    capacity.length > 0
      ? `产能储备（未计入）：${capacity.map((c) => `${c.name}每日可生产 ${c.capacityPerDay.toLocaleString("zh-CN")} ${c.unitLabel}`).join("；")}。`
      : "无产能储备。",
    `人口：常住人口 ${summary.population.toLocaleString("zh-CN")} 人；按户计的定额以户均 ${summary.householdSize.toFixed(2)} 人折算。`,
    ...(flagged.length > 0
      ? [`以下企业已暂停合作或信用等级为 D，其协议储备仍计入上表，请关注：${flagged.join("、")}。`]
      : []),
  ];
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
        quota: quotaText(c.quota),
        required: requiredText(c),
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
