import { type Message, msg, nameList } from "./messages";

/** A quota counts base units of the category's items (顶, 床) or their weight (kg; water as 1 L = 1 kg). */
export const QUOTA_MEASURES = ["unit", "kg"] as const;
export type QuotaMeasure = (typeof QUOTA_MEASURES)[number];

/** Per person (1 quilt; 1 tent per 3 persons) or per household (one family kit per household). */
export const QUOTA_BASES = ["person", "household"] as const;
export type QuotaBasis = (typeof QUOTA_BASES)[number];

/**
 * The months (1–12) in which a seasonal quota counts for the headline; null: all year. Padded coats count in
 * winter, November to March. A season runs in calendar order and may wrap past December.
 */
export type SeasonMonths = readonly number[] | null;

/** Winter as the district plan reads it: 1 November to 31 March. */
export const WINTER_MONTHS: readonly number[] = [11, 12, 1, 2, 3];

/** The month of a district date `YYYY-MM-DD`. */
const monthOf = (date: string) => Number(date.slice(5, 7));

/** Whether a quota with these season months counts on a district date. */
export function isInSeason(months: SeasonMonths, date: string): boolean {
  return months === null || months.includes(monthOf(date));
}

/** The months in order, without repeats; null (all year) when every month is named or none is. */
export function normalSeasonMonths(months: readonly number[] | null | undefined): number[] | null {
  if (!months) return null;
  const set = [...new Set(months)].sort((a, b) => a - b);
  return set.length === 0 || set.length === 12 ? null : set;
}

/**
 * The season as runs of consecutive months, each run starting after a month out of season, so that a winter
 * season reads November → March and not January → March plus November → December.
 */
export function seasonRuns(months: readonly number[]): Array<{ from: number; to: number }> {
  const inSeason = new Set(months);
  const runs: Array<{ from: number; to: number }> = [];
  for (let month = 1; month <= 12; month++) {
    const previous = month === 1 ? 12 : month - 1;
    if (!inSeason.has(month) || inSeason.has(previous)) continue;
    let to = month;
    while (inSeason.has(to === 12 ? 1 : to + 1)) to = to === 12 ? 1 : to + 1;
    runs.push({ from: month, to });
  }
  return runs;
}

/** The first month in season after a date's month (the quota counts again from its first day). */
export function nextSeasonMonth(months: readonly number[], date: string): number {
  const after = (step: number) => ((monthOf(date) - 1 + step) % 12) + 1;
  for (let step = 1; step < 12; step++) if (months.includes(after(step))) return after(step);
  return monthOf(date);
}

const MONTH_KEYS = [
  "coverage.month.1",
  "coverage.month.2",
  "coverage.month.3",
  "coverage.month.4",
  "coverage.month.5",
  "coverage.month.6",
  "coverage.month.7",
  "coverage.month.8",
  "coverage.month.9",
  "coverage.month.10",
  "coverage.month.11",
  "coverage.month.12",
] as const;

/** A month's name: 11月 / November. */
export function monthMessage(month: number): Message {
  return msg(MONTH_KEYS[(month - 1 + 12) % 12] ?? "coverage.month.1");
}

/** The months of a season as people read them: 全年, 11月—次年3月, 6月—8月、12月. */
export function seasonMonthsMessage(months: SeasonMonths): Message {
  if (months === null) return msg("coverage.season.allYear");
  const runs = seasonRuns(months).map(({ from, to }) => {
    if (from === to) return monthMessage(from);
    return msg(to < from ? "coverage.season.rangeNextYear" : "coverage.season.range", {
      from: monthMessage(from),
      to: monthMessage(to),
    });
  });
  return msg("coverage.season.months", { months: nameList(runs) });
}

/**
 * What a seasonal quota means on a date: 季节性定额（11月—次年3月），当前计入 / not counted until November.
 * Null for a quota that counts all year.
 */
export function seasonNote(months: SeasonMonths, date: string): Message | null {
  if (months === null) return null;
  const season = seasonMonthsMessage(months);
  if (isInSeason(months, date)) return msg("coverage.season.countedNow", { season });
  return msg("coverage.season.notCountedUntil", {
    season,
    month: monthMessage(nextSeasonMonth(months, date)),
  });
}

export const SHELTER_TYPES = ["park", "square", "school", "stadium", "other"] as const;
export type ShelterType = (typeof SHELTER_TYPES)[number];

/** 可用, 维护中, 停用: only open shelters count toward the 20 % figure. */
export const SHELTER_STATUSES = ["open", "maintenance", "closed"] as const;
export type ShelterStatus = (typeof SHELTER_STATUSES)[number];

export const SNAPSHOT_TRIGGERS = ["manual", "daily"] as const;
export type SnapshotTrigger = (typeof SNAPSHOT_TRIGGERS)[number];

/** The terms of a quota its text is made of. */
export interface QuotaTerms {
  quantity: number;
  unitLabel: string;
  perPersons: number;
  basis: QuotaBasis;
  days: number | null;
}

/**
 * A quota as people read it: “1 顶/3 人”, “1 个/户”, “3 L/人·日 × 3 日” — one rule for the report's
 * spreadsheet and the web's pages.
 */
export function quotaMessage(quota: QuotaTerms): Message {
  const amount = msg("coverage.quotaText.amount", { quantity: quota.quantity, unit: quota.unitLabel });
  const base =
    quota.basis === "household"
      ? msg("coverage.quotaText.household", { amount })
      : quota.perPersons === 1
        ? msg("coverage.quotaText.person", { amount })
        : msg("coverage.quotaText.persons", { amount, persons: quota.perPersons });
  return quota.days === null ? base : msg("coverage.quotaText.days", { base, days: quota.days });
}

/**
 * Whether a category counts for the headline on a date, as the report's 是否计入 column says it: 是, 否（仅列示）,
 * or for a seasonal quota 是/否 with its months and when it counts.
 */
export function requiredMessage(
  quota: { required: boolean; seasonMonths: SeasonMonths },
  date: string,
): Message {
  if (!quota.required) return msg("coverage.required.shown");
  const note = seasonNote(quota.seasonMonths, date);
  if (note === null) return msg("coverage.required.yes");
  return msg(
    isInSeason(quota.seasonMonths, date) ? "coverage.required.inSeason" : "coverage.required.offSeason",
    {
      note,
    },
  );
}

/** What the notes under the coverage report say; names as the reader's language shows them. */
export interface ReportNoteFacts {
  countDeclared: boolean;
  /** Categories whose quota is an estimate. */
  estimates: readonly string[];
  /** Production capacity, not counted in the figure. */
  capacity: ReadonlyArray<{ name: string; perDay: number; unit: string }>;
  population: number;
  /** Persons per household, as written (two decimals). */
  householdSize: string;
  /** Enterprises suspended or graded D whose agreement stock is still counted. */
  flagged: readonly string[];
  /** Stock on loan from neighbouring districts, held but never counted. */
  loans: ReadonlyArray<{ name: string; quantity: number; unit: string }>;
}

/** The notes under the coverage report, the same on the printed page and in the spreadsheet. */
export function reportNoteMessages(facts: ReportNoteFacts): Message[] {
  return [
    msg("coverage.reportNote.method"),
    msg(facts.countDeclared ? "coverage.reportNote.stockDeclared" : "coverage.reportNote.stockVerified"),
    facts.estimates.length > 0
      ? msg("coverage.reportNote.estimates", { names: nameList(facts.estimates) })
      : msg("coverage.reportNote.noEstimates"),
    facts.capacity.length > 0
      ? msg("coverage.reportNote.capacity", {
          list: facts.capacity.map((c) =>
            msg("coverage.reportNote.capacityItem", { name: c.name, quantity: c.perDay, unit: c.unit }),
          ),
        })
      : msg("coverage.reportNote.noCapacity"),
    msg("coverage.reportNote.population", { population: facts.population, household: facts.householdSize }),
    ...(facts.flagged.length > 0
      ? [msg("coverage.reportNote.flagged", { names: nameList(facts.flagged) })]
      : []),
    ...(facts.loans.length > 0
      ? [
          msg("coverage.reportNote.loans", {
            list: facts.loans.map((l) =>
              msg("coverage.reportNote.loanItem", { name: l.name, quantity: l.quantity, unit: l.unit }),
            ),
          }),
        ]
      : []),
  ];
}
