import { describe, expect, it } from "vitest";
import {
  adviseLayout,
  CONFIRM_SEARCH,
  confirmLayout,
  DISTRICT_SCENARIO,
  LAYOUT_STAGES,
  type LayoutProblem,
  type LayoutProgress,
  type LayoutStage,
  parseLayoutProblem,
} from "../index";
import { westEast } from "./layout-problems";

/**
 * Every report is of a known stage, stages never go back, within a stage `done` climbs by one from 0 to its
 * total, and each stage that starts also ends.
 */
function expectOrderly(reports: LayoutProgress[], stages: LayoutStage[]): void {
  expect([...new Set(reports.map((r) => r.stage))]).toEqual(stages);
  for (const [k, report] of reports.entries()) {
    expect(LAYOUT_STAGES).toContain(report.stage);
    expect(report.done).toBeLessThanOrEqual(report.total);
    const previous = reports[k - 1];
    if (previous?.stage === report.stage) expect(report.done).toBe(previous.done + 1);
    else expect(report.done).toBe(0);
    const next = reports[k + 1];
    if (next?.stage !== report.stage) expect(report.done).toBe(report.total);
  }
}

/** West and east with the district-wide scenario, whose coverage purchases raise first. */
function withDistrict(): LayoutProblem {
  const problem = westEast();
  problem.scenarios.push({
    id: DISTRICT_SCENARIO,
    hazard: "district",
    sites: [{ node: "town", people: 1200 }],
    needPerPerson: { tent: 1 / 3, quilt: 1 },
    weight: 1,
  });
  return problem;
}

describe("progress of the layout engine", () => {
  const scenarios = parseLayoutProblem(westEast()).scenarios.length;
  const options = { maxTruckloads: 4, budgetYuan: 200_000, prices: { quilt: 80 } };

  it("advice reports the bound of today's layout per scenario, the solves, then the advised layout's bound", async () => {
    const reports: LayoutProgress[] = [];
    const advice = await adviseLayout(withDistrict(), { ...options, onProgress: (p) => reports.push(p) });
    expectOrderly(reports, ["boundBefore", "optimise", "boundAfter"]);
    expect(reports.filter((r) => r.stage === "boundBefore").at(-1)?.total).toBe(scenarios + 1);
    // With a budget the coverage is solved first: four solves in all.
    expect(reports.filter((r) => r.stage === "optimise").at(-1)?.total).toBe(4);
    // Reported or not, the advice is the same.
    const silent = await adviseLayout(withDistrict(), options);
    expect(JSON.stringify(advice)).toBe(JSON.stringify(silent));
  });

  it("advice without a budget makes three solves", async () => {
    const reports: LayoutProgress[] = [];
    await adviseLayout(westEast(), { maxTruckloads: 4, onProgress: (p) => reports.push(p) });
    expectOrderly(reports, ["boundBefore", "optimise", "boundAfter"]);
    expect(reports.filter((r) => r.stage === "optimise").at(-1)?.total).toBe(3);
  });

  it("confirmation reports both bounds, then the planner on today's layout and on the advised one", async () => {
    const advice = await adviseLayout(westEast(), { maxTruckloads: 4 });
    const reports: LayoutProgress[] = [];
    const confirmed = await confirmLayout(westEast(), advice.layout, CONFIRM_SEARCH, (p) => reports.push(p));
    expectOrderly(reports, ["boundBefore", "boundAfter", "planBefore", "planAfter"]);
    expect(reports.at(-1)).toEqual({ stage: "planAfter", done: scenarios, total: scenarios });
    const { search, ...figures } = confirmed;
    const { search: _, ...silent } = await confirmLayout(westEast(), advice.layout);
    expect(search).toEqual(CONFIRM_SEARCH);
    expect(figures).toEqual(silent);
  });
});
