import { describe, expect, it } from "vitest";
import { type CreditInputs, creditScore } from "../credit";

const clean: CreditInputs = {
  calloffsDue: 0,
  calloffsOnTime: 0,
  quantityRequested: 0,
  quantityDelivered: 0,
  verifications: 0,
  discrepancies: 0,
  events: { failed_delivery: 0, refused_inspection: 0, false_declaration: 0, commendation: 0 },
};

describe("credit grade formula", () => {
  it("leaves an enterprise with no history unrated, with no rates when nothing was called off", () => {
    expect(creditScore(clean)).toEqual({
      onTimeRate: null,
      fillRate: null,
      score: 100,
      grade: "unrated",
      terms: [],
    });
  });

  it("grades as soon as there is any history: a call-off due, an inspection or an event", () => {
    expect(
      creditScore({
        ...clean,
        calloffsDue: 1,
        calloffsOnTime: 1,
        quantityRequested: 5,
        quantityDelivered: 5,
      }),
    ).toMatchObject({ score: 100, grade: "A", onTimeRate: 1, fillRate: 1 });
    expect(creditScore({ ...clean, verifications: 1 }).grade).toBe("A");
    expect(creditScore({ ...clean, events: { ...clean.events, failed_delivery: 3 } }).grade).toBe("D");
  });

  it("computes the README's worked example: 2 call-offs, 1 on time, 8 of 9 trucks delivered → 82, B", () => {
    const result = creditScore({
      ...clean,
      calloffsDue: 2,
      calloffsOnTime: 1,
      quantityRequested: 9,
      quantityDelivered: 8,
    });
    expect(result).toMatchObject({ onTimeRate: 0.5, score: 82, grade: "B" });
    expect(result.fillRate).toBeCloseTo(8 / 9);
    expect(result.terms).toEqual([
      { term: "onTimeRate", points: -15 },
      { term: "fillRate", points: -3.3 },
    ]);
  });

  it("caps discrepancies at −30, counts events, and clamps the score to 0–100", () => {
    expect(creditScore({ ...clean, discrepancies: 5 }).score).toBe(70);
    expect(creditScore({ ...clean, events: { ...clean.events, commendation: 3 } }).score).toBe(100);
    const worst = creditScore({
      ...clean,
      calloffsDue: 1,
      quantityRequested: 5000,
      events: { ...clean.events, failed_delivery: 1, refused_inspection: 1 },
      discrepancies: 1,
    });
    expect(worst).toMatchObject({ onTimeRate: 0, fillRate: 0, score: 0, grade: "D" });
  });

  it.each([
    [90, "A"],
    [89, "B"],
    [75, "B"],
    [74, "C"],
    [60, "C"],
    [59, "D"],
  ])("score %i is grade %s", (score, grade) => {
    // 100 − 10 × discrepancies (≤ 30) − 1 per… build the score from events and discrepancies.
    const discrepancies = Math.min(3, Math.floor((100 - score) / 10));
    const rest = 100 - score - discrepancies * 10;
    const result = creditScore({
      ...clean,
      verifications: discrepancies,
      discrepancies,
      calloffsDue: rest > 0 ? 1 : 0,
      calloffsOnTime: rest > 0 ? 1 : 0,
      quantityRequested: rest > 0 ? 30 : 0,
      quantityDelivered: rest > 0 ? 30 - rest : 0,
    });
    expect(result.score).toBe(score);
    expect(result.grade).toBe(grade);
  });
});
