import type { Model } from "../model";

/** A node of a route that is not a delivery: the vehicle returns to its depot and reloads (a new trip starts). */
export const RELOAD = -1;

const INF = Number.POSITIVE_INFINITY;

/**
 * One vehicle's whole working day: its trips laid end to end, separated by RELOAD nodes.
 * Positions 0 and n + 1 are the depot at the start and the end; 1 … n are deliveries (an order and the
 * quantities delivered) or reloads. The timing arrays are caches rebuilt by update(); they make the feasibility
 * of inserting one delivery anywhere an O(1) test (earliest start forward, latest start backward).
 */
export class Route {
  n = 0;
  capacity: number;
  order: Int32Array;
  qty: Float64Array;
  kg: Float64Array;
  m3: Float64Array;

  place: Int32Array;
  service: Float64Array;
  close: Float64Array;
  arrive: Float64Array;
  start: Float64Array;
  latestStart: Float64Array;
  kmTo: Float64Array;
  trip: Int32Array;
  /** Largest delivery arrival at positions ≤ p (−Infinity when none). */
  lateBefore: Float64Array;
  /** Largest delivery arrival at positions ≥ p. */
  lateAfter: Float64Array;
  tripKg: Float64Array;
  tripM3: Float64Array;

  km = 0;
  latestArrival = Number.NEGATIVE_INFINITY;
  trips = 0;
  visits = 0;
  feasible = true;

  readonly depot: number;
  readonly home: number;
  readonly load: number;
  readonly ready: number;
  readonly end: number;
  readonly slowness: number;
  readonly capKg: number;
  readonly capM3: number;

  constructor(
    private readonly model: Model,
    readonly vehicle: number,
  ) {
    this.depot = model.vehicleDepot[vehicle] as number;
    this.home = model.depotPlace[this.depot] as number;
    this.load = model.depotLoad[this.depot] as number;
    this.ready = (model.availableAt[vehicle] as number) + this.load;
    this.end = model.maxEnd[vehicle] as number;
    this.slowness = model.slowness[vehicle] as number;
    this.capKg = model.capacityKg[vehicle] as number;
    this.capM3 = model.capacityM3[vehicle] as number;
    this.capacity = 0;
    this.order = new Int32Array(0);
    this.qty = new Float64Array(0);
    this.kg = new Float64Array(0);
    this.m3 = new Float64Array(0);
    this.place = new Int32Array(0);
    this.service = new Float64Array(0);
    this.close = new Float64Array(0);
    this.arrive = new Float64Array(0);
    this.start = new Float64Array(0);
    this.latestStart = new Float64Array(0);
    this.kmTo = new Float64Array(0);
    this.trip = new Int32Array(0);
    this.lateBefore = new Float64Array(0);
    this.lateAfter = new Float64Array(0);
    this.tripKg = new Float64Array(0);
    this.tripM3 = new Float64Array(0);
    this.reserve(8);
    this.update();
  }

  /** Grows the arrays so that the route can hold `nodes` nodes between its depots. */
  reserve(nodes: number): void {
    if (nodes + 2 <= this.capacity) return;
    const cap = Math.max(nodes + 2, this.capacity * 2);
    const K = this.model.itemCount;
    const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T, width = 1): T => {
      const b = make(cap * width);
      b.set(a);
      return b;
    };
    const f64 = (n: number) => new Float64Array(n);
    const i32 = (n: number) => new Int32Array(n);
    this.order = grow(this.order, i32);
    this.qty = grow(this.qty, f64, K);
    this.kg = grow(this.kg, f64);
    this.m3 = grow(this.m3, f64);
    this.place = grow(this.place, i32);
    this.service = grow(this.service, f64);
    this.close = grow(this.close, f64);
    this.arrive = grow(this.arrive, f64);
    this.start = grow(this.start, f64);
    this.latestStart = grow(this.latestStart, f64);
    this.kmTo = grow(this.kmTo, f64);
    this.trip = grow(this.trip, i32);
    this.lateBefore = grow(this.lateBefore, f64);
    this.lateAfter = grow(this.lateAfter, f64);
    this.tripKg = grow(this.tripKg, f64);
    this.tripM3 = grow(this.tripM3, f64);
    this.capacity = cap;
  }

  /** Travel minutes between two places for this vehicle. */
  time(a: number, b: number): number {
    const m = this.model;
    return (m.minutes[a * m.placeCount + b] as number) * this.slowness;
  }

  distance(a: number, b: number): number {
    const m = this.model;
    return m.km[a * m.placeCount + b] as number;
  }

  /** Rebuilds the caches; returns whether every time window, the return time and every trip load hold. */
  update(): boolean {
    const m = this.model;
    const n = this.n;
    const { order, place, service, close, arrive, start, latestStart, kmTo, trip, lateBefore, lateAfter } =
      this;
    place[0] = this.home;
    service[0] = 0;
    close[0] = INF;
    arrive[0] = this.ready;
    start[0] = this.ready;
    kmTo[0] = 0;
    trip[0] = 0;
    lateBefore[0] = Number.NEGATIVE_INFINITY;
    let feasible = true;
    let t = 0;
    this.tripKg[0] = 0;
    this.tripM3[0] = 0;
    let visits = 0;
    for (let p = 1; p <= n + 1; p++) {
      const o = p <= n ? (order[p] as number) : RELOAD;
      let open = 0;
      if (p === n + 1) {
        place[p] = this.home;
        service[p] = 0;
        close[p] = this.end;
        trip[p] = t;
      } else if (o === RELOAD) {
        place[p] = this.home;
        service[p] = this.load;
        close[p] = INF;
        t++;
        trip[p] = t;
        this.tripKg[t] = 0;
        this.tripM3[t] = 0;
      } else {
        const i = m.orderDemand[o] as number;
        place[p] = m.demandPlace[i] as number;
        service[p] = m.service[i] as number;
        close[p] = m.latest[i] as number;
        open = m.windowStart[i] as number;
        trip[p] = t;
        this.tripKg[t] = (this.tripKg[t] as number) + (this.kg[p] as number);
        this.tripM3[t] = (this.tripM3[t] as number) + (this.m3[p] as number);
        visits++;
      }
      const prev = place[p - 1] as number;
      const a = (start[p - 1] as number) + (service[p - 1] as number) + this.time(prev, place[p] as number);
      arrive[p] = a;
      const s = a > open ? a : open;
      start[p] = s;
      if (s > (close[p] as number) + 1e-9) feasible = false;
      kmTo[p] = (kmTo[p - 1] as number) + this.distance(prev, place[p] as number);
      const lb = lateBefore[p - 1] as number;
      lateBefore[p] = o >= 0 && p <= n && a > lb ? a : lb;
    }
    latestStart[n + 1] = close[n + 1] as number;
    lateAfter[n + 1] = Number.NEGATIVE_INFINITY;
    for (let p = n; p >= 0; p--) {
      const next = (latestStart[p + 1] as number) - this.time(place[p] as number, place[p + 1] as number);
      const ls = next - (service[p] as number);
      const c = close[p] as number;
      latestStart[p] = ls < c ? ls : c;
      const la = lateAfter[p + 1] as number;
      lateAfter[p] =
        p >= 1 && (order[p] as number) >= 0 && (arrive[p] as number) > la ? (arrive[p] as number) : la;
    }
    for (let q = 0; q <= t; q++)
      if ((this.tripKg[q] as number) > this.capKg + 1e-9 || (this.tripM3[q] as number) > this.capM3 + 1e-9)
        feasible = false;
    this.km = kmTo[n + 1] as number;
    this.latestArrival = lateBefore[n] as number;
    this.trips = visits > 0 ? t + 1 : 0;
    this.visits = visits;
    this.feasible = feasible;
    return feasible;
  }

  /** Inserts a delivery of order `o` before position p (1 … n + 1); `q` holds the quantities per item. */
  insert(p: number, o: number, q: Float64Array, kg: number, m3: number): void {
    this.reserve(this.n + 1);
    const K = this.model.itemCount;
    for (let x = this.n; x >= p; x--) this.moveNode(x, x + 1);
    this.order[p] = o;
    for (let k = 0; k < K; k++) this.qty[p * K + k] = q[k] as number;
    this.kg[p] = kg;
    this.m3[p] = m3;
    this.n++;
  }

  /** Inserts a RELOAD before position p. */
  insertReload(p: number): void {
    this.reserve(this.n + 1);
    for (let x = this.n; x >= p; x--) this.moveNode(x, x + 1);
    this.order[p] = RELOAD;
    this.kg[p] = 0;
    this.m3[p] = 0;
    this.n++;
  }

  /** Removes the node at position p (1 … n). */
  remove(p: number): void {
    for (let x = p; x < this.n; x++) this.moveNode(x + 1, x);
    this.n--;
  }

  /** Drops RELOADs that start an empty trip (at the start, at the end, or next to another RELOAD). */
  normalize(): void {
    let w = 1;
    for (let p = 1; p <= this.n; p++) {
      const o = this.order[p] as number;
      if (o === RELOAD && (w === 1 || (this.order[w - 1] as number) === RELOAD)) continue;
      if (w !== p) this.moveNode(p, w);
      w++;
    }
    this.n = w - 1;
    while (this.n > 0 && (this.order[this.n] as number) === RELOAD) this.n--;
  }

  moveNode(from: number, to: number): void {
    const K = this.model.itemCount;
    this.order[to] = this.order[from] as number;
    for (let k = 0; k < K; k++) this.qty[to * K + k] = this.qty[from * K + k] as number;
    this.kg[to] = this.kg[from] as number;
    this.m3[to] = this.m3[from] as number;
  }

  copyFrom(src: Route): void {
    this.reserve(src.n);
    const K = this.model.itemCount;
    const n = src.n;
    for (let p = 1; p <= n; p++) {
      this.order[p] = src.order[p] as number;
      this.kg[p] = src.kg[p] as number;
      this.m3[p] = src.m3[p] as number;
    }
    for (let x = K; x < (n + 1) * K; x++) this.qty[x] = src.qty[x] as number;
    this.n = n;
    this.update();
  }
}
