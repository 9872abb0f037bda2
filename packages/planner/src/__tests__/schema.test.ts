import { describe, expect, it } from "vitest";
import { ProblemError, parseProblem } from "../schema";
import { roads, WATER } from "./support";

const base = () => ({
  deadlineMinutes: 600,
  items: [WATER],
  network: roads("depot-x:30"),
  depots: [{ id: "store", node: "depot", loadMinutes: 60, stock: { water: 100 } }],
  vehicles: [{ id: "truck", depot: "store", capacityKg: 2000 }],
  demands: [{ id: "x", node: "x", people: 10, need: { water: 30 } }],
});

function issues(input: unknown): string[] {
  try {
    parseProblem(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ProblemError);
    return (e as ProblemError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  return [];
}

describe("problem validation", () => {
  it("accepts a consistent problem", () => {
    expect(issues(base())).toEqual([]);
  });

  it("names the path of a vehicle whose depot does not exist", () => {
    const p = base();
    p.vehicles[0] = { ...p.vehicles[0], depot: "nowhere" } as (typeof p.vehicles)[0];
    expect(issues(p)).toEqual(['vehicles[0].depot: unknown depot "nowhere"']);
  });

  it("names a need for an unknown item and stock of an unknown item", () => {
    const p = base();
    (p.demands[0] as { need: Record<string, number> }).need = { water: 1, rice: 5 };
    (p.depots[0] as { stock: Record<string, number> }).stock = { flour: 1 };
    expect(issues(p)).toEqual([
      'depots[0].stock.flour: unknown item "flour"',
      'demands[0].need.rice: unknown item "rice"',
    ]);
  });

  it("rejects negative, fractional and non-finite numbers where they make no sense", () => {
    const p = base() as Record<string, unknown>;
    p.deadlineMinutes = -1;
    (p.demands as { people: number }[])[0] = { ...(p.demands as object[])[0], people: 2.5 } as {
      people: number;
    };
    (p.vehicles as { capacityKg: number }[])[0] = {
      ...(p.vehicles as object[])[0],
      capacityKg: Number.POSITIVE_INFINITY,
    } as { capacityKg: number };
    const found = issues(p);
    expect(found.some((f) => f.startsWith("deadlineMinutes:"))).toBe(true);
    expect(found.some((f) => f.startsWith("demands[0].people:"))).toBe(true);
    expect(found.some((f) => f.startsWith("vehicles[0].capacityKg:"))).toBe(true);
  });

  it("rejects unknown nodes, duplicate ids, reversed windows and edges without a travel time", () => {
    const p = base();
    p.network.edges.push({ from: "x", to: "moon" } as (typeof p.network.edges)[0]);
    p.demands.push({
      id: "x",
      node: "y",
      people: 1,
      need: { water: 1 },
      window: [50, 10],
    } as (typeof p.demands)[0]);
    expect(issues(p)).toEqual([
      'demands[1].id: duplicate id "x"',
      'network.edges[1].to: unknown node "moon"',
      "network.edges[1]: an edge needs minutes, or km with speedKmh",
      'demands[1].node: unknown node "y"',
      "demands[1].window: the window opens after it closes",
    ]);
  });

  it("wants exactly one of network and matrix, and a square matrix", () => {
    const p = base() as Record<string, unknown>;
    delete p.network;
    expect(issues(p)).toEqual(["network: a road network or a travel-time matrix is required"]);
    p.matrix = { nodes: ["depot", "x"], minutes: [[0, 1], [1]] };
    expect(issues(p)).toEqual(["matrix.minutes[1]: expected 2 columns, got 1"]);
  });

  it("rejects unknown fields, so that a misspelt option is not silently ignored", () => {
    expect(issues({ ...base(), splitDelivery: false })[0]).toMatch(/splitDelivery/);
  });
});
