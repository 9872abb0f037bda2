import { describe, expect, it } from "vitest";
import areas from "../../../../fixtures/banan/areas.json" with { type: "json" };
import {
  adviseLayout,
  buildScenarios,
  currentLayout,
  DISTRICT_SCENARIO,
  evaluateLayout,
  type LayoutProblem,
  ProblemError,
  parseLayoutProblem,
  scenarioProblem,
} from "../index";
import { westEast } from "./layout-problems";
import { solveChecked } from "./support";

const totals = (problem: LayoutProblem, layout: Record<string, Record<string, number>>) =>
  Object.fromEntries(
    problem.items.map((i) => [i.id, Object.values(layout).reduce((s, row) => s + (row[i.id] ?? 0), 0)]),
  );

describe("scenarios", () => {
  const townships = areas.townships.map((t) => ({
    areaId: t.name,
    node: `T:${t.name}`,
    population: t.population,
    risks: [],
  }));

  it("spreads the district's 10 % over the townships by population, adding up to 117,886", () => {
    const [district] = buildScenarios(townships, { needPerPerson: { tent: 1 / 3 } });
    expect(district?.id).toBe(DISTRICT_SCENARIO);
    expect(district?.hazard).toBe("district");
    expect(district?.sites).toHaveLength(23);
    expect(district?.sites.reduce((s, x) => s + x.people, 0)).toBe(117_886);
    const lzw = district?.sites.find((s) => s.areaId === "龙洲湾街道");
    // 178,554 × 117,886 / 1,178,856 = 17,855.45, and .45 is among the largest remainders.
    expect(lzw?.people).toBe(17_856);
  });

  it("makes one scenario per township and hazard, sized in people or by share", () => {
    const scenarios = buildScenarios(
      [
        {
          areaId: "木洞镇",
          node: "T:木洞镇",
          population: 35_000,
          risks: [
            { hazard: "flood", shareOfResidents: 0.03, weight: 1, closedRoads: [{ from: "a", to: "b" }] },
            { hazard: "fire", relocated: 400, weight: 0.5 },
          ],
        },
      ],
      { needPerPerson: { quilt: 1 }, districtWeight: 2 },
    );
    expect(scenarios.map((s) => [s.id, s.sites[0]?.people, s.weight])).toEqual([
      ["木洞镇:flood", 1050, 1],
      ["木洞镇:fire", 400, 0.5],
      ["district", 3500, 2],
    ]);
    expect(scenarios[0]?.closedRoads).toEqual([{ from: "a", to: "b" }]);
  });

  it("counts household quotas per person with each township's household size, the district's overall", () => {
    const scenarios = buildScenarios(
      [
        {
          areaId: "a",
          node: "na",
          population: 1000,
          householdSize: 2,
          risks: [{ hazard: "fire", relocated: 10, weight: 1 }],
        },
        {
          areaId: "b",
          node: "nb",
          population: 3000,
          householdSize: 3,
          risks: [{ hazard: "fire", relocated: 10, weight: 1 }],
        },
      ],
      { needPerPerson: { tent: 1 / 3, kit: 0.1 }, needPerHousehold: { kit: 1, lamp: 0.5 } },
    );
    const need = Object.fromEntries(scenarios.map((s) => [s.id, s.needPerPerson]));
    // One kit per household of 2 is ½ kit a person, beside the 0.1 a person the kit already had.
    expect(need["a:fire"]).toEqual({ tent: 1 / 3, kit: 0.1 + 1 / 2, lamp: 0.5 / 2 });
    expect(need["b:fire"]).toEqual({ tent: 1 / 3, kit: 0.1 + 1 / 3, lamp: 0.5 / 3 });
    // 4,000 people in 1,000 / 2 + 3,000 / 3 = 1,500 households: 2.67 persons a household.
    expect(need.district?.kit).toBeCloseTo(0.1 + 1500 / 4000, 12);
    expect(need.district?.lamp).toBeCloseTo(0.5 * (1500 / 4000), 12);
  });

  it("refuses household quotas for a township without a household size", () => {
    const kit = (householdSize?: number) => () =>
      buildScenarios(
        [
          {
            areaId: "a",
            node: "na",
            population: 100,
            risks: [],
            ...(householdSize !== undefined && { householdSize }),
          },
        ],
        {
          needPerPerson: {},
          needPerHousehold: { kit: 1 },
        },
      );
    for (const size of [undefined, 0, Number.NaN])
      expect(kit(size)).toThrow("townships[0].householdSize: household quotas need");
    expect(kit(2.45)()[0]?.needPerPerson.kit).toBeCloseTo(1 / 2.45, 12);
  });

  it("refuses a risk sized both ways or not at all, a share above 1, and a hazard twice", () => {
    const bad = () =>
      buildScenarios(
        [
          {
            areaId: "a",
            node: "n",
            population: 100,
            risks: [
              { hazard: "flood", relocated: 5, shareOfResidents: 0.1, weight: 1 },
              { hazard: "fire", weight: 1 },
              { hazard: "earthquake", shareOfResidents: 1.5, weight: 1 },
              { hazard: "earthquake", relocated: 3, weight: 1 },
            ],
          },
        ],
        { needPerPerson: {} },
      );
    expect(bad).toThrow(ProblemError);
    try {
      bad();
    } catch (e) {
      expect((e as ProblemError).issues.map((i) => i.path)).toEqual([
        "townships[0].risks[0]",
        "townships[0].risks[1]",
        "townships[0].risks[2]",
        "townships[0].risks[3].hazard",
      ]);
    }
  });
});

describe("the flow bound", () => {
  it("is what the west's one truck can bring: 40 tents, 120 people — and the planner agrees", async () => {
    const problem = westEast();
    const result = await evaluateLayout(problem);
    expect(result.scenarios).toEqual([
      { id: "flood-east", hazard: "flood", areaId: "town", people: 600, servedInTime: 120, share: 0.2 },
    ]);
    const valid = parseLayoutProblem(problem);
    const plan = solveChecked(
      scenarioProblem(valid, currentLayout(valid), valid.scenarios[0] as (typeof valid.scenarios)[number]),
      500,
    );
    expect(plan.summary.peopleServed).toBe(120);
  });

  it("is 0 when the scenario's closed road cuts the town off", async () => {
    const problem = westEast();
    Object.assign(problem.scenarios[0] as object, { closedRoads: [{ from: "town", to: "E" }] });
    expect((await evaluateLayout(problem)).scenarios[0]?.servedInTime).toBe(0);
  });

  it("names the worst scenario by share and by people left out, and weighs the mean", async () => {
    const problem = westEast();
    problem.scenarios.push({
      id: "fire-village",
      hazard: "fire",
      sites: [{ node: "village", people: 30 }],
      needPerPerson: { tent: 1 / 3, quilt: 1 },
      weight: 3,
    });
    const result = await evaluateLayout(problem);
    expect(result.worst).toEqual({ scenarioId: "flood-east", share: 0.2, people: 600, servedInTime: 120 });
    expect(result.mostUnserved).toEqual({ scenarioId: "flood-east", unserved: 480, people: 600 });
    expect(result.weightedMean.share).toBeCloseTo((0.2 * 1 + 1 * 3) / 4, 9);
    expect(result.weightedMean.servedInTime).toBeCloseTo((120 + 30 * 3) / 4, 9);
  });

  it("refuses an unknown warehouse, item or node and movable above the quantity, naming each", () => {
    const problem = westEast();
    problem.stock.push({ warehouseId: "north", itemId: "rope", quantity: 1, movable: 2 });
    problem.fleet.push({ warehouseId: "west", count: 1, capacityKg: 100 });
    problem.scenarios.push({
      id: "x",
      hazard: "fire",
      sites: [{ node: "nowhere", people: 1 }],
      needPerPerson: {},
      weight: 1,
    });
    expect(() => parseLayoutProblem(problem)).toThrow(ProblemError);
    try {
      parseLayoutProblem(problem);
    } catch (e) {
      expect((e as ProblemError).issues.map((i) => i.path)).toEqual([
        "stock[3].warehouseId",
        "stock[3].itemId",
        "stock[3].movable",
        "scenarios[1].sites[0].node",
      ]);
    }
  });
});

describe("advice", () => {
  it("moves the tents east to the flood, within the truckloads, with district totals unchanged", async () => {
    const problem = westEast();
    const advice = await adviseLayout(problem, { maxTruckloads: 3 });
    expect(advice.transfers).toEqual([
      {
        fromWarehouseId: "west",
        toWarehouseId: "east",
        itemId: "tent",
        quantity: 120,
        reason: {
          code: "fleet",
          scenarioId: "flood-east",
          hazard: "flood",
          areaId: "town",
          itemId: "tent",
          peopleBefore: 120,
          peopleAfter: 480,
        },
      },
    ]);
    expect(advice.truckloads).toEqual([{ fromWarehouseId: "west", toWarehouseId: "east", loads: 3 }]);
    expect(advice.before.worst?.servedInTime).toBe(120);
    expect(advice.after.worst?.servedInTime).toBe(480);
    expect(totals(problem, advice.layout)).toEqual(totals(problem, currentLayout(problem)));
    expect(advice.purchases).toEqual([]);
  });

  it("keeps within one truckload, the receiving store's m³ and the movable part", async () => {
    const one = await adviseLayout(westEast(), { maxTruckloads: 1 });
    expect(one.transfers.map((t) => [t.itemId, t.quantity])).toEqual([["tent", 40]]);

    const small = westEast();
    Object.assign(small.warehouses[1] as object, { capacityM3: 15 + 10 });
    // East holds 500 quilts = 15 m³: 10 m³ free, room for 50 tents of 0.2 m³ …
    Object.assign(small.stock[2] as object, { movable: 0 });
    const full = await adviseLayout(small, { maxTruckloads: 5 });
    expect(full.transfers.map((t) => [t.itemId, t.quantity])).toEqual([["tent", 50]]);
    // … unless quilts may leave to make room: then every limit still holds.
    Object.assign(small.stock[2] as object, { movable: 500 });
    const swap = await adviseLayout(small, { maxTruckloads: 5 });
    expect(swap.after.worst?.servedInTime).toBeGreaterThan(full.after.worst?.servedInTime as number);
    const east = swap.layout.east ?? {};
    expect(0.2 * (east.tent ?? 0) + 0.03 * (east.quilt ?? 0)).toBeLessThanOrEqual(25 + 1e-9);
    expect(swap.truckloads.reduce((n, l) => n + l.loads, 0)).toBeLessThanOrEqual(5);
    for (const l of swap.truckloads) {
      const kg = swap.transfers
        .filter((t) => t.fromWarehouseId === l.fromWarehouseId && t.toWarehouseId === l.toWarehouseId)
        .reduce((n, t) => n + t.quantity * (t.itemId === "tent" ? 50 : 2.5), 0);
      expect(kg).toBeLessThanOrEqual(2000 * l.loads);
    }
    expect(totals(small, swap.layout)).toEqual(totals(small, currentLayout(small)));

    const kept = westEast();
    Object.assign(kept.stock[0] as object, { movable: 30 });
    const some = await adviseLayout(kept, { maxTruckloads: 5 });
    expect(some.transfers.map((t) => [t.itemId, t.quantity])).toEqual([["tent", 30]]);
  });

  it("says the town is out of reach of every tent when the flood closes the road, and names the road", async () => {
    const problem = westEast();
    Object.assign(problem.scenarios[0] as object, { closedRoads: [{ from: "E", to: "W" }] });
    const advice = await adviseLayout(problem, { maxTruckloads: 2 });
    expect(advice.transfers.map((t) => [t.fromWarehouseId, t.toWarehouseId, t.itemId, t.quantity])).toEqual([
      ["west", "east", "tent", 80],
    ]);
    expect(advice.transfers[0]?.reason).toEqual({
      code: "unreachable",
      scenarioId: "flood-east",
      hazard: "flood",
      areaId: "town",
      itemId: "tent",
      peopleBefore: 0,
      peopleAfter: 240,
      closedRoads: [{ from: "E", to: "W" }],
    });
  });

  it("buys within the budget, into stores with trucks, coverage first", async () => {
    const problem = westEast();
    problem.scenarios.push({
      id: DISTRICT_SCENARIO,
      hazard: "district",
      sites: [{ node: "town", people: 1200 }],
      needPerPerson: { tent: 1 / 3, quilt: 1 },
      weight: 1,
    });
    const advice = await adviseLayout(problem, {
      maxTruckloads: 0,
      budgetYuan: 200_000,
      prices: { quilt: 80 },
    });
    const spent = advice.purchases.reduce((s, p) => s + p.costYuan, 0);
    expect(spent).toBeLessThanOrEqual(200_000);
    expect(advice.transfers).toEqual([]);
    // 300 tents cover 900; quilts 1,000: the money goes to tents first (coverage), 1,500 yuan each.
    expect(advice.coverage?.before).toBe(900);
    expect(advice.coverage?.after).toBeGreaterThan(900);
    expect(advice.purchases.every((p) => p.itemId === "tent" || p.costYuan === p.quantity * 80)).toBe(true);
    expect(advice.purchases.find((p) => p.itemId === "tent")?.reason.code).toBe("coverage");
  });

  it("gives the same advice for the same input", async () => {
    const a = await adviseLayout(westEast(), { maxTruckloads: 4, budgetYuan: 50_000 });
    const b = await adviseLayout(westEast(), { maxTruckloads: 4, budgetYuan: 50_000 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
