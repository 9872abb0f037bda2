import { describe, expect, it } from "vitest";
import { buildGraph, ShortestPaths, travelMatrix, travelTimes } from "../paths";
import { Random } from "../random";
import { parseProblem, type ValidProblem } from "../schema";

type Network = NonNullable<ValidProblem["network"]>;

/** A random road network with one-way streets, closures, slowed roads and edges given by km and speed. */
function randomNetwork(random: Random, n: number, m: number): Network {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}` }));
  const edges: Network["edges"] = [];
  for (let e = 0; e < m; e++) {
    const from = `n${random.int(n)}`;
    const to = `n${random.int(n)}`;
    const byKm = random.float() < 0.3;
    const km = 1 + random.int(20);
    edges.push({
      from,
      to,
      ...(byKm ? { km, speedKmh: 20 + random.int(4) * 10 } : { minutes: 1 + random.int(30), km }),
      oneWay: random.float() < 0.3,
      closed: random.float() < 0.15,
      ...(random.float() < 0.2 ? { speedFactor: 0.5 } : {}),
    });
  }
  return { nodes, edges };
}

/** Floyd–Warshall over (minutes, km) pairs compared lexicographically: the brute-force reference. */
function floyd(network: Network): { t: number[][]; k: number[][] } {
  const n = network.nodes.length;
  const idx = new Map(network.nodes.map((x, i) => [x.id, i]));
  const t = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)),
  );
  const k = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)),
  );
  const relax = (a: number, b: number, tt: number, kk: number) => {
    const row = t[a] as number[];
    const krow = k[a] as number[];
    if (tt < (row[b] as number) || (tt === row[b] && kk < (krow[b] as number))) {
      row[b] = tt;
      krow[b] = kk;
    }
  };
  for (const e of network.edges) {
    if (e.closed) continue;
    const tt = (e.minutes ?? ((e.km as number) / (e.speedKmh as number)) * 60) / (e.speedFactor ?? 1);
    const a = idx.get(e.from) as number;
    const b = idx.get(e.to) as number;
    relax(a, b, tt, e.km ?? 0);
    if (!e.oneWay) relax(b, a, tt, e.km ?? 0);
  }
  for (let via = 0; via < n; via++)
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++) {
        const tt = (t[a]?.[via] as number) + (t[via]?.[b] as number);
        relax(a, b, tt, (k[a]?.[via] as number) + (k[via]?.[b] as number));
      }
  return { t, k };
}

describe("shortest paths", () => {
  it("match brute force on random graphs with closures, one-way and slowed roads", () => {
    const random = new Random(7);
    for (let trial = 0; trial < 40; trial++) {
      const n = 2 + random.int(25);
      const network = randomNetwork(random, n, random.int(n * 3));
      const ref = floyd(network);
      const sp = new ShortestPaths(buildGraph(network));
      for (let s = 0; s < n; s++) {
        sp.run(s);
        for (let v = 0; v < n; v++) {
          const want = ref.t[s]?.[v] as number;
          const got = sp.time[v] as number;
          if (want === Infinity) expect(got).toBe(Infinity);
          else expect(got).toBeCloseTo(want, 9);
          if (want !== Infinity) expect(sp.km[v] as number).toBeCloseTo(ref.k[s]?.[v] as number, 9);
        }
      }
    }
  });

  it("stop early once every target is settled, with the targets' values exact", () => {
    const random = new Random(11);
    const network = randomNetwork(random, 60, 200);
    const ref = floyd(network);
    const graph = buildGraph(network);
    const sp = new ShortestPaths(graph);
    const marks = new Uint8Array(60);
    const targets = [3, 17, 42];
    for (const t of targets) marks[t] = 1;
    for (let s = 0; s < 60; s++) {
      sp.run(s, marks, targets.length);
      for (const t of targets) {
        const want = ref.t[s]?.[t] as number;
        if (want === Infinity) expect(sp.time[t]).toBe(Infinity);
        else expect(sp.time[t] as number).toBeCloseTo(want, 9);
      }
    }
  });

  it("give the same matrix when computed on several threads as row by row", () => {
    const random = new Random(5);
    const network = randomNetwork(random, 5000, 8000);
    const problem = parseProblem({
      deadlineMinutes: 600,
      items: [{ id: "water", kg: 1, m3: 0.001 }],
      network,
      depots: [],
      vehicles: [],
      demands: [],
    });
    // 800 places on 5,000 nodes: enough work for the matrix to be computed in parallel where cores allow.
    const places = network.nodes.slice(0, 800).map((n) => n.id);
    const matrix = travelMatrix(problem, places);
    const sp = new ShortestPaths(buildGraph(network));
    for (let a = 0; a < places.length; a += 97) {
      sp.run(a);
      for (let b = 0; b < places.length; b++) {
        expect(matrix.minutes[a * places.length + b]).toBe(sp.time[b]);
        expect(matrix.km[a * places.length + b]).toBe(sp.km[b]);
      }
    }
  });

  it("report unreachable pairs as null instead of guessing", () => {
    const problem = parseProblem({
      deadlineMinutes: 600,
      items: [{ id: "water", kg: 1, m3: 0.001 }],
      network: {
        nodes: [{ id: "a" }, { id: "b" }, { id: "c" }],
        edges: [
          { from: "a", to: "b", minutes: 10, km: 5, oneWay: true },
          { from: "b", to: "c", minutes: 10, km: 5, closed: true },
        ],
      },
      depots: [],
      vehicles: [],
      demands: [],
    });
    const m = travelTimes(problem, ["a", "b", "c"]);
    expect(m.minutes).toEqual([
      [0, 10, null],
      [null, 0, null],
      [null, null, 0],
    ]);
    expect(m.km[0]).toEqual([0, 5, null]);
  });

  it("divide travel time by the road's speed factor and derive minutes from km and speed", () => {
    const problem = parseProblem({
      deadlineMinutes: 600,
      items: [{ id: "water", kg: 1, m3: 0.001 }],
      network: {
        nodes: [{ id: "a" }, { id: "b" }, { id: "c" }],
        edges: [
          { from: "a", to: "b", km: 20, speedKmh: 40 },
          { from: "b", to: "c", minutes: 15, km: 4, speedFactor: 0.5 },
        ],
      },
      depots: [],
      vehicles: [],
      demands: [],
    });
    const m = travelTimes(problem, ["a", "c"]);
    expect(m.minutes[0]?.[1]).toBeCloseTo(30 + 30, 9);
    expect(m.km[1]?.[0]).toBeCloseTo(24, 9);
  });
});
