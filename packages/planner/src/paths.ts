import type { ValidProblem } from "./schema";

type Network = NonNullable<ValidProblem["network"]>;

/** A road network in compressed sparse rows: the out-edges of node u are offsets[u] … offsets[u + 1] - 1. */
export interface RoadGraph {
  ids: string[];
  index: Map<string, number>;
  offsets: Int32Array;
  targets: Int32Array;
  minutes: Float64Array;
  km: Float64Array;
}

/** Drops closed edges and applies speed factors, so that shortest paths see the roads as they are now. */
export function buildGraph(network: Network): RoadGraph {
  const ids = network.nodes.map((n) => n.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const degree = new Int32Array(n + 1);
  for (const e of network.edges) {
    if (e.closed) continue;
    const u = index.get(e.from) as number;
    const v = index.get(e.to) as number;
    degree[u] = (degree[u] as number) + 1;
    if (!e.oneWay) degree[v] = (degree[v] as number) + 1;
  }
  const offsets = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) offsets[u + 1] = (offsets[u] as number) + (degree[u] as number);
  const m = offsets[n] as number;
  const targets = new Int32Array(m);
  const minutes = new Float64Array(m);
  const km = new Float64Array(m);
  const fill = offsets.slice(0, n);
  const add = (u: number, v: number, t: number, d: number) => {
    const at = fill[u] as number;
    fill[u] = at + 1;
    targets[at] = v;
    minutes[at] = t;
    km[at] = d;
  };
  for (const e of network.edges) {
    if (e.closed) continue;
    const base = e.minutes ?? ((e.km as number) / (e.speedKmh as number)) * 60;
    const t = base / (e.speedFactor ?? 1);
    const d = e.km ?? 0;
    const u = index.get(e.from) as number;
    const v = index.get(e.to) as number;
    add(u, v, t, d);
    if (!e.oneWay) add(v, u, t, d);
  }
  return { ids, index, offsets, targets, minutes, km };
}

/**
 * Single-source fastest paths: Dijkstra with a binary heap whose entries carry their own keys (lazy deletion:
 * a node may sit in the heap several times and only its best entry counts), which keeps the heap's memory
 * accesses local. Among equally fast paths the shortest in km wins, so that the km of a route does not depend
 * on the order edges were listed in. The arrays are reused between runs: one instance serves all sources
 * without allocating.
 */
export class ShortestPaths {
  readonly time: Float64Array;
  readonly km: Float64Array;
  private readonly done: Uint8Array;
  private heapTime: Float64Array;
  private heapKm: Float64Array;
  private heapNode: Int32Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private size = 0;

  constructor(private readonly graph: RoadGraph) {
    const n = graph.ids.length;
    this.time = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    this.km = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    this.done = new Uint8Array(n);
    const cap = graph.targets.length + 1;
    this.heapTime = new Float64Array(cap);
    this.heapKm = new Float64Array(cap);
    this.heapNode = new Int32Array(cap);
    this.touched = new Int32Array(n);
  }

  /**
   * Settles nodes outward from `source`. With `targets` (a 0/1 mark per node) and `targetCount`, stops as
   * soon as every target is settled; other nodes may then hold upper bounds, not final values.
   */
  run(source: number, targets?: Uint8Array, targetCount = 0): void {
    const { time, km, done, touched } = this;
    for (let i = 0; i < this.touchedCount; i++) {
      const u = touched[i] as number;
      time[u] = Number.POSITIVE_INFINITY;
      km[u] = Number.POSITIVE_INFINITY;
      done[u] = 0;
    }
    this.touchedCount = 0;
    this.size = 0;
    time[source] = 0;
    km[source] = 0;
    touched[this.touchedCount++] = source;
    this.push(0, 0, source);
    const { offsets, targets: to, minutes, km: edgeKm } = this.graph;
    let remaining = targetCount;
    while (this.size > 0) {
      const tu = this.heapTime[0] as number;
      const ku = this.heapKm[0] as number;
      const u = this.heapNode[0] as number;
      this.pop();
      if (done[u] === 1 || tu !== time[u] || ku !== km[u]) continue;
      done[u] = 1;
      if (targets && targets[u] === 1 && --remaining <= 0) break;
      const end = offsets[u + 1] as number;
      for (let e = offsets[u] as number; e < end; e++) {
        const v = to[e] as number;
        if (done[v] === 1) continue;
        const tv = tu + (minutes[e] as number);
        const kv = ku + (edgeKm[e] as number);
        const old = time[v] as number;
        if (tv < old || (tv === old && kv < (km[v] as number))) {
          if (old === Number.POSITIVE_INFINITY) touched[this.touchedCount++] = v;
          time[v] = tv;
          km[v] = kv;
          this.push(tv, kv, v);
        }
      }
    }
  }

  private push(t: number, k: number, v: number): void {
    if (this.size === this.heapNode.length) this.grow();
    const ht = this.heapTime;
    const hk = this.heapKm;
    const hn = this.heapNode;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = ht[p] as number;
      if (pt < t || (pt === t && (hk[p] as number) <= k)) break;
      ht[i] = pt;
      hk[i] = hk[p] as number;
      hn[i] = hn[p] as number;
      i = p;
    }
    ht[i] = t;
    hk[i] = k;
    hn[i] = v;
  }

  private pop(): void {
    const ht = this.heapTime;
    const hk = this.heapKm;
    const hn = this.heapNode;
    const n = --this.size;
    if (n === 0) return;
    const t = ht[n] as number;
    const k = hk[n] as number;
    const v = hn[n] as number;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n) {
        const ct = ht[c] as number;
        const rt = ht[r] as number;
        if (rt < ct || (rt === ct && (hk[r] as number) < (hk[c] as number))) c = r;
      }
      const ct = ht[c] as number;
      if (t < ct || (t === ct && k <= (hk[c] as number))) break;
      ht[i] = ct;
      hk[i] = hk[c] as number;
      hn[i] = hn[c] as number;
      i = c;
    }
    ht[i] = t;
    hk[i] = k;
    hn[i] = v;
  }

  /** Zero-minute edges can push a node more often than it has in-edges; rare, so grow on demand. */
  private grow(): void {
    const cap = this.heapNode.length * 2;
    const t = new Float64Array(cap);
    const k = new Float64Array(cap);
    const n = new Int32Array(cap);
    t.set(this.heapTime);
    k.set(this.heapKm);
    n.set(this.heapNode);
    this.heapTime = t;
    this.heapKm = k;
    this.heapNode = n;
  }
}

/** Travel minutes and km between a set of places; Infinity where no open road leads. */
export interface TravelMatrix {
  nodes: string[];
  size: number;
  /** Row-major size × size. */
  minutes: Float64Array;
  km: Float64Array;
}

/** Shortest travel between every ordered pair of `places` (node ids), from the network or the given matrix. */
export function travelMatrix(
  problem: Pick<ValidProblem, "network" | "matrix">,
  places: string[],
): TravelMatrix {
  const size = places.length;
  const minutes = new Float64Array(size * size).fill(Number.POSITIVE_INFINITY);
  const km = new Float64Array(size * size).fill(Number.POSITIVE_INFINITY);
  if (problem.matrix) {
    const m = problem.matrix;
    const at = new Map(m.nodes.map((n, i) => [n, i]));
    for (let a = 0; a < size; a++) {
      const i = at.get(places[a] as string) as number;
      const rowT = m.minutes[i] as (number | null)[];
      const rowK = m.km?.[i];
      for (let b = 0; b < size; b++) {
        const j = at.get(places[b] as string) as number;
        const t = a === b ? 0 : rowT[j];
        if (t === null || t === undefined) continue;
        minutes[a * size + b] = t;
        km[a * size + b] = a === b ? 0 : (rowK?.[j] ?? 0);
      }
    }
    return { nodes: places, size, minutes, km };
  }
  const graph = buildGraph(problem.network as Network);
  const marks = new Uint8Array(graph.ids.length);
  const nodeOf = new Int32Array(size);
  let distinct = 0;
  for (let a = 0; a < size; a++) {
    const u = graph.index.get(places[a] as string) as number;
    nodeOf[a] = u;
    if (marks[u] === 0) distinct++;
    marks[u] = 1;
  }
  const helpers = size * graph.ids.length >= PARALLEL_WORK ? workerCount() : 0;
  if (helpers === 0) {
    const status = new Int32Array(size + 1);
    solveRows(ShortestPaths, graph, nodeOf, marks, distinct, minutes, km, status);
    return { nodes: places, size, minutes, km };
  }
  return { nodes: places, size, ...parallelRows(graph, nodeOf, marks, distinct, helpers) };
}

/** Below this many node visits (places × network nodes) starting threads costs more than it saves. */
const PARALLEL_WORK = 4_000_000;

/**
 * Fills the rows of the travel matrix, taking sources one at a time from a shared counter (status[size]) and
 * marking each row claimed (1) then done (2) in status; with `only`, just that row. It runs in the calling thread and, serialised with
 * toString, in helper threads: it must use nothing but its arguments and globals.
 */
function solveRows(
  Paths: typeof ShortestPaths,
  graph: RoadGraph,
  nodeOf: Int32Array,
  marks: Uint8Array,
  distinct: number,
  minutes: Float64Array,
  km: Float64Array,
  status: Int32Array,
  only = -1,
): void {
  const size = nodeOf.length;
  const sp = new Paths(graph);
  for (;;) {
    const a = only >= 0 ? only : Atomics.add(status, size, 1);
    if (a >= size) return;
    Atomics.store(status, a, 1);
    sp.run(nodeOf[a] as number, marks, distinct);
    for (let b = 0; b < size; b++) {
      const v = nodeOf[b] as number;
      minutes[a * size + b] = sp.time[v] as number;
      km[a * size + b] = sp.km[v] as number;
    }
    Atomics.store(status, a, 2);
    Atomics.notify(status, a);
    if (only >= 0) return;
  }
}

type WorkerThreads = typeof import("node:worker_threads");
type Os = typeof import("node:os");

/** Helper threads to start besides the calling one: the spare cores, and none outside Node. */
function workerCount(): number {
  const node = typeof process !== "undefined" ? process : undefined;
  const os = node?.getBuiltinModule?.("node:os") as Os | undefined;
  if (!os || !node?.getBuiltinModule?.("node:worker_threads")) return 0;
  return Math.max(0, Math.min(7, os.availableParallelism() - 1));
}

/**
 * Shortest paths on several cores: the matrix lives in shared memory, helper threads run the same
 * solveRows and ShortestPaths code (sent as source text), and the calling thread works too, then waits for the
 * rows still in progress. A row a helper never finishes (a crashed thread) is computed again here.
 */
function parallelRows(
  graph: RoadGraph,
  nodeOf: Int32Array,
  marks: Uint8Array,
  distinct: number,
  helpers: number,
): { minutes: Float64Array; km: Float64Array } {
  const { Worker } = process.getBuiltinModule("node:worker_threads") as WorkerThreads;
  const size = nodeOf.length;
  // Only the matrix and the work counter are shared: each thread reads its own copy of the graph, as reads from
  // shared memory are slower.
  const data = {
    graph: {
      offsets: graph.offsets,
      targets: graph.targets,
      minutes: graph.minutes,
      km: graph.km,
      nodes: graph.ids.length,
    },
    nodeOf,
    marks,
    distinct,
    minutes: new Float64Array(new SharedArrayBuffer(size * size * 8)),
    km: new Float64Array(new SharedArrayBuffer(size * size * 8)),
    status: new Int32Array(new SharedArrayBuffer((size + 1) * 4)),
  };
  // esbuild (tsx, vitest) may wrap classes in a __name(...) helper for stack traces: give the copy a stand-in.
  const source = `
    const __name = (f) => f;
    const { workerData: d } = require("node:worker_threads");
    const ShortestPaths = ${ShortestPaths.toString()};
    const solveRows = ${solveRows.toString()};
    d.graph.ids = { length: d.graph.nodes };
    solveRows(ShortestPaths, d.graph, d.nodeOf, d.marks, d.distinct, d.minutes, d.km, d.status);
  `;
  const workers = Array.from({ length: helpers }, () => {
    const w = new Worker(source, { eval: true, workerData: data });
    w.unref();
    return w;
  });
  solveRows(ShortestPaths, graph, nodeOf, marks, distinct, data.minutes, data.km, data.status);
  for (let a = 0; a < size; a++) {
    for (;;) {
      const state = Atomics.load(data.status, a);
      if (state === 2) break;
      if (Atomics.wait(data.status, a, state, 10_000) === "timed-out") {
        solveRows(ShortestPaths, graph, nodeOf, marks, distinct, data.minutes, data.km, data.status, a);
        break;
      }
    }
  }
  for (const w of workers) void w.terminate();
  return { minutes: data.minutes, km: data.km };
}

/** Shortest travel times between the given nodes, with null for each pair that no open road connects. */
export function travelTimes(
  problem: ValidProblem,
  nodes: string[],
): { nodes: string[]; minutes: (number | null)[][]; km: (number | null)[][] } {
  const m = travelMatrix(problem, nodes);
  const rows = (values: Float64Array) =>
    nodes.map((_, a) =>
      nodes.map((_, b) => {
        const x = values[a * m.size + b] as number;
        return Number.isFinite(x) ? x : null;
      }),
    );
  return { nodes, minutes: rows(m.minutes), km: rows(m.km) };
}
