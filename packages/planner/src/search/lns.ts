import type { Model } from "../model";
import { Random } from "../random";
import { Inserter } from "./insert";
import { LocalSearch } from "./local-search";
import { compareServed, TOLERANCE } from "./objective";
import { nearestOrders, Ruin } from "./ruin";
import { Solution } from "./solution";

export interface SearchOptions {
  timeLimitMs: number;
  maxIterations: number;
  seed: number;
}

export interface SearchResult {
  best: Solution;
  iterations: number;
  stoppedByTime: boolean;
  constructionMs: number;
  searchMs: number;
}

/** Orders for the recreate step (SISR's sorting step, with two window criteria added for VRPTW). */
const SORTS = ["random", "demand", "far", "close", "due", "ready"] as const;
const SORT_WEIGHTS = [4, 4, 2, 1, 2, 1];
/** Share of the time budget kept for the final local search. */
const POLISH_SHARE = 0.03;
/** Most of the time budget the local search on the first solution may take (a poor start has many moves). */
const FIRST_POLISH_SHARE = 0.05;
/** Open orders (beyond those just removed) offered to each recreate step at most. */
const EXTRA_OPEN = 20;
/** Share of iterations that empty a whole route instead of cutting strings. */
const ROUTE_RUIN = 0.02;
/**
 * Annealing temperatures, as fractions of the first solution's mean km (or minutes) per leg: tuned on the
 * Solomon instances with a 1 s budget.
 */
const START_TEMPERATURE = 1;
const END_TEMPERATURE = 0.005;

/**
 * Ruin-and-recreate large-neighbourhood search with simulated-annealing acceptance.
 * Each iteration cuts strings of deliveries out of the current solution (Ruin), puts every open order back by
 * cheapest insertion with blinks (Inserter), and accepts the result if it serves more people, or as many
 * people at a cost (latest arrival, then km) within a random threshold that cools over the run.
 * Deterministic for a seed: the cooling follows the iteration count when maxIterations is set, else the clock.
 */
export class Search {
  private readonly random: Random;
  private readonly inserter: Inserter;
  private readonly ruin: Ruin;
  private readonly local: LocalSearch;
  private readonly keys: Float64Array;
  private readonly list: Int32Array;
  private readonly listed: Uint8Array;
  private readonly openList: Int32Array;
  private readonly sortKey: Float64Array[];
  private readonly compare = (a: number, b: number): number =>
    (this.keys[a] as number) - (this.keys[b] as number) || a - b;

  constructor(
    private readonly model: Model,
    private readonly options: SearchOptions,
  ) {
    this.random = new Random(options.seed);
    this.inserter = new Inserter(model, this.random);
    this.ruin = new Ruin(model, this.random);
    const width = Math.min(model.orderCount, 64);
    this.local = new LocalSearch(model, nearestOrders(model, width), width);
    const O = model.orderCount;
    this.keys = new Float64Array(O);
    this.list = new Int32Array(O);
    this.listed = new Uint8Array(O);
    this.openList = new Int32Array(O);
    this.sortKey = sortKeys(model);
  }

  /** Every order by the given criterion, inserted one by one into empty routes. */
  construct(sort = 1): Solution {
    const sol = new Solution(this.model);
    const O = this.model.orderCount;
    for (let o = 0; o < O; o++) this.list[o] = o;
    this.sortList(O, sort);
    this.inserter.insertAll(sol, this.list, O, 0);
    sol.evaluate();
    return sol;
  }

  run(): SearchResult {
    const t0 = performance.now();
    const { timeLimitMs, maxIterations } = this.options;
    const deadline = t0 + timeLimitMs;
    const current = this.construct();
    this.local.run(current, Math.min(deadline, t0 + FIRST_POLISH_SHARE * timeLimitMs));
    const constructionMs = performance.now() - t0;
    const best = new Solution(this.model);
    best.copyFrom(current);
    const candidate = new Solution(this.model);
    candidate.copyFrom(current);

    let visits = 0;
    let routes = 0;
    for (const r of current.routes)
      if (r.visits > 0) {
        visits += r.visits;
        routes++;
      }
    // Temperatures in the objective's own units: km per leg and minutes per leg of the first solution.
    const legs = Math.max(1, visits + routes);
    const kmScale = current.km / legs;
    const lateScale = Number.isFinite(current.latest) ? Math.max(1, current.latest) / legs : 1;
    const T0 = START_TEMPERATURE;
    const T1 = END_TEMPERATURE;

    const ruin = this.ruin;
    const random = this.random;
    const O = this.model.orderCount;
    let iterations = 0;
    let stoppedByTime = false;
    const byIterations = maxIterations > 0 && Number.isFinite(maxIterations);
    // The last part of the budget polishes the best solution with local search.
    const searchEnd = deadline - POLISH_SHARE * timeLimitMs;
    for (;;) {
      if (byIterations && iterations >= maxIterations) break;
      const now = performance.now();
      if (now >= searchEnd) {
        stoppedByTime = true;
        break;
      }
      if (O === 0) break;
      const progress = byIterations ? iterations / maxIterations : (now - t0) / timeLimitMs;
      const temperature = T0 * (T1 / T0) ** progress;
      iterations++;

      ruin.begin();
      const which = random.float();
      if (which < ROUTE_RUIN) ruin.route(candidate);
      else if (which < 0.9) ruin.strings(candidate);
      else ruin.scatter(candidate, 1 + random.int(10));
      let count = 0;
      for (let x = 0; x < ruin.removedCount; x++) {
        const o = ruin.removed[x] as number;
        this.listed[o] = 1;
        this.list[count++] = o;
      }
      // Open orders besides the removed ones get another chance; when there are many (a fleet or stock shortage),
      // a random handful per iteration keeps iterations cheap.
      const removed = count;
      let open = 0;
      for (let o = 0; o < O; o++) if (this.listed[o] === 0 && candidate.open(o)) this.openList[open++] = o;
      const extra = Math.max(EXTRA_OPEN, removed);
      if (open > extra) {
        for (let x = 0; x < extra; x++) {
          const y = x + random.int(open - x);
          const o = this.openList[y] as number;
          this.openList[y] = this.openList[x] as number;
          this.list[count++] = o;
        }
      } else for (let x = 0; x < open; x++) this.list[count++] = this.openList[x] as number;
      for (let x = 0; x < ruin.removedCount; x++) this.listed[ruin.removed[x] as number] = 0;
      this.sortList(count, this.pickSort());
      this.inserter.insertAll(candidate, this.list, count, 0.01, ruin);
      candidate.evaluate();

      if (this.accept(candidate, current, temperature * kmScale, temperature * lateScale)) {
        current.copyRoutes(candidate, ruin.touched, ruin.touchedCount);
        if (current.betterThan(best)) best.copyFrom(current);
      } else candidate.copyRoutes(current, ruin.touched, ruin.touchedCount);
    }
    this.local.run(best, deadline);
    return {
      best,
      iterations,
      stoppedByTime: stoppedByTime || this.local.timedOut,
      constructionMs,
      searchMs: performance.now() - t0 - constructionMs,
    };
  }

  /** People first and never fewer; then a threshold on the latest arrival (relief) or on km. */
  private accept(c: Solution, cur: Solution, kmT: number, lateT: number): boolean {
    const people = compareServed(c.served, c.progress, cur.served, cur.progress);
    if (people !== 0) return people > 0;
    const u = this.random.float();
    const slack = -Math.log(1 - u);
    if (this.model.objective === "relief") {
      if (c.latest > cur.latest + TOLERANCE) return c.latest - cur.latest < lateT * slack;
      if (c.latest < cur.latest - TOLERANCE) return true;
    }
    return c.km < cur.km + kmT * slack;
  }

  private pickSort(): number {
    let total = 0;
    for (const w of SORT_WEIGHTS) total += w;
    let pick = this.random.int(total);
    for (let s = 0; s < SORT_WEIGHTS.length; s++) {
      pick -= SORT_WEIGHTS[s] as number;
      if (pick < 0) return s;
    }
    return 0;
  }

  private sortList(count: number, sort: number): void {
    const key = this.sortKey[sort] as Float64Array;
    for (let x = 0; x < count; x++) {
      const o = this.list[x] as number;
      this.keys[o] = sort === 0 ? this.random.float() : (key[o] as number);
    }
    this.list.subarray(0, count).sort(this.compare);
  }
}

/** Sort keys per order, ascending = inserted first; index 0 (random) is drawn afresh each time. */
function sortKeys(model: Model): Float64Array[] {
  const O = model.orderCount;
  const K = model.itemCount;
  const P = model.placeCount;
  const keys: Float64Array[] = SORTS.map(() => new Float64Array(O));
  for (let o = 0; o < O; o++) {
    const i = model.orderDemand[o] as number;
    let kg = 0;
    for (let x = model.orderItemStart[o] as number; x < (model.orderItemStart[o + 1] as number); x++) {
      const k = model.orderItems[x] as number;
      kg += (model.need[i * K + k] as number) * (model.itemKg[k] as number);
    }
    let near = Number.POSITIVE_INFINITY;
    const at = model.demandPlace[i] as number;
    for (let d = 0; d < model.depotCount; d++) {
      const t = model.minutes[(model.depotPlace[d] as number) * P + at] as number;
      if (t < near) near = t;
    }
    if (!Number.isFinite(near)) near = 0;
    (keys[1] as Float64Array)[o] = -kg;
    (keys[2] as Float64Array)[o] = -near;
    (keys[3] as Float64Array)[o] = near;
    (keys[4] as Float64Array)[o] = model.latest[i] as number;
    (keys[5] as Float64Array)[o] = model.windowStart[i] as number;
  }
  return keys;
}
