import type { Model } from "../model";
import type { Random } from "../random";
import { RELOAD, type Route } from "./route";
import type { Solution } from "./solution";

/**
 * Ruin operators: they take deliveries out of a solution and list the orders for the recreate step.
 * String removal follows SISR (Christiaens & Vanden Berghe, 2020): strings of consecutive deliveries are cut
 * from a few routes near a random seed, so that the recreate step can rebuild a whole region differently.
 */
export class Ruin {
  /** Orders taken out, in removal order (an order may appear once only). */
  readonly removed: Int32Array;
  removedCount = 0;
  /** Routes changed by the last ruin. */
  readonly touched: Int32Array;
  touchedCount = 0;
  private readonly touchedMark: Uint8Array;
  private readonly removedMark: Uint8Array;
  private readonly neighbours: Int32Array;
  private readonly width: number;
  private positions: Int32Array;

  constructor(
    model: Model,
    private readonly random: Random,
    /** Average number of deliveries removed (SISR's c̄; 15 beat SISR's 10 on Solomon's long routes). */
    private readonly meanRemoved = 15,
    /** Longest string (SISR's L_max). */
    private readonly maxString = 10,
  ) {
    const O = model.orderCount;
    this.removed = new Int32Array(O);
    this.touched = new Int32Array(model.vehicleCount);
    this.touchedMark = new Uint8Array(model.vehicleCount);
    this.removedMark = new Uint8Array(O);
    this.width = Math.min(O, 64);
    this.neighbours = nearestOrders(model, this.width);
    this.positions = new Int32Array(64);
  }

  begin(): void {
    for (let x = 0; x < this.removedCount; x++) this.removedMark[this.removed[x] as number] = 0;
    for (let x = 0; x < this.touchedCount; x++) this.touchedMark[this.touched[x] as number] = 0;
    this.removedCount = 0;
    this.touchedCount = 0;
  }

  /** Marks a route as changed (also used by the recreate step's bookkeeping). */
  touch(r: number): void {
    if (this.touchedMark[r] === 1) return;
    this.touchedMark[r] = 1;
    this.touched[this.touchedCount++] = r;
  }

  private take(sol: Solution, r: number, p: number): void {
    const route = sol.routes[r] as Route;
    const o = route.order[p] as number;
    sol.removeDelivery(r, p);
    if (this.removedMark[o] === 0) {
      this.removedMark[o] = 1;
      this.removed[this.removedCount++] = o;
    }
  }

  /** Rebuilds a route after removals; drops more deliveries if a non-metric matrix made it infeasible. */
  private settle(sol: Solution, r: number): void {
    const route = sol.routes[r] as Route;
    route.normalize();
    while (!route.update()) {
      let p = route.n;
      while (p > 0 && (route.order[p] as number) === RELOAD) p--;
      if (p === 0) break;
      this.take(sol, r, p);
      route.normalize();
    }
  }

  /** SISR string removal around a random delivery. */
  strings(sol: Solution): void {
    const routes = sol.routes;
    let visits = 0;
    let used = 0;
    for (const r of routes)
      if (r.visits > 0) {
        visits += r.visits;
        used++;
      }
    if (visits === 0) return;
    const lsMax = Math.min(this.maxString, visits / used);
    const ksMax = (4 * this.meanRemoved) / (1 + lsMax) - 1;
    const ks = Math.floor(this.random.float() * ksMax) + 1;
    const seed = this.randomOrder(sol);
    if (seed < 0) return;
    let ruined = 0;
    const W = this.width;
    for (let x = -1; x < W && ruined < ks; x++) {
      const c = x < 0 ? seed : (this.neighbours[seed * W + x] as number);
      if (c < 0) break;
      const r = sol.where[c] as number;
      if (r < 0 || this.touchedMark[r] === 1) continue;
      const route = routes[r] as Route;
      if (route.n > this.positions.length) this.positions = new Int32Array(route.n * 2);
      // Positions of deliveries only: a string may run across a reload.
      let count = 0;
      let at = -1;
      for (let p = 1; p <= route.n; p++) {
        const o = route.order[p] as number;
        if (o === RELOAD) continue;
        if (o === c && at < 0) at = count;
        this.positions[count++] = p;
      }
      if (at < 0) continue;
      const lMax = Math.min(count, lsMax);
      const l = Math.floor(this.random.float() * lMax) + 1;
      this.touch(r);
      ruined++;
      if (l < count && this.random.float() < 0.5) this.splitString(sol, r, count, at, l);
      else {
        const first = Math.max(0, Math.min(count - l, at - this.random.int(l)));
        for (let y = first + l - 1; y >= first; y--) this.take(sol, r, this.positions[y] as number);
      }
      this.settle(sol, r);
    }
  }

  /** SISR's split string: a string of l + m deliveries of which m consecutive ones stay. */
  private splitString(sol: Solution, r: number, count: number, at: number, l: number): void {
    let m = 1;
    while (l + m < count && this.random.float() < 0.5) m++;
    const len = l + m;
    const first = Math.max(0, Math.min(count - len, at - this.random.int(len)));
    const keep = first + this.random.int(l + 1);
    for (let y = first + len - 1; y >= first; y--) {
      if (y >= keep && y < keep + m) continue;
      this.take(sol, r, this.positions[y] as number);
    }
  }

  /** Empties one route, chosen at random among the two shortest of three drawn: it lets the search drop a vehicle. */
  route(sol: Solution): void {
    let pick = -1;
    for (let draw = 0; draw < 3; draw++) {
      const r = this.random.int(sol.routes.length);
      const v = (sol.routes[r] as Route).visits;
      if (v > 0 && (pick < 0 || v < (sol.routes[pick] as Route).visits)) pick = r;
    }
    if (pick < 0) {
      this.strings(sol);
      return;
    }
    const route = sol.routes[pick] as Route;
    for (let p = route.n; p >= 1; p--) if ((route.order[p] as number) !== RELOAD) this.take(sol, pick, p);
    this.touch(pick);
    this.settle(sol, pick);
  }

  /** Removes `count` random deliveries. */
  scatter(sol: Solution, count: number): void {
    for (let x = 0; x < count; x++) {
      const o = this.randomOrder(sol);
      if (o < 0) return;
      const r = sol.where[o] as number;
      const route = sol.routes[r] as Route;
      for (let p = 1; p <= route.n; p++)
        if ((route.order[p] as number) === o) {
          this.take(sol, r, p);
          this.touch(r);
          this.settle(sol, r);
          break;
        }
    }
  }

  /** A delivery chosen uniformly among all deliveries in the solution (-1 if there is none). */
  private randomOrder(sol: Solution): number {
    let total = 0;
    for (const r of sol.routes) total += r.visits;
    if (total === 0) return -1;
    let pick = this.random.int(total);
    for (let r = 0; r < sol.routes.length; r++) {
      const route = sol.routes[r] as Route;
      if (pick >= route.visits) {
        pick -= route.visits;
        continue;
      }
      for (let p = 1; p <= route.n; p++) {
        const o = route.order[p] as number;
        if (o === RELOAD) continue;
        if (pick === 0) {
          sol.where[o] = r;
          return o;
        }
        pick--;
      }
    }
    return -1;
  }
}

/** For each order, the `width` nearest other orders by round-trip travel time (-1 pads short lists). */
export function nearestOrders(model: Model, width: number): Int32Array {
  const O = model.orderCount;
  const P = model.placeCount;
  const out = new Int32Array(O * width).fill(-1);
  const idx = new Int32Array(O);
  const key = new Float64Array(O);
  for (let a = 0; a < O; a++) {
    const pa = model.demandPlace[model.orderDemand[a] as number] as number;
    let c = 0;
    for (let b = 0; b < O; b++) {
      if (b === a) continue;
      const pb = model.demandPlace[model.orderDemand[b] as number] as number;
      key[b] = (model.minutes[pa * P + pb] as number) + (model.minutes[pb * P + pa] as number);
      idx[c++] = b;
    }
    const list = idx.subarray(0, c).sort((x, y) => (key[x] as number) - (key[y] as number) || x - y);
    for (let x = 0; x < Math.min(width, c); x++) out[a * width + x] = list[x] as number;
  }
  return out;
}
