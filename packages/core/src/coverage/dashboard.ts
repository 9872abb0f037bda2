import type { DbOrTx } from "@relief/db";
import { type AgreementReminders, agreementReminders } from "../agreements/list";
import { type AreaListItem, listAreas, type PopulationTargets } from "../areas/list";
import { type ExpiryRow, listExpiry } from "../stock/expiry";
import { localDate } from "../time";

/** How many reminders of each kind the home page lists; the expiry and agreements pages have the rest. */
export const DASHBOARD_REMINDERS = 5;

export interface ExpiringStock {
  /** The expiry report's default window (90 days): lots expiring within it count as expiring soon. */
  withinDays: number;
  /** Stock entries (warehouse × lot × ownership) on hand past their expiry date. */
  expired: number;
  /** Stock entries on hand expiring within `withinDays`. */
  expiring: number;
  /** The entries expiring soonest, as the expiry report lists them. */
  first: ExpiryRow[];
}

/** Exactly what the home page shows besides `coverage.summary` and `coverage.byTownship`. */
export interface HomeDashboard {
  district: AreaListItem | null;
  targets: PopulationTargets | null;
  /** The district's townships (23 for Banan), with their population basis, for the counts and the table. */
  townships: AreaListItem[];
  expiringStock: ExpiringStock;
  expiringAgreements: AgreementReminders;
}

/** Counts and the first page of the expiry list: the stock domain's own query, asked for five rows. */
function expiringStock(db: DbOrTx, today: string): ExpiringStock {
  const page = listExpiry(db, { list: "expiring", pageSize: DASHBOARD_REMINDERS }, today);
  return {
    withinDays: page.withinDays,
    expired: page.counts.expired,
    expiring: page.counts.expiring,
    first: page.rows,
  };
}

/**
 * The home page's figures in one small answer: the district's population and targets, its townships, and the
 * expiry reminders as counts with the first few rows — never the area register or the expiry report whole.
 */
export function homeDashboard(db: DbOrTx, now: string): HomeDashboard {
  const today = localDate(now);
  const { district, targets, areas } = listAreas(db);
  return {
    district,
    targets,
    townships: district ? areas.filter((a) => a.level === "township" && a.parentId === district.id) : [],
    expiringStock: expiringStock(db, today),
    expiringAgreements: agreementReminders(db, { limit: DASHBOARD_REMINDERS }, now),
  };
}
