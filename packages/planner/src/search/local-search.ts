import type { Model } from "../model";
import { better } from "./objective";
import { type MoveContext, OPERATORS, type Operator, Sequence } from "./operators";
import { RELOAD, Route } from "./route";
import type { Solution } from "./solution";

/**
 * Local search: the classic VRP operators (`operators/`, tried in the order of OPERATORS), each a small named
 * move that proposes candidate routes; this class checks each candidate, evaluates it with the objective
 * (`objective.ts`) and applies it only when it is strictly better. Moves are tried between a delivery and its
 * nearest neighbours (granular neighbourhoods), first improvement, until no move helps.
 */
export class LocalSearch implements MoveContext {
  readonly a = new Sequence(64);
  readonly b = new Sequence(64);
  /** The solution being improved, for the operators. */
  sol!: Solution;
  private readonly relief: boolean;
  private readonly routeOperators: Operator[];
  private readonly pairOperators: Operator[];
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
    this.relief = model.objective === "relief";
    this.routeOperators = OPERATORS.filter((op) => op.scope === "route");
    this.pairOperators = OPERATORS.filter((op) => op.scope === "pair");
  }

  /** Improves sol until no move helps or the clock passes `until`; returns whether anything changed. */
  run(sol: Solution, until = Number.POSITIVE_INFINITY): boolean {
    this.sol = sol;
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
        for (const op of this.routeOperators) if (op.attempt(this, r, -1, -1, -1)) improved = true;
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
            if (this.attemptPair(r, p, rw, pw)) {
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

  private attemptPair(ru: number, pu: number, rw: number, pw: number): boolean {
    for (const op of this.pairOperators) if (op.attempt(this, ru, pu, rw, pw)) return true;
    return false;
  }

  /**
   * Simulates sequence a on route ra (and b on rb when rb ≥ 0) and applies the change if it improves the
   * objective. Stock is checked when deliveries change depot.
   */
  improves(ra: number, rb: number): boolean {
    const sol = this.sol;
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
    // Moves keep every delivery as it is, so people and progress do not change: compare latest arrival and km.
    let after = late;
    if (this.relief) {
      const others = this.othersLate(ra, rb);
      if (others > after) after = others;
    }
    if (!better(this.relief, 0, 0, after, km, 0, 0, sol.latest, 0)) return false;
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
