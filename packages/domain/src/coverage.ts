import { type Message, msg, nameList } from "./messages";

/** A quota counts base units of the category's items (顶, 床) or their weight (kg; water as 1 L = 1 kg). */
export const QUOTA_MEASURES = ["unit", "kg"] as const;
export type QuotaMeasure = (typeof QUOTA_MEASURES)[number];

/** Per person (1 quilt; 1 tent per 3 persons) or per household (one family kit per household). */
export const QUOTA_BASES = ["person", "household"] as const;
export type QuotaBasis = (typeof QUOTA_BASES)[number];

/** `winter`: the category is required from 1 November to 31 March only (padded coats). */
export const QUOTA_SEASONS = ["all", "winter"] as const;
export type QuotaSeason = (typeof QUOTA_SEASONS)[number];

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
  ];
}
