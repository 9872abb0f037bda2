import { renderMessage, seasonMonthsMessage, seasonNote, WINTER_MONTHS, zh } from "@relief/domain";
import { describe, expect, it } from "vitest";
import { type CategoryStock, type CoverageQuota, computeCoverage, isInSeason } from "../compute";

const quota = (categoryId: number, change: Partial<CoverageQuota> = {}): CoverageQuota => ({
  categoryId,
  measure: "unit",
  unitLabel: "件",
  quantity: 1,
  perPersons: 1,
  basis: "person",
  days: null,
  required: true,
  seasonMonths: null,
  estimate: true,
  source: "",
  effectiveFrom: "2026-01-01T00:00:00.000Z",
  ...change,
});
const stock = (categoryId: number, change: Partial<CategoryStock> = {}): CategoryStock => ({
  categoryId,
  code: `c${categoryId}`,
  name: `类别${categoryId}`,
  nameEn: `c${categoryId}`,
  government: 0,
  agreementVerified: 0,
  agreementDeclared: 0,
  capacityPerDay: 0,
  flaggedEnterprises: [],
  reserved: [],
  onLoan: 0,
  kgPerMeasure: 2,
  m3PerMeasure: 0.01,
  ...change,
});
const base = {
  population: 10_000,
  householdSize: 2.5,
  targetRatio: 0.1,
  date: "2026-06-01",
  countDeclared: false,
};

describe("coverage figure (hand-computed)", () => {
  it("target 10 % of 10,000 = 1,000 people; 1 tent per 3 people: 334 required, 900 tents cover 2,700", () => {
    const figure = computeCoverage({
      ...base,
      quotas: [quota(1, { perPersons: 3 })],
      stock: [stock(1, { government: 300, agreementVerified: 600 })],
    });
    expect(figure.targetPeople).toBe(1_000);
    expect(figure.categories[0]).toMatchObject({
      perPerson: 1 / 3,
      requiredQuantity: 334,
      governmentPeopleCovered: 900,
      peopleCovered: 2_700,
      shortfallQuantity: 0,
    });
    expect(figure.headline).toMatchObject({
      peopleCovered: 2_700,
      governmentPeopleCovered: 900,
      ratioOfTarget: 2.7,
    });
  });

  it("days of supply: 3 L per person per day for 3 days; 4,000 L cover 444 people, 5,000 L short", () => {
    const figure = computeCoverage({
      ...base,
      quotas: [quota(1, { measure: "kg", unitLabel: "L", quantity: 3, days: 3 })],
      stock: [stock(1, { government: 4_000, kgPerMeasure: 1, m3PerMeasure: 0.001 })],
    });
    expect(figure.categories[0]).toMatchObject({
      perPerson: 3,
      days: 3,
      requiredQuantity: 9_000,
      peopleCovered: 444,
      shortfallQuantity: 5_000,
      shortfallKg: 5_000,
      shortfallM3: 5,
    });
  });

  it("per-household quota: one kit per household of 2.5 people; 100 kits cover 250 people", () => {
    const figure = computeCoverage({
      ...base,
      quotas: [quota(1, { basis: "household" })],
      stock: [stock(1, { government: 100 })],
    });
    expect(figure.categories[0]).toMatchObject({ perPerson: 0.4, requiredQuantity: 400, peopleCovered: 250 });
  });

  it("the bottleneck is the smallest required category; a category not required never sets it", () => {
    const figure = computeCoverage({
      ...base,
      quotas: [quota(1), quota(2), quota(3, { required: false })],
      stock: [stock(1, { government: 800 }), stock(2, { government: 500, agreementVerified: 100 }), stock(3)],
    });
    expect(figure.headline).toMatchObject({
      peopleCovered: 600,
      governmentPeopleCovered: 500,
      bottleneckCategory: { categoryId: 2, name: "类别2" },
    });
    expect(figure.categories.find((c) => c.categoryId === 3)).toMatchObject({
      required: false,
      peopleCovered: 0,
    });
  });

  it("government alone and with agreement stock can have different bottlenecks", () => {
    const figure = computeCoverage({
      ...base,
      quotas: [quota(1), quota(2)],
      stock: [
        stock(1, { government: 100, agreementVerified: 900 }),
        stock(2, { government: 300, agreementVerified: 100 }),
      ],
    });
    expect(figure.headline).toMatchObject({
      peopleCovered: 400,
      bottleneckCategory: { categoryId: 2 },
      governmentPeopleCovered: 100,
      governmentBottleneckCategory: { categoryId: 1 },
    });
  });

  it("counts verified agreement stock by default and declared stock when asked", () => {
    const inputs = {
      ...base,
      quotas: [quota(1)],
      stock: [stock(1, { agreementVerified: 200, agreementDeclared: 700 })],
    };
    expect(computeCoverage(inputs).categories[0]).toMatchObject({
      agreementQuantity: 200,
      peopleCovered: 200,
      declaredQuantity: 700,
    });
    expect(computeCoverage({ ...inputs, countDeclared: true }).categories[0]).toMatchObject({
      agreementQuantity: 700,
      peopleCovered: 700,
    });
  });

  it("shows production capacity per day but never counts it", () => {
    const figure = computeCoverage({
      ...base,
      quotas: [quota(1)],
      stock: [stock(1, { capacityPerDay: 2_000 })],
    });
    expect(figure.categories[0]).toMatchObject({
      capacityPerDay: 2_000,
      capacityPeoplePerDay: 2_000,
      peopleCovered: 0,
    });
    expect(figure.headline.peopleCovered).toBe(0);
  });

  it("a winter quota (November to March, across the new year) is required in its months only", () => {
    expect(
      ["2026-10-31", "2026-11-01", "2027-01-15", "2027-03-31", "2027-04-01"].map((d) =>
        isInSeason(WINTER_MONTHS, d),
      ),
    ).toEqual([false, true, true, true, false]);
    const summer = computeCoverage({
      ...base,
      quotas: [quota(1), quota(2, { seasonMonths: [...WINTER_MONTHS] })],
      stock: [stock(1, { government: 900 }), stock(2, { government: 10 })],
    });
    expect(summer.headline.bottleneckCategory?.categoryId).toBe(1);
    const winter = computeCoverage({
      ...base,
      date: "2026-12-01",
      quotas: summer.categories.map((c) => c.quota),
      stock: [stock(1, { government: 900 }), stock(2, { government: 10 })],
    });
    expect(winter.headline).toMatchObject({ peopleCovered: 10, bottleneckCategory: { categoryId: 2 } });
  });

  it("a season within the year counts in its months only, and says so in both languages", () => {
    const summerMonths = [6, 7, 8];
    expect(
      ["2026-05-31", "2026-06-01", "2026-08-31", "2026-09-01"].map((d) => isInSeason(summerMonths, d)),
    ).toEqual([false, true, true, false]);
    const figure = computeCoverage({
      ...base,
      date: "2026-09-10",
      quotas: [quota(1), quota(2, { seasonMonths: summerMonths })],
      stock: [stock(1, { government: 900 }), stock(2, { government: 10 })],
    });
    expect(figure.categories[1]).toMatchObject({ inSeason: false, required: false });
    expect(figure.headline.bottleneckCategory?.categoryId).toBe(1);
    expect(zh(seasonMonthsMessage(summerMonths))).toBe("6月—8月");
    expect(renderMessage(seasonNote(summerMonths, "2026-09-10") ?? seasonMonthsMessage(null), "en-US")).toBe(
      "Seasonal quota (June to August), not counted until June",
    );
  });

  it("words a wrap-around season from its first month, and says when it counts", () => {
    expect(zh(seasonMonthsMessage(WINTER_MONTHS))).toBe("11月—次年3月");
    expect(renderMessage(seasonMonthsMessage(WINTER_MONTHS), "en-US")).toBe("November to March");
    expect(zh(seasonMonthsMessage([12, 1, 6]))).toBe("6月、12月—次年1月");
    expect(zh(seasonMonthsMessage(null))).toBe("全年");
    expect(seasonNote(null, "2026-12-01")).toBeNull();
    expect(zh(seasonNote(WINTER_MONTHS, "2026-12-01") ?? seasonMonthsMessage(null))).toBe(
      "季节性定额（11月—次年3月），当前计入",
    );
    expect(renderMessage(seasonNote(WINTER_MONTHS, "2026-07-01") ?? seasonMonthsMessage(null), "en-US")).toBe(
      "Seasonal quota (November to March), not counted until November",
    );
  });

  it("names stock reserved for dispatches with the people it would equip, outside the usable figure", () => {
    const incident = { id: 7, number: "ZQ-1", title: "木洞镇洪涝" };
    const figure = computeCoverage({
      ...base,
      quotas: [quota(1, { perPersons: 3 })],
      stock: [
        stock(1, {
          government: 300,
          reserved: [
            { dispatchRef: "DD-2", incident: null, quantity: 10 },
            { dispatchRef: "DD-1", incident, quantity: 400 },
          ],
        }),
      ],
    });
    expect(figure.headline.peopleCovered).toBe(900);
    expect(figure.categories[0]?.reservedFor).toEqual([
      { dispatchRef: "DD-1", incident, quantity: 400, people: 1_200 },
      { dispatchRef: "DD-2", incident: null, quantity: 10, people: 30 },
    ]);
  });

  it("rounds people down exactly: 9,000 tents at 1 per 3 people are 27,000 people", () => {
    const figure = computeCoverage({
      ...base,
      quotas: [quota(1, { perPersons: 3 })],
      stock: [stock(1, { government: 9_000 })],
    });
    expect(figure.categories[0]?.peopleCovered).toBe(27_000);
    const food = computeCoverage({
      ...base,
      quotas: [quota(1, { measure: "kg", quantity: 0.5, days: 3 })],
      stock: [stock(1, { government: 1_000 })],
    });
    expect(food.categories[0]?.peopleCovered).toBe(666);
  });
});
