import type { DbOrTx } from "@relief/db";
import { m, RESERVE_TARGET_RATIO, SHELTER_TARGET_RATIO } from "@relief/domain";
import { z } from "zod";
import { localDate } from "../time";
import { type CoverageFigure, computeCoverage } from "./compute";
import { populationInputs, stockInputs } from "./inputs";
import { quotasAt } from "./quotas";
import { shelterCapacityByArea } from "./shelters";

export const CoverageInput = z
  .object({
    /** Share of the resident population the reserve must equip; the district plan says 10 %. */
    targetRatio: z
      .number()
      .gt(0, m("coverage.error.targetPositive"))
      .max(1, m("coverage.error.targetAtMost100"))
      .default(RESERVE_TARGET_RATIO),
    /** Count the enterprises' declared agreement stock instead of the verified figures. */
    countDeclared: z.boolean().default(false),
  })
  .default({ targetRatio: RESERVE_TARGET_RATIO, countDeclared: false });
export type CoverageInput = z.input<typeof CoverageInput>;

export interface ShelterFigure {
  targetRatio: number;
  targetPeople: number;
  capacity: number;
  shortfall: number;
}

export type CoverageSummary = CoverageFigure & { at: string; shelters: ShelterFigure };

function shelterFigure(population: number, capacity: number): ShelterFigure {
  const targetPeople = Math.round(population * SHELTER_TARGET_RATIO);
  return {
    targetRatio: SHELTER_TARGET_RATIO,
    targetPeople,
    capacity,
    shortfall: Math.max(0, targetPeople - capacity),
  };
}

/** The district's coverage figure now: the 10 % reserve target by category, and the 20 % shelter figure. */
export function coverageSummary(db: DbOrTx, input: CoverageInput, now: string): CoverageSummary {
  const { targetRatio, countDeclared } = CoverageInput.parse(input);
  const quotas = quotasAt(db, now);
  const population = populationInputs(db);
  const stock = stockInputs(db, quotas, now);
  const figure = computeCoverage({
    population: population.population,
    householdSize: population.householdSize,
    targetRatio,
    date: localDate(now),
    countDeclared,
    quotas,
    stock: [...(stock.byArea.get(0)?.values() ?? [])],
  });
  const capacity = [...shelterCapacityByArea(db).values()].reduce((sum, c) => sum + c, 0);
  return { ...figure, at: now, shelters: shelterFigure(population.population, capacity) };
}

export interface TownshipCoverage {
  areaId: number;
  name: string;
  population: number;
  targetPeople: number;
  /** People the usable stock stored in the township equips (the minimum over required categories). */
  peopleCovered: number;
  governmentPeopleCovered: number;
  ratioOfTarget: number;
  bottleneckCategory: { categoryId: number; name: string } | null;
  categories: Array<{
    categoryId: number;
    name: string;
    unitLabel: string;
    governmentQuantity: number;
    agreementQuantity: number;
    peopleCovered: number;
  }>;
  shelters: ShelterFigure;
}

/**
 * Per township: population, target, the stock stored there (government warehouses in the township and
 * agreement stock at enterprise sites in it) and the people it equips, with the township's own household
 * size; and the shelter capacity against 20 % of its residents.
 */
export function coverageByTownship(db: DbOrTx, input: CoverageInput, now: string): TownshipCoverage[] {
  const { targetRatio, countDeclared } = CoverageInput.parse(input);
  const quotas = quotasAt(db, now);
  const population = populationInputs(db);
  const stock = stockInputs(
    db,
    quotas,
    now,
    population.townships.map((t) => t.id),
  );
  const capacity = shelterCapacityByArea(db);
  const date = localDate(now);
  return population.townships.map((township) => {
    const figure = computeCoverage({
      population: township.population,
      householdSize: township.householdSize,
      targetRatio,
      date,
      countDeclared,
      quotas,
      stock: [...(stock.byArea.get(township.id)?.values() ?? [])],
    });
    return {
      areaId: township.id,
      name: township.name,
      population: township.population,
      targetPeople: figure.targetPeople,
      peopleCovered: figure.headline.peopleCovered,
      governmentPeopleCovered: figure.headline.governmentPeopleCovered,
      ratioOfTarget: figure.headline.ratioOfTarget,
      bottleneckCategory: figure.headline.bottleneckCategory,
      categories: figure.categories.map((c) => ({
        categoryId: c.categoryId,
        name: c.name,
        unitLabel: c.unitLabel,
        governmentQuantity: c.governmentQuantity,
        agreementQuantity: c.agreementQuantity,
        peopleCovered: c.peopleCovered,
      })),
      shelters: shelterFigure(township.population, capacity.get(township.id) ?? 0),
    };
  });
}
