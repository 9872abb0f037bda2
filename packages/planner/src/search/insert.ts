import type { Model } from "../model";
import type { Random } from "../random";
import { better } from "./objective";
import type { Route } from "./route";
import type { Solution } from "./solution";

const INF = Number.POSITIVE_INFINITY;

/**
 * Recreate: cheapest feasible insertion of orders one by one (the recreate half of ruin-and-recreate, and the
 * construction heuristic when started from empty routes). Each order goes where it serves the most people
 * (a route's spare capacity and its depot's stock decide how much it can take), then, for the relief objective,
 * where the latest arrival of the plan grows least, then where the km grow least. With blinks (SISR), each
 * position is skipped with a small probability, which diversifies the search at no cost.
 * An order whose delivery had to be cut short (capacity or stock) is inserted again for the rest when split
 * deliveries are allowed.
 */
export class Inserter {
  private readonly q: Float64Array;
  private readonly bestQ: Float64Array;
  private readonly entrySeen: Int32Array;
  private stamp = 0;
  private qkg = 0;
  private qm3 = 0;
  private firstLate = INF;
  private firstLateRoute = -1;
  private secondLate = INF;

  constructor(
    private readonly model: Model,
    private readonly random: Random,
  ) {
    this.q = new Float64Array(model.itemCount);
    this.bestQ = new Float64Array(model.itemCount);
    this.entrySeen = new Int32Array(model.problem.vehicles.length);
  }

  /** Inserts the listed orders in that order; returns how many deliveries were added. */
  insertAll(
    sol: Solution,
    orders: Int32Array,
    count: number,
    blink: number,
    changed?: { touch(route: number): void },
  ): number {
    const relief = this.model.objective === "relief";
    if (relief) this.rankLatest(sol);
    let added = 0;
    for (let x = 0; x < count; x++) {
      const o = orders[x] as number;
      while (sol.open(o)) {
        const r = this.insertOne(sol, o, blink, relief);
        if (r < 0) break;
        changed?.touch(r);
        added++;
        if (!this.model.split) break;
      }
    }
    return added;
  }

  /** Tracks the two latest route arrivals, so that the plan's latest arrival after a change is O(1). */
  private rankLatest(sol: Solution): void {
    let first = Number.NEGATIVE_INFINITY;
    let firstRoute = -1;
    let second = Number.NEGATIVE_INFINITY;
    for (let r = 0; r < sol.routes.length; r++) {
      const l = (sol.routes[r] as Route).latestArrival;
      if (l > first) {
        second = first;
        first = l;
        firstRoute = r;
      } else if (l > second) second = l;
    }
    this.firstLate = first;
    this.firstLateRoute = firstRoute;
    this.secondLate = second;
  }

  /**
   * The largest number of people order o can be brought to with what a trip has room for and the depot has left.
   * Writes the quantities into this.q; returns the people gained (0 when nothing fits).
   */
  private target(
    sol: Solution,
    o: number,
    depot: number,
    roomKg: number,
    roomM3: number,
    base: number,
  ): number {
    const m = this.model;
    const i = m.orderDemand[o] as number;
    const P = m.people[i] as number;
    let T = P;
    if (!this.fits(sol, o, depot, roomKg, roomM3, P)) {
      let lo = base;
      let hi = P;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (this.fits(sol, o, depot, roomKg, roomM3, mid)) lo = mid;
        else hi = mid;
      }
      T = lo;
      if (T <= base) return 0;
      this.fits(sol, o, depot, roomKg, roomM3, T);
    }
    return T - base;
  }

  /** Whether bringing order o to T people fits; leaves the quantities needed in this.q. */
  private fits(sol: Solution, o: number, depot: number, roomKg: number, roomM3: number, T: number): boolean {
    const m = this.model;
    const K = m.itemCount;
    const i = m.orderDemand[o] as number;
    const P = m.people[i] as number;
    let kg = 0;
    let m3 = 0;
    const end = m.orderItemStart[o + 1] as number;
    for (let x = m.orderItemStart[o] as number; x < end; x++) {
      const k = m.orderItems[x] as number;
      const n = m.need[i * K + k] as number;
      // The least whole quantity that covers T people: ceil(T × need / people), in exact integer arithmetic.
      const want = Math.floor((T * n + P - 1) / P);
      let q = want - (sol.delivered[i * K + k] as number);
      if (q < 0) q = 0;
      if (q > (m.stock[depot * K + k] as number) - (sol.used[depot * K + k] as number)) return false;
      this.q[k] = q;
      kg += q * (m.itemKg[k] as number);
      m3 += q * (m.itemM3[k] as number);
    }
    this.qkg = kg;
    this.qm3 = m3;
    return kg <= roomKg + 1e-9 && m3 <= roomM3 + 1e-9;
  }

  /** Inserts one delivery of order o where it is best; returns the route, or -1 if it fits nowhere. */
  private insertOne(sol: Solution, o: number, blink: number, relief: boolean): number {
    const m = this.model;
    const E = this.entrySeen.length;
    const i = m.orderDemand[o] as number;
    const u = m.demandPlace[i] as number;
    const open = m.windowStart[i] as number;
    const close = m.latest[i] as number;
    const serv = m.service[i] as number;
    const base = sol.orderServed(o);
    const random = this.random;
    this.stamp++;
    this.q.fill(0);
    this.bestQ.fill(0);

    let bestGain = 0;
    let bestLate = INF;
    let bestKm = INF;
    let bestRoute = -1;
    let bestPos = -1;
    let bestReload = false;
    let bestMerge = false;
    // Without split deliveries a point that already has its one delivery can only get more on that delivery.
    const onlyMerge = !m.split && (sol.stops[i] as number) > 0;
    let bestKg = 0;
    let bestM3 = 0;

    for (let r = 0; r < sol.routes.length; r++) {
      const route = sol.routes[r] as Route;
      const e = m.vehicleEntry[route.vehicle] as number;
      if (m.entryReaches[i * E + e] === 0) continue;
      const n = route.n;
      if (n === 0) {
        // Empty vehicles of one entry are interchangeable: trying the first is enough.
        if (this.entrySeen[e] === this.stamp) continue;
        this.entrySeen[e] = this.stamp;
      }
      const otherLate = r === this.firstLateRoute ? this.secondLate : this.firstLate;
      let trip = -1;
      let gain = 0;
      for (let p = 1; p <= n + 1; p++) {
        const t = route.trip[p - 1] as number;
        if (t !== trip) {
          trip = t;
          gain = this.target(
            sol,
            o,
            route.depot,
            route.capKg - (route.tripKg[t] as number),
            route.capM3 - (route.tripM3[t] as number),
            base,
          );
        }
        // Service starts never decrease along a route: once the vehicle is past the point's latest start here,
        // it is past it everywhere further on.
        if ((route.start[p - 1] as number) > close) break;
        if (gain <= 0 || gain < bestGain) continue;
        // Adding to a delivery of the same order already on this trip costs no time and no km.
        if (p <= n && (route.order[p] as number) === o) {
          const late = relief ? Math.max(route.latestArrival, otherLate) : 0;
          if (better(relief, gain, 0, late, 0, bestGain, 0, bestLate, bestKm, 0)) {
            bestGain = gain;
            bestLate = late;
            bestKm = 0;
            bestRoute = r;
            bestPos = p;
            bestReload = false;
            bestMerge = true;
            bestKg = this.qkg;
            bestM3 = this.qm3;
            this.bestQ.set(this.q);
          }
        }
        if (onlyMerge) continue;
        if (blink > 0 && random.float() < blink) continue;
        const prev = route.place[p - 1] as number;
        const next = route.place[p] as number;
        const a = (route.start[p - 1] as number) + (route.service[p - 1] as number) + route.time(prev, u);
        if (a > close) continue;
        const s = a > open ? a : open;
        const back = s + serv + route.time(u, next);
        if (back > (route.latestStart[p] as number)) continue;
        const dkm = route.distance(prev, u) + route.distance(u, next) - route.distance(prev, next);
        let late = 0;
        if (relief) {
          const push = back - (route.arrive[p] as number);
          const after = (route.lateAfter[p] as number) + (push > 0 ? push : 0);
          late = route.lateBefore[p - 1] as number;
          if (a > late) late = a;
          if (after > late) late = after;
          if (otherLate > late) late = otherLate;
        }
        if (better(relief, gain, 0, late, dkm, bestGain, 0, bestLate, bestKm, 0)) {
          bestGain = gain;
          bestLate = late;
          bestKm = dkm;
          bestRoute = r;
          bestPos = p;
          bestReload = false;
          bestMerge = false;
          bestKg = this.qkg;
          bestM3 = this.qm3;
          this.bestQ.set(this.q);
        }
      }
      // A new trip at the end of the day: back to the depot, reload, go out again.
      if (n > 0 && route.trips < m.maxTrips && !onlyMerge) {
        const g = this.target(sol, o, route.depot, route.capKg, route.capM3, base);
        if (g <= 0 || g < bestGain) continue;
        if (blink > 0 && random.float() < blink) continue;
        const last = route.place[n] as number;
        const home = route.home;
        const depart =
          (route.start[n] as number) + (route.service[n] as number) + route.time(last, home) + route.load;
        const a = depart + route.time(home, u);
        if (a > close) continue;
        const s = a > open ? a : open;
        if (s + serv + route.time(u, home) > (route.latestStart[n + 1] as number)) continue;
        const dkm = route.distance(home, u) + route.distance(u, home);
        let late = 0;
        if (relief) {
          late = route.latestArrival > a ? route.latestArrival : a;
          if (otherLate > late) late = otherLate;
        }
        if (better(relief, g, 0, late, dkm, bestGain, 0, bestLate, bestKm, 0)) {
          bestGain = g;
          bestLate = late;
          bestKm = dkm;
          bestRoute = r;
          bestPos = n + 1;
          bestReload = true;
          bestMerge = false;
          bestKg = this.qkg;
          bestM3 = this.qm3;
          this.bestQ.set(this.q);
        }
      }
    }
    if (bestRoute < 0) return -1;
    const route = sol.routes[bestRoute] as Route;
    let p = bestPos;
    if (bestMerge) {
      sol.addToDelivery(bestRoute, p, this.bestQ, bestKg, bestM3);
      route.update();
      if (relief) this.rankLatest(sol);
      return bestRoute;
    }
    if (bestReload) {
      route.insertReload(p);
      p++;
    }
    sol.addDelivery(bestRoute, p, o, this.bestQ, bestKg, bestM3);
    route.update();
    if (relief) this.rankLatest(sol);
    return bestRoute;
  }
}
