import { describe, expect, it } from "vitest";
import {
  adviseLayout,
  currentLayout,
  evaluateLayout,
  type Layout,
  type LayoutProblem,
  parseLayoutProblem,
  scenarioProblem,
} from "../index";
import { Random } from "../random";
import { randomLayoutProblem } from "./layout-problems";
import { solveChecked } from "./support";

/**
 * Three stores on a line, each with a truck of 5 units and a town beside it; two items of 1 kg, one per person;
 * a little movable stock; one truckload of advice. Every possible truckload (a pair of stores and how much of
 * each item) can be tried.
 */
function tinyProblem(seed: number): LayoutProblem {
  const random = new Random(seed);
  const ids = ["A", "B", "C"];
  const nodes = [...ids, "tA", "tB", "tC"];
  const at = (n: string) => ({ A: 0, B: 100, C: 200, tA: 10, tB: 110, tC: 210 })[n] as number;
  return {
    deadlineMinutes: 130,
    warehouses: ids.map((id) => ({ id, node: id, capacityM3: 4 + random.int(6), loadMinutes: 30 })),
    items: [
      { id: "a", kg: 1, m3: 1 },
      { id: "b", kg: 1, m3: 0.5 },
    ],
    stock: ids.flatMap((w) =>
      ["a", "b"].flatMap((itemId) => {
        const quantity = random.int(5);
        return quantity > 0 ? [{ warehouseId: w, itemId, quantity, movable: random.int(quantity + 1) }] : [];
      }),
    ),
    fleet: ids.map((w) => ({ warehouseId: w, count: 1, capacityKg: 5 })),
    matrix: { nodes, minutes: nodes.map((x) => nodes.map((y) => Math.abs(at(x) - at(y)))) },
    scenarios: ids.map((w, k) => ({
      id: `s${w}`,
      hazard: "flood" as const,
      sites: [{ node: `t${w}`, people: 2 + random.int(5) }],
      needPerPerson: { a: 1, b: 1 },
      weight: 1 + k,
    })),
  };
}

/** Every layout one truckload can make (including none), by enumeration. */
function oneTruckload(problem: LayoutProblem): Layout[] {
  const base = currentLayout(problem);
  const out: Layout[] = [base];
  const movable = (w: string, i: string) =>
    problem.stock.find((s) => s.warehouseId === w && s.itemId === i)?.movable ?? 0;
  for (const from of problem.warehouses)
    for (const to of problem.warehouses) {
      if (from.id === to.id) continue;
      for (let a = 0; a <= movable(from.id, "a"); a++)
        for (let b = 0; b <= movable(from.id, "b"); b++) {
          if (a + b === 0 || a + b > 5) continue;
          const layout = structuredClone(base);
          const row = (w: string) => {
            layout[w] ??= {};
            return layout[w];
          };
          row(from.id).a = (row(from.id).a ?? 0) - a;
          row(from.id).b = (row(from.id).b ?? 0) - b;
          row(to.id).a = (row(to.id).a ?? 0) + a;
          row(to.id).b = (row(to.id).b ?? 0) + b;
          const volume = (row(to.id).a ?? 0) + 0.5 * (row(to.id).b ?? 0);
          const held = (base[to.id]?.a ?? 0) + 0.5 * (base[to.id]?.b ?? 0);
          if (volume <= Math.max(to.capacityM3, held) + 1e-9) out.push(layout);
        }
    }
  return out;
}

describe("the optimiser against enumeration", () => {
  it("finds the best worst share, then the best weighted mean, of every one-truckload layout", async () => {
    let improved = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const problem = tinyProblem(seed);
      let best = { worst: -1, mean: -1 };
      for (const layout of oneTruckload(problem)) {
        const e = await evaluateLayout(problem, layout);
        const worst = e.worst?.share ?? 1;
        const mean = e.weightedMean.share;
        if (worst > best.worst + 1e-9 || (Math.abs(worst - best.worst) <= 1e-9 && mean > best.mean + 1e-9))
          best = { worst, mean };
      }
      const advice = await adviseLayout(problem, { maxTruckloads: 1 });
      expect(advice.after.worst?.share, `seed ${seed}`).toBeCloseTo(best.worst, 9);
      expect(advice.after.weightedMean.share, `seed ${seed}`).toBeCloseTo(best.mean, 9);
      if (best.mean > advice.before.weightedMean.share + 1e-9) improved++;
    }
    expect(improved).toBeGreaterThan(0);
  });
});

describe("the flow bound against the planner", () => {
  it("is never beaten by the planner on random problems, before and after advice", async () => {
    let bound = 0;
    let planned = 0;
    let exact = 0;
    let cases = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const problem = randomLayoutProblem(seed);
      const valid = parseLayoutProblem(problem);
      const advice = await adviseLayout(problem, { maxTruckloads: 2 });
      for (const [layout, evaluation] of [
        [currentLayout(valid), advice.before],
        [advice.layout, advice.after],
      ] as const)
        valid.scenarios.forEach((scenario, k) => {
          const upper = evaluation.scenarios[k]?.servedInTime as number;
          const got = solveChecked(scenarioProblem(valid, layout, scenario), 400).summary.peopleServed;
          expect(got, `seed ${seed} ${scenario.id}`).toBeLessThanOrEqual(upper);
          bound += upper;
          planned += got;
          cases++;
          if (got === upper) exact++;
        });
    }
    // How close the planner comes to the bound on these problems (printed for the README).
    console.info(
      `flow bound vs planner: ${cases} cases, planner/bound ${((100 * planned) / bound).toFixed(1)} %, ` +
        `equal in ${exact}`,
    );
    expect(planned).toBeGreaterThan(0);
  });
});
