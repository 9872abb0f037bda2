import type { QuotaBasis, QuotaMeasure } from "@relief/db";
import { isInSeason } from "@relief/domain";

/** The season rule lives in the domain package (the web words it too); the planner and incidents ask here. */
export { isInSeason };

/**
 * The coverage figure as a pure function: everything it needs comes in as data, so the rules below are the
 * whole story (README, “How the coverage figure is computed”).
 *
 * For each category with a quota:
 * - per person = quantity ÷ persons it serves (per-household quotas: ÷ the average household size);
 *   requirement per person = per person × days of supply (1 when the quota is not per day);
 * - required quantity = target people × requirement per person, rounded up;
 * - people covered = usable quantity ÷ requirement per person, rounded down, for government stock alone
 *   and for government + agreement stock;
 * - shortfall = required − (government + agreement), never negative, also in kg and m³.
 * The headline is the minimum over the categories required today (a seasonal quota only in its months),
 * naming the bottleneck; categories not required are shown but never set it.
 */
export interface CoverageQuota {
  categoryId: number;
  measure: QuotaMeasure;
  unitLabel: string;
  quantity: number;
  perPersons: number;
  basis: QuotaBasis;
  days: number | null;
  required: boolean;
  /** Months (1–12) the quota counts in; null: all year. */
  seasonMonths: number[] | null;
  estimate: boolean;
  source: string;
  effectiveFrom: string;
}

export interface CategoryStock {
  categoryId: number;
  code: string;
  name: string;
  nameEn: string;
  /**
   * Usable stock in government-held warehouses (every warehouse but enterprise sites), in the quota's
   * measure: purchased, allocated, donated, and stock already called off from agreements into them.
   */
  government: number;
  /** Agreement stock of agreements in force at enterprise sites: latest verified and latest declared. */
  agreementVerified: number;
  agreementDeclared: number;
  /** Production capacity of agreements in force, per day, in the quota's measure. */
  capacityPerDay: number;
  /** Flagged enterprises (suspended or grade D) whose agreement stock is counted here. */
  flaggedEnterprises: string[];
  /** Stock reserved for dispatches in government warehouses, in the quota's measure: not in `government`. */
  reserved: ReservedStock[];
  /**
   * Usable stock lent to Banan by neighbouring districts (mutual aid, ownership loan), in the quota's measure:
   * the lender's until returned, shown apart and never in any figure.
   */
  onLoan: number;
  /** kg and m³ of one unit of the quota's measure (from the category's main item), for the shortfall. */
  kgPerMeasure: number;
  m3PerMeasure: number;
}

/** What one dispatch reference holds reserved of a category, and the incident its 调拨单 serves. */
export interface ReservedStock {
  dispatchRef: string;
  incident: { id: number; number: string; title: string } | null;
  quantity: number;
}

export interface CoverageInputs {
  population: number;
  /** Average persons per household over the area (population ÷ households). */
  householdSize: number;
  targetRatio: number;
  /** District date `YYYY-MM-DD`, for seasonal quotas. */
  date: string;
  /** Count declared agreement figures instead of verified ones. */
  countDeclared: boolean;
  quotas: CoverageQuota[];
  stock: CategoryStock[];
}

export interface CategoryCoverage {
  categoryId: number;
  code: string;
  name: string;
  nameEn: string;
  measure: QuotaMeasure;
  unitLabel: string;
  quota: CoverageQuota;
  /** Quantity per person per day (or per person when the quota is not per day). */
  perPerson: number;
  days: number | null;
  /** Required for the headline today (quota required, and in season). */
  required: boolean;
  inSeason: boolean;
  requiredQuantity: number;
  governmentQuantity: number;
  /** Agreement stock counted (verified by default, declared when asked). */
  agreementQuantity: number;
  verifiedQuantity: number;
  declaredQuantity: number;
  /** Loaned by neighbours (mutual aid): shown beside, counted nowhere. */
  loanQuantity: number;
  governmentPeopleCovered: number;
  peopleCovered: number;
  shortfallQuantity: number;
  shortfallKg: number;
  shortfallM3: number;
  capacityPerDay: number;
  /** People the daily production capacity equips per day. */
  capacityPeoplePerDay: number;
  flaggedEnterprises: string[];
  /**
   * Stock reserved for dispatches, largest first, with the people it would equip: usable stock does not count
   * it (it is leaving), so this is what the category's figure would gain if the reservations were released.
   */
  reservedFor: Array<ReservedStock & { people: number }>;
}

export interface CoverageFigure {
  population: number;
  targetRatio: number;
  targetPeople: number;
  householdSize: number;
  date: string;
  countDeclared: boolean;
  headline: {
    peopleCovered: number;
    governmentPeopleCovered: number;
    /** Share of the target people covered (1 = target met). */
    ratioOfTarget: number;
    governmentRatioOfTarget: number;
    bottleneckCategory: { categoryId: number; name: string } | null;
    governmentBottleneckCategory: { categoryId: number; name: string } | null;
  };
  categories: CategoryCoverage[];
}

/** Floor that forgives binary rounding (9,000 tents at 1/3 per person is 27,000 people, not 26,999). */
const floorPeople = (x: number) => Math.max(0, Math.floor(x + 1e-9));
const ceilQuantity = (x: number) => Math.ceil(x - 1e-9);

/** Quantity of the quota's measure one person needs for the whole supply period. */
export function requirementPerPerson(quota: CoverageQuota, householdSize: number): number {
  const perPerson =
    quota.basis === "household" ? quota.quantity / householdSize : quota.quantity / quota.perPersons;
  return perPerson * (quota.days ?? 1);
}

/** People a quantity equips under a quota. */
export function peopleFor(quantity: number, quota: CoverageQuota, householdSize: number): number {
  if (quantity <= 0) return 0;
  const persons = quota.basis === "household" ? householdSize : quota.perPersons;
  return floorPeople((quantity * persons) / (quota.quantity * (quota.days ?? 1)));
}

function bottleneck(categories: CategoryCoverage[], key: "peopleCovered" | "governmentPeopleCovered") {
  let worst: CategoryCoverage | null = null;
  for (const c of categories) if (c.required && (worst === null || c[key] < worst[key])) worst = c;
  return worst;
}

export function computeCoverage(inputs: CoverageInputs): CoverageFigure {
  // Rounded as the district plan states its targets (10 % of 1,178,856 = 117,886).
  const targetPeople = Math.round(inputs.population * inputs.targetRatio);
  const stockById = new Map(inputs.stock.map((s) => [s.categoryId, s]));
  const categories = inputs.quotas.flatMap((quota): CategoryCoverage[] => {
    const stock = stockById.get(quota.categoryId);
    if (!stock) return [];
    const inSeason = isInSeason(quota.seasonMonths, inputs.date);
    const perPersonTotal = requirementPerPerson(quota, inputs.householdSize);
    const government = stock.government;
    const agreement = inputs.countDeclared ? stock.agreementDeclared : stock.agreementVerified;
    const requiredQuantity = ceilQuantity(targetPeople * perPersonTotal);
    const shortfallQuantity = Math.max(0, requiredQuantity - government - agreement);
    return [
      {
        categoryId: quota.categoryId,
        code: stock.code,
        name: stock.name,
        nameEn: stock.nameEn,
        measure: quota.measure,
        unitLabel: quota.unitLabel,
        quota,
        perPerson: perPersonTotal / (quota.days ?? 1),
        days: quota.days,
        required: quota.required && inSeason,
        inSeason,
        requiredQuantity,
        governmentQuantity: government,
        agreementQuantity: agreement,
        verifiedQuantity: stock.agreementVerified,
        declaredQuantity: stock.agreementDeclared,
        loanQuantity: stock.onLoan,
        governmentPeopleCovered: peopleFor(government, quota, inputs.householdSize),
        peopleCovered: peopleFor(government + agreement, quota, inputs.householdSize),
        shortfallQuantity,
        shortfallKg: Math.round(shortfallQuantity * stock.kgPerMeasure * 10) / 10,
        shortfallM3: Math.round(shortfallQuantity * stock.m3PerMeasure * 100) / 100,
        capacityPerDay: stock.capacityPerDay,
        capacityPeoplePerDay: peopleFor(stock.capacityPerDay, { ...quota, days: null }, inputs.householdSize),
        flaggedEnterprises: stock.flaggedEnterprises,
        reservedFor: stock.reserved
          .map((r) => ({ ...r, people: peopleFor(r.quantity, quota, inputs.householdSize) }))
          .sort((a, b) => b.quantity - a.quantity || a.dispatchRef.localeCompare(b.dispatchRef)),
      },
    ];
  });
  const worst = bottleneck(categories, "peopleCovered");
  const worstGovernment = bottleneck(categories, "governmentPeopleCovered");
  const peopleCovered = worst?.peopleCovered ?? 0;
  const governmentPeopleCovered = worstGovernment?.governmentPeopleCovered ?? 0;
  return {
    population: inputs.population,
    targetRatio: inputs.targetRatio,
    targetPeople,
    householdSize: inputs.householdSize,
    date: inputs.date,
    countDeclared: inputs.countDeclared,
    headline: {
      peopleCovered,
      governmentPeopleCovered,
      ratioOfTarget: targetPeople > 0 ? peopleCovered / targetPeople : 0,
      governmentRatioOfTarget: targetPeople > 0 ? governmentPeopleCovered / targetPeople : 0,
      bottleneckCategory: worst ? { categoryId: worst.categoryId, name: worst.name } : null,
      governmentBottleneckCategory: worstGovernment
        ? { categoryId: worstGovernment.categoryId, name: worstGovernment.name }
        : null,
    },
    categories,
  };
}
