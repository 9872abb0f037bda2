import { describe, expect, it } from "vitest";
import type { PlanningProblem } from "../schema";
import { outcome, roads, solveChecked, TENT, WATER } from "./support";

/** One depot, one village across a river: a short bridge (10 min) and a long way round (45 min). */
function riverProblem(
  bridge: { closed?: boolean; speedFactor?: number },
  roundabout = true,
): PlanningProblem {
  const edges = [
    { from: "store", to: "bank", minutes: 20, km: 10 },
    { from: "bank", to: "village", minutes: 10, km: 3, ...bridge },
  ];
  if (roundabout) edges.push({ from: "store", to: "village", minutes: 75, km: 40 });
  return {
    deadlineMinutes: 600,
    items: [WATER],
    network: roads(...edges),
    depots: [{ id: "store", node: "store", loadMinutes: 60, stock: { water: 1000 } }],
    vehicles: [{ id: "truck", depot: "store", capacityKg: 2000 }],
    demands: [{ id: "village", node: "village", people: 100, need: { water: 300 } }],
  };
}

describe("road closures", () => {
  it("take the bridge while it is open", () => {
    const p = solveChecked(riverProblem({}));
    const stop = p.routes[0]?.stops[0];
    expect(stop?.arriveMinutes).toBe(60 + 30);
    expect(p.routes[0]?.km).toBe(26);
    expect(outcome(p, "village").peopleServed).toBe(100);
  });

  it("detour when the bridge is closed, and arrive later", () => {
    const p = solveChecked(riverProblem({ closed: true }));
    expect(p.routes[0]?.stops[0]?.arriveMinutes).toBe(60 + 75);
    expect(p.routes[0]?.km).toBe(80);
    expect(outcome(p, "village")).toMatchObject({ peopleServed: 100, reasons: [] });
  });

  it("slow down over a damaged bridge (speed factor)", () => {
    const p = solveChecked(riverProblem({ speedFactor: 0.25 }));
    expect(p.routes[0]?.stops[0]?.arriveMinutes).toBe(60 + 20 + 40);
  });

  it("report a point cut off by a closure as unreachable, not guess a way", () => {
    const p = solveChecked(riverProblem({ closed: true }, false));
    expect(p.routes).toEqual([]);
    expect(outcome(p, "village")).toMatchObject({
      peopleServed: 0,
      completeAtMinutes: null,
      shortfall: { water: 300 },
      reasons: ["unreachable"],
    });
  });

  it("treat one-way roads as one-way: a point one can reach but not leave is unreachable", () => {
    const p = solveChecked({
      ...riverProblem({}, false),
      network: roads({ from: "store", to: "village", minutes: 30, km: 10, oneWay: true }),
    });
    expect(outcome(p, "village").reasons).toEqual(["unreachable"]);
  });
});

/** Two villages on either side of a depot. */
function twoVillages(over: Partial<PlanningProblem> = {}): PlanningProblem {
  return {
    deadlineMinutes: 600,
    items: [WATER],
    network: roads("store-east:30", "store-west:40", "east-west:70"),
    depots: [{ id: "store", node: "store", loadMinutes: 60, stock: { water: 10_000 } }],
    vehicles: [{ id: "truck", depot: "store", capacityKg: 1000, count: 2 }],
    demands: [
      { id: "east", node: "east", people: 300, need: { water: 900 } },
      { id: "west", node: "west", people: 200, need: { water: 600 } },
    ],
    ...over,
  };
}

describe("shortfalls are explained", () => {
  it("no_stock: the store runs out of water", () => {
    const p = solveChecked(
      twoVillages({ depots: [{ id: "store", node: "store", loadMinutes: 60, stock: { water: 1000 } }] }),
    );
    expect(p.summary.peopleServed).toBe(333);
    const short = p.outcomes.filter((o) => o.peopleServed < o.people);
    expect(short.length).toBeGreaterThan(0);
    for (const o of short) expect(o.reasons).toEqual(["no_stock"]);
    // 333 people × 3 L: the last litre in store is less than one person's quota.
    expect(p.outcomes.reduce((s, o) => s + (o.delivered.water ?? 0), 0)).toBe(999);
  });

  it("no_stock: an item no depot holds, even though the other items are there", () => {
    const p = solveChecked({
      ...twoVillages(),
      items: [WATER, TENT],
      demands: [{ id: "east", node: "east", people: 30, need: { water: 90, tent: 10 } }],
    });
    expect(p.routes).toEqual([]);
    expect(outcome(p, "east")).toMatchObject({ peopleServed: 0, reasons: ["no_stock"] });
  });

  it("fleet: one truck, one trip, two villages", () => {
    const p = solveChecked(
      twoVillages({ maxTripsPerVehicle: 1, vehicles: [{ id: "truck", depot: "store", capacityKg: 1000 }] }),
    );
    // The truck fills up: all 900 L for the east (300 people) and 100 L for 33 people in the west.
    expect(p.summary.peopleServed).toBe(333);
    expect(outcome(p, "east").peopleServed).toBe(300);
    expect(outcome(p, "west")).toMatchObject({ peopleServed: 33, reasons: ["fleet"] });
  });

  it("deadline: a village too far to reach in time", () => {
    const p = solveChecked(twoVillages({ deadlineMinutes: 95 }));
    expect(outcome(p, "east").peopleServed).toBe(300);
    expect(outcome(p, "west")).toMatchObject({ peopleServed: 0, reasons: ["deadline"] });
  });

  it("deadline: stock that exists only in a store too far away", () => {
    const p = solveChecked({
      deadlineMinutes: 200,
      items: [WATER, TENT],
      network: roads("near-village:20", "far-village:300"),
      depots: [
        { id: "near", node: "near", loadMinutes: 30, stock: { water: 1000 } },
        { id: "far", node: "far", loadMinutes: 30, stock: { tent: 100 } },
      ],
      vehicles: [
        { id: "n", depot: "near", capacityKg: 5000 },
        { id: "f", depot: "far", capacityKg: 5000 },
      ],
      demands: [{ id: "village", node: "village", people: 30, need: { water: 90, tent: 10 } }],
    });
    expect(outcome(p, "village")).toMatchObject({ peopleServed: 0, reasons: ["deadline"] });
  });
});

describe("trips, splits and time rules", () => {
  it("reloads for a second trip that leaves after the first returns plus the loading time", () => {
    const p = solveChecked(twoVillages({ vehicles: [{ id: "truck", depot: "store", capacityKg: 1000 }] }));
    expect(p.summary.peopleServed).toBe(500);
    const [first, second] = p.routes;
    expect(first?.trip).toBe(1);
    expect(second?.trip).toBe(2);
    expect(second?.departMinutes).toBe((first?.returnMinutes as number) + 60);
    expect(p.summary.vehiclesUsed).toBe(1);
  });

  it("splits a need larger than a truck across trucks, and names them id#k", () => {
    const p = solveChecked({
      ...twoVillages(),
      vehicles: [{ id: "truck", depot: "store", capacityKg: 400, count: 3 }],
      demands: [{ id: "east", node: "east", people: 400, need: { water: 1200 } }],
      maxTripsPerVehicle: 1,
    });
    expect(outcome(p, "east").peopleServed).toBe(400);
    expect(p.routes.map((r) => r.vehicle).sort()).toEqual(["truck#1", "truck#2", "truck#3"]);
  });

  it("without split deliveries, one truck brings what it can", () => {
    const p = solveChecked({
      ...twoVillages(),
      splitDeliveries: false,
      vehicles: [{ id: "truck", depot: "store", capacityKg: 400, count: 3 }],
      demands: [{ id: "east", node: "east", people: 400, need: { water: 1200 } }],
    });
    expect(p.routes.length).toBe(1);
    expect(outcome(p, "east")).toMatchObject({ peopleServed: 133, reasons: ["fleet"] });
  });

  it("serves the larger village when only one can be reached in time", () => {
    const p = solveChecked(
      twoVillages({
        maxTripsPerVehicle: 1,
        vehicles: [{ id: "truck", depot: "store", capacityKg: 900 }],
        demands: [
          { id: "east", node: "east", people: 100, need: { water: 900 } },
          { id: "west", node: "west", people: 250, need: { water: 900 } },
        ],
      }),
    );
    expect(outcome(p, "west").peopleServed).toBe(250);
    expect(outcome(p, "east").peopleServed).toBe(0);
  });

  it("sends two trucks in parallel rather than one truck twice, to shorten the latest arrival", () => {
    const p = solveChecked(twoVillages());
    expect(p.summary.vehiclesUsed).toBe(2);
    expect(p.summary.latestArrivalMinutes).toBe(60 + 40);
  });

  it("waits for a window to open, and applies the vehicle's speed factor and availability", () => {
    const p = solveChecked({
      ...twoVillages(),
      vehicles: [{ id: "truck", depot: "store", capacityKg: 5000, speedFactor: 0.5, availableAtMinutes: 30 }],
      demands: [
        { id: "east", node: "east", people: 10, need: { water: 30 }, window: [200, 400], serviceMinutes: 15 },
      ],
    });
    const r = p.routes[0];
    expect(r?.departMinutes).toBe(30 + 60);
    expect(r?.stops[0]).toMatchObject({ arriveMinutes: 90 + 60, startMinutes: 200 });
    expect(r?.returnMinutes).toBe(200 + 15 + 60);
  });

  it("brings tents from one store and water from another to the same village", () => {
    const p = solveChecked({
      deadlineMinutes: 600,
      items: [WATER, TENT],
      network: roads("a-village:30", "b-village:30"),
      depots: [
        { id: "a", node: "a", loadMinutes: 30, stock: { tent: 100, water: 5 } },
        { id: "b", node: "b", loadMinutes: 30, stock: { water: 1000 } },
      ],
      vehicles: [
        { id: "ta", depot: "a", capacityKg: 5000 },
        { id: "tb", depot: "b", capacityKg: 5000 },
      ],
      demands: [{ id: "village", node: "village", people: 30, need: { water: 90, tent: 10 } }],
    });
    expect(outcome(p, "village")).toMatchObject({ peopleServed: 30, reasons: [] });
    expect(new Set(p.routes.map((r) => r.depot))).toEqual(new Set(["a", "b"]));
  });

  it("keeps vehicles with maxEndMinutes home in time", () => {
    const p = solveChecked(
      twoVillages({
        vehicles: [{ id: "truck", depot: "store", capacityKg: 2000, count: 2, maxEndMinutes: 130 }],
      }),
    );
    for (const r of p.routes) expect(r.returnMinutes).toBeLessThanOrEqual(130);
    expect(outcome(p, "east").peopleServed).toBe(300);
    expect(outcome(p, "west")).toMatchObject({ peopleServed: 0, reasons: ["deadline"] });
  });

  it("gives the same plan for the same seed and iteration budget", () => {
    const strip = (x: ReturnType<typeof solveChecked>) => ({ routes: x.routes, outcomes: x.outcomes });
    const problem = twoVillages({ vehicles: [{ id: "truck", depot: "store", capacityKg: 500, count: 2 }] });
    expect(strip(solveChecked(problem, 200))).toEqual(strip(solveChecked(problem, 200)));
  });
});
