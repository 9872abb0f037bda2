import { describe, expect, it } from "vitest";
import { smallProblem, solveExactly } from "./exact";
import { solveChecked } from "./support";

describe("against the exact optimum (HiGHS)", () => {
  it("serves exactly as many people as the optimum, and never beats it lexicographically", async () => {
    let sameLatest = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const problem = smallProblem(seed);
      const best = await solveExactly(problem);
      const got = solveChecked(problem, 1500);
      expect(got.summary.peopleServed, `seed ${seed}`).toBe(best.people);
      if (best.latestArrival === null) continue;
      const latest = got.summary.latestArrivalMinutes as number;
      expect(latest, `seed ${seed}`).toBeGreaterThanOrEqual(best.latestArrival - 1e-6);
      if (Math.abs(latest - best.latestArrival) < 1e-6) {
        sameLatest++;
        expect(got.summary.totalKm).toBeGreaterThanOrEqual(best.km - 1e-6);
      }
    }
    expect(sameLatest).toBeGreaterThan(0);
  });
});
