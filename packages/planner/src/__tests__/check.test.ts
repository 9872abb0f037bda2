import { describe, expect, it } from "vitest";
import { checkPlan } from "../check";
import type { DispatchPlan } from "../plan-types";
import type { PlanningProblem } from "../schema";
import { roads, solveChecked, WATER } from "./support";

const problem: PlanningProblem = {
  deadlineMinutes: 600,
  items: [WATER],
  network: roads("store-east:30", "store-west:40", "east-west:70"),
  depots: [{ id: "store", node: "store", loadMinutes: 60, stock: { water: 2000 } }],
  vehicles: [{ id: "truck", depot: "store", capacityKg: 1000, maxEndMinutes: 500 }],
  demands: [
    { id: "east", node: "east", people: 300, need: { water: 900 }, window: [0, 400] },
    { id: "west", node: "west", people: 200, need: { water: 600 } },
  ],
};

/** Applies a mutation to a copy of a valid plan and returns what the checker says. */
function broken(mutate: (p: DispatchPlan) => void): string[] {
  const p = structuredClone(solveChecked(problem));
  mutate(p);
  return checkPlan(problem, p);
}

describe("the plan checker", () => {
  it("accepts the planner's plan", () => {
    const p = solveChecked(problem);
    expect(p.routes.length).toBe(2);
    expect(checkPlan(problem, p)).toEqual([]);
  });

  it("catches an overloaded trip", () => {
    const errors = broken((p) => {
      const stop = p.routes[0]?.stops[0] as DispatchPlan["routes"][0]["stops"][0];
      stop.deliver.water = 1001;
    });
    expect(errors.some((e) => e.includes("more than 1000"))).toBe(true);
  });

  it("catches travel faster than the roads allow", () => {
    const errors = broken((p) => {
      const stop = p.routes[0]?.stops[0] as DispatchPlan["routes"][0]["stops"][0];
      stop.arriveMinutes -= 1;
      stop.startMinutes -= 1;
    });
    expect(errors.some((e) => e.includes("earlier than possible"))).toBe(true);
  });

  it("catches overlapping trips and a second trip leaving before reloading", () => {
    const errors = broken((p) => {
      const second = p.routes[1] as DispatchPlan["routes"][0];
      second.departMinutes -= 30;
    });
    expect(errors.some((e) => e.includes("departs at"))).toBe(true);
  });

  it("catches a delivery after the deadline or the window", () => {
    const late = structuredClone(problem);
    late.deadlineMinutes = 100;
    const p = solveChecked(problem);
    expect(checkPlan(late, p).some((e) => e.includes("after the deadline"))).toBe(true);
  });

  it("catches wrong km, wrong people served and a missing reason", () => {
    const errors = broken((p) => {
      (p.routes[0] as DispatchPlan["routes"][0]).km += 1;
      const o = p.outcomes[0] as DispatchPlan["outcomes"][0];
      o.peopleServed -= 1;
      p.summary.totalKm += 5;
    });
    expect(errors.some((e) => e.includes("the roads give"))).toBe(true);
    expect(errors.some((e) => e.includes("people served reported"))).toBe(true);
    expect(errors.some((e) => e.includes("summary.totalKm"))).toBe(true);
  });

  it("catches stock sent beyond what the depot holds", () => {
    const short = structuredClone(problem);
    (short.depots[0] as { stock: Record<string, number> }).stock.water = 1200;
    const p = solveChecked(problem);
    expect(checkPlan(short, p).some((e) => e.includes("in stock"))).toBe(true);
  });

  it("catches a vehicle that comes home after maxEndMinutes", () => {
    const strict = structuredClone(problem);
    (strict.vehicles[0] as { maxEndMinutes: number }).maxEndMinutes = 200;
    const p = solveChecked(problem);
    expect(checkPlan(strict, p).some((e) => e.includes("after maxEndMinutes"))).toBe(true);
  });
});
