import { COVERAGE_EDITORS, RESERVE_TARGET_RATIO } from "@relief/domain";

/** The value lists quotas and shelters are declared with, from the domain package the server reads them from. */
export { QUOTA_BASES, QUOTA_MEASURES, SHELTER_STATUSES, SHELTER_TYPES } from "@relief/domain";

import type { Role, RouterInputs, RouterOutputs } from "./api-types";
import { formatDecimal } from "./format";

/** Shapes of the coverage, quota and shelter procedures (read from the router's types). */
export type CoverageSummary = RouterOutputs["coverage"]["summary"];
export type CoverageQuery = Extract<RouterInputs["coverage"]["summary"], object>;
export type CategoryCoverage = CoverageSummary["categories"][number];
export type CoverageQuota = CategoryCoverage["quota"];
export type TownshipCoverage = RouterOutputs["coverage"]["byTownship"][number];
/** Coverage within reach (`dispatch.reach`): per township, what the stock that reaches it within 10 h equips. */
export type TownshipReach = RouterOutputs["dispatch"]["reach"][number];
export type SnapshotPoint = RouterOutputs["coverage"]["snapshots"][number];
export type QuotaView = RouterOutputs["quotas"]["list"]["current"][number];
export type QuotaInput = RouterInputs["quotas"]["update"];
export type QuotaMeasure = QuotaView["measure"];
export type QuotaBasis = QuotaView["basis"];
export type ShelterView = RouterOutputs["shelters"]["list"][number];
export type ShelterInput = RouterInputs["shelters"]["create"];
export type ShelterType = ShelterView["type"];
export type ShelterStatus = ShelterView["status"];

/** The reserve target of the district plan (10 % of residents), in percent: the dashboard's default. */
export const DEFAULT_TARGET_PERCENT = RESERVE_TARGET_RATIO * 100;

export function canEditCoverage(role: Role): boolean {
  return COVERAGE_EDITORS.includes(role);
}

/** How a share of the target is coloured: red below half, orange below the target, green once met. */
export type RatioLevel = "low" | "mid" | "ok";

/** People within reach as a share of the township's target; a township with no target has met it. */
export function reachRatio(peopleWithinReach: number, targetPeople: number): number {
  return targetPeople > 0 ? peopleWithinReach / targetPeople : 1;
}

export function ratioLevel(ratio: number): RatioLevel {
  if (ratio < 0.5) return "low";
  if (ratio < 1) return "mid";
  return "ok";
}

export const RATIO_COLORS: Record<RatioLevel, string> = { low: "#cf1322", mid: "#d46b08", ok: "#389e0d" };

/** “12.3%”: a share with one decimal. */
export function formatPercent(ratio: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio * 100)}%`;
}

/** A stock quantity in a quota's measure: whole units, or kg with up to two decimals. */
export function formatMeasure(value: number, locale: string): string {
  return formatDecimal(value, locale, 2);
}

/** The category's name in the UI's language (the English name when the UI is in English). */
export function categoryLabel(category: { name: string; nameEn?: string }, locale: string): string {
  return locale === "en-US" && category.nameEn ? category.nameEn : category.name;
}

/** How far down a category's `required` reaches: counted, shown only, or out of season. */
export type RequiredState = "yes" | "shown" | "offSeason";

export function requiredState(c: Pick<CategoryCoverage, "quota" | "inSeason">): RequiredState {
  if (!c.quota.required) return "shown";
  return c.inSeason ? "yes" : "offSeason";
}

/** The coverage input as the address carries it: `?ratio=10&declared=1`. */
export function coverageQueryFromParams(params: URLSearchParams): CoverageQuery {
  const ratio = Number(params.get("ratio"));
  const percent = Number.isFinite(ratio) && ratio > 0 && ratio <= 100 ? ratio : DEFAULT_TARGET_PERCENT;
  return { targetRatio: percent / 100, countDeclared: params.get("declared") === "1" };
}

export function coverageQueryParams(query: CoverageQuery): string {
  const params = new URLSearchParams();
  const percent = Math.round((query.targetRatio ?? RESERVE_TARGET_RATIO) * 10000) / 100;
  if (percent !== DEFAULT_TARGET_PERCENT) params.set("ratio", String(percent));
  if (query.countDeclared) params.set("declared", "1");
  const text = params.toString();
  return text ? `?${text}` : "";
}
