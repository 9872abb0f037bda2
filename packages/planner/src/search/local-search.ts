import type { Model } from "../model";
import { RELOAD, Route } from "./route";
import type { Solution } from "./solution";

/** A node reference in a candidate route: (source route, position), or route −1 for a reload. */
class Sequence {
  route: Int32Array;
  pos: Int32Array;
  length = 0;

  constructor(size: number) {
    this.route = new Int32Array(size);
    this.pos = new Int32Array(size);
  }

  clear(): void {
    this.length = 0;
  }

  private push(r: number, p: number): void {
    if (this.length === this.route.length) {
      const route = new Int32Array(this.length * 2);
      const pos = new Int32Array(this.length * 2);
      route.set(this.route);
      pos.set(this.pos);
      this.route = route;
      this.pos = pos;
    }
    this.route[this.length] = r;
    this.pos[this.length++] = p;
  }

  /** Appends positions from … to of route r (nothing when from > to). */
  range(sol: Solution, r: number, from: number, to: number): void {
    const route = sol.routes[r] as Route;
    for (let p = from; p <= to; p++) this.push((route.order[p] as number) === RELOAD ? -1 : r, p);
  }

  reversed(sol: Solution, r: number, from: number, to: number): void {
    const route = sol.routes[r] as Route;
    for (let p = to; p >= from; p--) this.push((route.order[p] as number) === RELOAD ? -1 : r, p);
  }
}

/**
 * Local search: the classic VRP operators, each a small named move evaluated on candidate routes and applied
 * only when it improves the objective (the same lexicographic order as the search: people, then latest arrival
 * for relief, then km). Moves are tried between a delivery and its nearest neighbours (granular neighbourhoods),
 * first improvement, until no move helps.
 *
 *   relocate / or-opt   move a string of 1–3 deliveries next to a neighbour (same or another route)
 *   swap                exchange two deliveries
 *   2-opt*              exchange the tails of two routes
 *   cross-exchange      exchange strings of up to 3 deliveries between two routes
 *   2-opt               reverse a stretch of a trip
 *   trip exchange       run two trips of one vehicle in the other order
 */
export class LocalSearch {
  private readonly a = new Sequence(64);
  private readonly b = new Sequence(64);
  private stageA: Route | undefined;
  private stageB: Route | undefined;
  private readonly moved: Float64Array;
  /** Figures of the last simulated candidate route. */
  private simKm = 0;
  private simLate = 0;
  private kmA = 0;
  private lateA = 0;
  private readonly width: number;
  private firstLate = 0;
  private firstRoute = -1;
  private secondLate = 0;
  private secondRoute = -1;
  private thirdLate = 0;
  moves = 0;
  /** Whether a run ended on the clock rather than at a local optimum. */
  timedOut = false;

  constructor(
    private readonly model: Model,
    private readonly neighbours: Int32Array,
    neighbourWidth: number,
    /** How many neighbours of each delivery the moves look at. */
    private readonly granularity = 12,
  ) {
    this.width = neighbourWidth;
    this.moved = new Float64Array(model.itemCount);
  }

  /** Improves sol until no move helps or the clock passes `until`; returns whether anything changed. */
  run(sol: Solution, until = Number.POSITIVE_INFINITY): boolean {
    const relief = this.model.objective === "relief";
    const k = Math.min(this.granularity, this.width);
    let any = false;
    let improved = true;
    while (improved) {
      improved = false;
      this.rank(sol);
      for (let r = 0; r < sol.routes.length; r++) {
        if (performance.now() > until) {
          this.timedOut = true;
          return any;
        }
        const route = sol.routes[r] as Route;
        if (route.trips >= 2 && this.tripExchange(sol, r, relief)) improved = true;
        for (let p = 1; p <= route.n; p++) {
          const o = route.order[p] as number;
          if (o === RELOAD) continue;
          if ((p & 7) === 0 && performance.now() > until) {
            this.timedOut = true;
            return any;
          }
          for (let x = 0; x < k; x++) {
            const w = this.neighbours[o * this.width + x] as number;
            if (w < 0) break;
            const rw = sol.where[w] as number;
            if (rw < 0) continue;
            const pw = this.find(sol, rw, w);
            if (pw < 0 || (rw === r && pw === p)) continue;
            if (this.tryAll(sol, r, p, rw, pw, relief)) {
              improved = true;
              this.moves++;
              break;
            }
          }
        }
      }
      if (improved) any = true;
    }
    return any;
  }

  private find(sol: Solution, r: number, o: number): number {
    const route = sol.routes[r] as Route;
    for (let p = 1; p <= route.n; p++) if ((route.order[p] as number) === o) return p;
    return -1;
  }

  /** The three latest routes, so that the plan's latest arrival after changing two routes is O(1). */
  private rank(sol: Solution): void {
    let l1 = Number.NEGATIVE_INFINITY;
    let l2 = l1;
    let l3 = l1;
    let r1 = -1;
    let r2 = -1;
    sol.routes.forEach((route, r) => {
      const l = route.latestArrival;
      if (l > l1) {
        l3 = l2;
        l2 = l1;
        r2 = r1;
        l1 = l;
        r1 = r;
      } else if (l > l2) {
        l3 = l2;
        l2 = l;
        r2 = r;
      } else if (l > l3) l3 = l;
    });
    this.firstLate = l1;
    this.firstRoute = r1;
    this.secondLate = l2;
    this.secondRoute = r2;
    this.thirdLate = l3;
  }

  private othersLate(r1: number, r2: number): number {
    if (this.firstRoute !== r1 && this.firstRoute !== r2) return this.firstLate;
    if (this.secondRoute !== r1 && this.secondRoute !== r2) return this.secondLate;
    return this.thirdLate;
  }

  private tryAll(sol: Solution, ru: number, pu: number, rw: number, pw: number, relief: boolean): boolean {
    const U = sol.routes[ru] as Route;
    const W = sol.routes[rw] as Route;
    const a = this.a;
    const b = this.b;
    // relocate / or-opt: a string starting at u goes right after w, or right before it.
    for (let len = 1; len <= 3; len++) {
      const end = pu + len - 1;
      if (end > U.n || (U.order[end] as number) === RELOAD) break;
      for (const after of [true, false]) {
        const at = after ? pw : pw - 1;
        if (ru === rw) {
          if (at >= pu - 1 && at <= end) continue;
          a.clear();
          if (at < pu) {
            a.range(sol, ru, 1, at);
            a.range(sol, ru, pu, end);
            a.range(sol, ru, at + 1, pu - 1);
            a.range(sol, ru, end + 1, U.n);
          } else {
            a.range(sol, ru, 1, pu - 1);
            a.range(sol, ru, end + 1, at);
            a.range(sol, ru, pu, end);
            a.range(sol, ru, at + 1, U.n);
          }
          if (this.improves(sol, ru, -1, relief)) return true;
        } else {
          a.clear();
          a.range(sol, ru, 1, pu - 1);
          a.range(sol, ru, end + 1, U.n);
          b.clear();
          b.range(sol, rw, 1, at);
          b.range(sol, ru, pu, end);
          b.range(sol, rw, at + 1, W.n);
          if (this.improves(sol, ru, rw, relief)) return true;
        }
      }
    }
    // swap
    if (ru === rw) {
      const [x, y] = pu < pw ? [pu, pw] : [pw, pu];
      a.clear();
      a.range(sol, ru, 1, x - 1);
      a.range(sol, ru, y, y);
      a.range(sol, ru, x + 1, y - 1);
      a.range(sol, ru, x, x);
      a.range(sol, ru, y + 1, U.n);
      if (this.improves(sol, ru, -1, relief)) return true;
      // 2-opt: u then w, the stretch between them reversed (within one trip).
      if (pu < pw && (U.trip[pu] as number) === (U.trip[pw] as number)) {
        a.clear();
        a.range(sol, ru, 1, pu);
        a.reversed(sol, ru, pu + 1, pw);
        a.range(sol, ru, pw + 1, U.n);
        if (this.improves(sol, ru, -1, relief)) return true;
      }
      return false;
    }
    a.clear();
    a.range(sol, ru, 1, pu - 1);
    a.range(sol, rw, pw, pw);
    a.range(sol, ru, pu + 1, U.n);
    b.clear();
    b.range(sol, rw, 1, pw - 1);
    b.range(sol, ru, pu, pu);
    b.range(sol, rw, pw + 1, W.n);
    if (this.improves(sol, ru, rw, relief)) return true;
    // 2-opt*: u's route continues with w and everything after it; w's route takes over u's tail.
    a.clear();
    a.range(sol, ru, 1, pu);
    a.range(sol, rw, pw, W.n);
    b.clear();
    b.range(sol, rw, 1, pw - 1);
    b.range(sol, ru, pu + 1, U.n);
    if (this.improves(sol, ru, rw, relief)) return true;
    // cross-exchange: strings of up to 3 deliveries starting at u and at w change routes.
    for (let la = 1; la <= 3; la++) {
      const ea = pu + la - 1;
      if (ea > U.n || (U.order[ea] as number) === RELOAD) break;
      for (let lb = 1; lb <= 3; lb++) {
        if (la === 1 && lb === 1) continue;
        const eb = pw + lb - 1;
        if (eb > W.n || (W.order[eb] as number) === RELOAD) break;
        a.clear();
        a.range(sol, ru, 1, pu - 1);
        a.range(sol, rw, pw, eb);
        a.range(sol, ru, ea + 1, U.n);
        b.clear();
        b.range(sol, rw, 1, pw - 1);
        b.range(sol, ru, pu, ea);
        b.range(sol, rw, eb + 1, W.n);
        if (this.improves(sol, ru, rw, relief)) return true;
      }
    }
    return false;
  }

  /** Runs two trips of vehicle r in the opposite order. */
  private tripExchange(sol: Solution, r: number, relief: boolean): boolean {
    const route = sol.routes[r] as Route;
    const starts: number[] = [1];
    for (let p = 1; p <= route.n; p++) if ((route.order[p] as number) === RELOAD) starts.push(p + 1);
    starts.push(route.n + 2);
    const T = starts.length - 1;
    for (let x = 0; x < T; x++)
      for (let y = x + 1; y < T; y++) {
        const a = this.a;
        a.clear();
        for (let t = 0; t < T; t++) {
          const s = t === x ? y : t === y ? x : t;
          if (t > 0) a.range(sol, r, (starts[t] as number) - 1, (starts[t] as number) - 1);
          a.range(sol, r, starts[s] as number, (starts[s + 1] as number) - 2);
        }
        if (this.improves(sol, r, -1, relief)) return true;
      }
    return false;
  }

  /**
   * Simulates sequence a on route ra (and b on rb when rb ≥ 0) and applies the change if it improves the
   * objective. Stock is checked when deliveries change depot.
   */
  private improves(sol: Solution, ra: number, rb: number, relief: boolean): boolean {
    const A = sol.routes[ra] as Route;
    if (!this.simulate(sol, A, this.a)) return false;
    this.kmA = this.simKm;
    this.lateA = this.simLate;
    let km = this.kmA - A.km;
    let late = this.lateA;
    if (rb >= 0) {
      const B = sol.routes[rb] as Route;
      if (!this.simulate(sol, B, this.b)) return false;
      km += this.simKm - B.km;
      if (this.simLate > late) late = this.simLate;
      if (A.depot !== B.depot && !this.stockAllows(sol, B, rb)) return false;
      if (A.depot !== B.depot && !this.stockAllows(sol, A, ra, this.a)) return false;
    }
    if (relief) {
      const others = this.othersLate(ra, rb);
      const after = others > late ? others : late;
      if (after > sol.latest + 1e-9) return false;
      if (after >= sol.latest - 1e-9 && km >= -1e-9) return false;
    } else if (km >= -1e-9) return false;
    this.apply(sol, ra, this.a, rb);
    return true;
  }

  /** Whether the depot of route `into` has the stock for the deliveries that the sequence brings from elsewhere. */
  private stockAllows(sol: Solution, into: Route, r: number, seq: Sequence = this.b): boolean {
    const m = this.model;
    const K = m.itemCount;
    this.moved.fill(0);
    for (let x = 0; x < seq.length; x++) {
      const src = seq.route[x] as number;
      if (src < 0 || src === r) continue;
      const route = sol.routes[src] as Route;
      const p = seq.pos[x] as number;
      for (let k = 0; k < K; k++)
        this.moved[k] = (this.moved[k] as number) + (route.qty[p * K + k] as number);
    }
    for (let k = 0; k < K; k++) {
      const d = into.depot * K + k;
      if ((sol.used[d] as number) + (this.moved[k] as number) > (m.stock[d] as number) + 1e-9) return false;
    }
    return true;
  }

  /** Drives route R's vehicle through the sequence: feasibility, km and latest delivery arrival. */
  private simulate(sol: Solution, R: Route, seq: Sequence): boolean {
    const m = this.model;
    let t = R.ready;
    let at = R.home;
    let km = 0;
    let late = Number.NEGATIVE_INFINITY;
    let kg = 0;
    let m3 = 0;
    let trips = 1;
    let stopsInTrip = 0;
    for (let x = 0; x < seq.length; x++) {
      const src = seq.route[x] as number;
      if (src < 0) {
        if (stopsInTrip === 0) continue;
        t += R.time(at, R.home) + R.load;
        km += R.distance(at, R.home);
        at = R.home;
        kg = 0;
        m3 = 0;
        trips++;
        stopsInTrip = 0;
        continue;
      }
      const route = sol.routes[src] as Route;
      const p = seq.pos[x] as number;
      const i = m.orderDemand[route.order[p] as number] as number;
      const u = m.demandPlace[i] as number;
      t += R.time(at, u);
      km += R.distance(at, u);
      if (t > late) late = t;
      const open = m.windowStart[i] as number;
      if (t < open) t = open;
      if (t > (m.latest[i] as number) + 1e-9) return false;
      t += m.service[i] as number;
      at = u;
      kg += route.kg[p] as number;
      m3 += route.m3[p] as number;
      if (kg > R.capKg + 1e-9 || m3 > R.capM3 + 1e-9) return false;
      stopsInTrip++;
    }
    if (stopsInTrip === 0 && trips > 1) trips--;
    t += R.time(at, R.home);
    km += R.distance(at, R.home);
    if (!Number.isFinite(t) || t > R.end + 1e-9 || trips > m.maxTrips) return false;
    this.simKm = km;
    this.simLate = late;
    return true;
  }

  /** Writes the candidate sequences into their routes (through staging routes, as sources may overlap). */
  private apply(sol: Solution, ra: number, seqA: Sequence, rb: number): void {
    const A = sol.routes[ra] as Route;
    this.stageA ??= new Route(this.model, A.vehicle);
    this.stage(sol, this.stageA, seqA);
    if (rb >= 0) {
      const B = sol.routes[rb] as Route;
      this.stageB ??= new Route(this.model, B.vehicle);
      this.stage(sol, this.stageB, this.b);
      B.copyFrom(this.stageB);
      B.normalize();
      B.update();
    }
    A.copyFrom(this.stageA);
    A.normalize();
    A.update();
    sol.recount();
    sol.evaluate();
    this.rank(sol);
  }

  private stage(sol: Solution, into: Route, seq: Sequence): void {
    const K = this.model.itemCount;
    into.reserve(seq.length);
    for (let x = 0; x < seq.length; x++) {
      const src = seq.route[x] as number;
      const q = x + 1;
      if (src < 0) {
        into.order[q] = RELOAD;
        into.kg[q] = 0;
        into.m3[q] = 0;
        for (let k = 0; k < K; k++) into.qty[q * K + k] = 0;
        continue;
      }
      const route = sol.routes[src] as Route;
      const p = seq.pos[x] as number;
      into.order[q] = route.order[p] as number;
      into.kg[q] = route.kg[p] as number;
      into.m3[q] = route.m3[p] as number;
      for (let k = 0; k < K; k++) into.qty[q * K + k] = route.qty[p * K + k] as number;
    }
    into.n = seq.length;
  }
}
