import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPlan } from "../check";
import { plan } from "../solve";
import { randomProblem } from "./random-problems";

describe("every plan obeys the contract", () => {
  it("on random problems, the independent checker finds nothing wrong", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const problem = { ...randomProblem(seed), maxIterations: 60, timeLimitMs: 20_000, seed };
        const result = plan(problem);
        expect(checkPlan(problem, result)).toEqual([]);
        expect(result.summary.peopleServed).toBeLessThanOrEqual(result.summary.people);
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it("the same seed and iteration budget give the same plan", () => {
    for (let seed = 0; seed < 10; seed++) {
      const problem = { ...randomProblem(seed), maxIterations: 80, timeLimitMs: 20_000, seed };
      const a = plan(problem);
      const b = plan(problem);
      expect(a.routes).toEqual(b.routes);
      expect(a.outcomes).toEqual(b.outcomes);
    }
  });
});
