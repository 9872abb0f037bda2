import { BLOCKED_NONE, type Model } from "../model";
import { better } from "./objective";
import { Route } from "./route";

/**
 * A complete assignment: one Route per vehicle, plus what every demand point has received and what every depot
 * has sent. The objective figures are kept in step by evaluate().
 */
export class Solution {
  readonly routes: Route[];
  /** demand × item. */
  readonly delivered: Float64Array;
  /** depot × item. */
  readonly used: Float64Array;
  /** Deliveries per demand point. */
  readonly stops: Int32Array;
  /** A route that holds (or lately held) a delivery of each order: a hint, checked before use. */
  readonly where: Int32Array;

  served = 0;
  progress = 0;
  km = 0;
  latest = Number.NEGATIVE_INFINITY;

  constructor(readonly model: Model) {
    this.routes = Array.from({ length: model.vehicleCount }, (_, v) => new Route(model, v));
    this.delivered = new Float64Array(model.demandCount * model.itemCount);
    this.used = new Float64Array(model.depotCount * model.itemCount);
    this.stops = new Int32Array(model.demandCount);
    this.where = new Int32Array(model.orderCount).fill(-1);
  }

  copyFrom(src: Solution): void {
    for (let r = 0; r < this.routes.length; r++) (this.routes[r] as Route).copyFrom(src.routes[r] as Route);
    this.copyState(src);
  }

  /** Copies the listed routes and all the per-demand and per-depot figures. */
  copyRoutes(src: Solution, list: Int32Array, count: number): void {
    for (let x = 0; x < count; x++) {
      const r = list[x] as number;
      (this.routes[r] as Route).copyFrom(src.routes[r] as Route);
    }
    this.copyState(src);
  }

  private copyState(src: Solution): void {
    this.delivered.set(src.delivered);
    this.used.set(src.used);
    this.stops.set(src.stops);
    this.where.set(src.where);
    this.served = src.served;
    this.progress = src.progress;
    this.km = src.km;
    this.latest = src.latest;
  }

  /** Adds a delivery before position p of route r and books its quantities. */
  addDelivery(r: number, p: number, o: number, q: Float64Array, kg: number, m3: number): void {
    const m = this.model;
    const K = m.itemCount;
    const route = this.routes[r] as Route;
    route.insert(p, o, q, kg, m3);
    const i = m.orderDemand[o] as number;
    const d = route.depot;
    for (let k = 0; k < K; k++) {
      const x = q[k] as number;
      if (x === 0) continue;
      this.delivered[i * K + k] = (this.delivered[i * K + k] as number) + x;
      this.used[d * K + k] = (this.used[d * K + k] as number) + x;
    }
    this.stops[i] = (this.stops[i] as number) + 1;
    this.where[o] = r;
  }

  /** Adds quantities to the delivery at position p of route r (the route's caches are not rebuilt). */
  addToDelivery(r: number, p: number, q: Float64Array, kg: number, m3: number): void {
    const m = this.model;
    const K = m.itemCount;
    const route = this.routes[r] as Route;
    const i = m.orderDemand[route.order[p] as number] as number;
    const d = route.depot;
    for (let k = 0; k < K; k++) {
      const x = q[k] as number;
      if (x === 0) continue;
      route.qty[p * K + k] = (route.qty[p * K + k] as number) + x;
      this.delivered[i * K + k] = (this.delivered[i * K + k] as number) + x;
      this.used[d * K + k] = (this.used[d * K + k] as number) + x;
    }
    route.kg[p] = (route.kg[p] as number) + kg;
    route.m3[p] = (route.m3[p] as number) + m3;
  }

  /** Takes the delivery at position p of route r out of the plan (the route's caches are not rebuilt). */
  removeDelivery(r: number, p: number): void {
    const m = this.model;
    const K = m.itemCount;
    const route = this.routes[r] as Route;
    const o = route.order[p] as number;
    const i = m.orderDemand[o] as number;
    const d = route.depot;
    for (let k = 0; k < K; k++) {
      const x = route.qty[p * K + k] as number;
      if (x === 0) continue;
      this.delivered[i * K + k] = (this.delivered[i * K + k] as number) - x;
      this.used[d * K + k] = (this.used[d * K + k] as number) - x;
    }
    this.stops[i] = (this.stops[i] as number) - 1;
    route.remove(p);
  }

  /** Rebuilds what every point received, every depot sent and where every order is, from the routes. */
  recount(): void {
    const m = this.model;
    const K = m.itemCount;
    this.delivered.fill(0);
    this.used.fill(0);
    this.stops.fill(0);
    this.routes.forEach((route, r) => {
      for (let p = 1; p <= route.n; p++) {
        const o = route.order[p] as number;
        if (o < 0) continue;
        const i = m.orderDemand[o] as number;
        for (let k = 0; k < K; k++) {
          const x = route.qty[p * K + k] as number;
          this.delivered[i * K + k] = (this.delivered[i * K + k] as number) + x;
          this.used[route.depot * K + k] = (this.used[route.depot * K + k] as number) + x;
        }
        this.stops[i] = (this.stops[i] as number) + 1;
        this.where[o] = r;
      }
    });
  }

  /** People served at demand i: people × min over needed items of delivered / need, rounded down. */
  demandServed(i: number): number {
    const m = this.model;
    const K = m.itemCount;
    const P = m.people[i] as number;
    let best = P;
    for (let k = 0; k < K; k++) {
      const n = m.need[i * K + k] as number;
      if (n === 0) continue;
      const s = Math.floor((P * (this.delivered[i * K + k] as number)) / n);
      if (s < best) best = s;
    }
    return best;
  }

  /** The same rule over the items of one order only. */
  orderServed(o: number): number {
    const m = this.model;
    const K = m.itemCount;
    const i = m.orderDemand[o] as number;
    const P = m.people[i] as number;
    let best = P;
    const end = m.orderItemStart[o + 1] as number;
    for (let x = m.orderItemStart[o] as number; x < end; x++) {
      const k = m.orderItems[x] as number;
      const s = Math.floor((P * (this.delivered[i * K + k] as number)) / (m.need[i * K + k] as number));
      if (s < best) best = s;
    }
    return best;
  }

  /** Whether order o still has need left (the recreate step decides whether it can get more). */
  open(o: number): boolean {
    return this.orderServed(o) < (this.model.people[this.model.orderDemand[o] as number] as number);
  }

  evaluate(): void {
    const m = this.model;
    let served = 0;
    for (let i = 0; i < m.demandCount; i++)
      if (m.demandBlocked[i] === BLOCKED_NONE) served += this.demandServed(i);
    let progress = 0;
    for (let o = 0; o < m.orderCount; o++) progress += this.orderServed(o) * (m.orderWeight[o] as number);
    let km = 0;
    let latest = Number.NEGATIVE_INFINITY;
    for (const r of this.routes) {
      km += r.km;
      if (r.latestArrival > latest) latest = r.latestArrival;
    }
    this.served = served;
    this.progress = progress;
    this.km = km;
    this.latest = latest;
  }

  /** Strictly better in the objective's lexicographic order. */
  betterThan(o: Solution): boolean {
    return better(
      this.model.objective === "relief",
      this.served,
      this.progress,
      this.latest,
      this.km,
      o.served,
      o.progress,
      o.latest,
      o.km,
    );
  }
}
