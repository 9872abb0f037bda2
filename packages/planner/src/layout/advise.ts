import { evaluateParsed, type LayoutEvaluation } from "./evaluate";
import { addScenario, type StockTerms } from "./flow";
import { LinearModel, loadHighs, type Terms } from "./lp";
import { type OnLayoutProgress, stageCounter } from "./progress";
import { Roads } from "./reach";
import { districtCoverage, explainPurchase, explainTransfer, type MoveReason } from "./reasons";
import { currentLayout, type Layout, type LayoutProblem, parseLayoutProblem } from "./schema";

export interface AdviceOptions {
  /** At most this many truckloads of transfers (0: purchases only). */
  maxTruckloads: number;
  /** Yuan to spend on purchases (none when absent or 0). */
  budgetYuan?: number;
  /** Yuan per unit, overriding the items' prices. */
  prices?: Record<string, number>;
  /** Told of each scenario bounded and each solve made; it has no say in the answer. */
  onProgress?: OnLayoutProgress;
}

export interface Transfer {
  fromWarehouseId: string;
  toWarehouseId: string;
  itemId: string;
  quantity: number;
  reason: MoveReason;
}

export interface Purchase {
  itemId: string;
  warehouseId: string;
  quantity: number;
  costYuan: number;
  reason: MoveReason;
}

export interface LayoutAdvice {
  transfers: Transfer[];
  /** Truckloads per warehouse pair (a truckload: one of the source's largest vehicles, full by kg or m³). */
  truckloads: { fromWarehouseId: string; toWarehouseId: string; loads: number }[];
  purchases: Purchase[];
  /** The layout after the transfers and purchases. */
  layout: Layout;
  before: LayoutEvaluation;
  after: LayoutEvaluation;
  /** The district-wide scenario's quota coverage (people the district's stock equips), when purchases were asked. */
  coverage?: { before: number; after: number; people: number };
}

const TOLERANCE = 1e-6;

/**
 * Transfers of movable stock (at most `maxTruckloads`, within each warehouse's m³, district totals unchanged) and
 * purchases within the budget, chosen by a MIP on the flow bound of every scenario, in stages:
 * (1) with a budget, the district's quota coverage (min over needed items of total ÷ need per person, up to the
 * district-wide scenario's people); (2) the smallest share served over the scenarios; (3) the weighted mean
 * share; (4) as few truckloads and purchase lines, as little cargo and money as (1)–(3) allow (one sum:
 * truckloads + lines + the share of each truckload filled + spend ÷ budget). Each stage holds the earlier
 * optima within 1e-6. Only warehouses with vehicles (and not marked `receives: false`) receive stock: the
 * planner ships from a warehouse only in its own vehicles.
 */
export async function adviseLayout(input: LayoutProblem, options: AdviceOptions): Promise<LayoutAdvice> {
  const problem = parseLayoutProblem(input);
  const roads = new Roads(problem);
  const base = currentLayout(problem);
  const { onProgress } = options;
  const before = await evaluateParsed(
    problem,
    base,
    roads,
    stageCounter("boundBefore", problem.scenarios.length, onProgress),
  );
  const solver = await loadHighs();
  const { warehouses, items } = problem;
  const model = new LinearModel();
  const stock: Terms[][] = warehouses.map(() => items.map(() => []));
  const volume: Terms[] = warehouses.map(() => []);
  const add = (w: number, i: number, c: number, v: string) => {
    stock[w]?.[i]?.push([c, v]);
    volume[w]?.push([c * (items[i]?.m3 ?? 0), v]);
  };
  const receives = warehouses.map(
    (w) => w.receives !== false && problem.fleet.some((v) => v.warehouseId === w.id),
  );
  const biggest = (w: string | undefined) =>
    [...problem.fleet]
      .filter((v) => w === undefined || v.warehouseId === w)
      .sort((a, b) => b.capacityKg - a.capacityKg || (b.capacityM3 ?? 1e12) - (a.capacityM3 ?? 1e12))[0];

  const moves: { a: number; b: number; i: number; v: string }[] = [];
  const loads: { a: number; b: number; v: string }[] = [];
  const tieBreak: Terms = [];
  for (const s of problem.stock) {
    const a = warehouses.findIndex((w) => w.id === s.warehouseId);
    const i = items.findIndex((x) => x.id === s.itemId);
    if (s.movable === 0 || options.maxTruckloads <= 0) continue;
    const out: Terms = [];
    warehouses.forEach((_, b) => {
      if (b === a || !receives[b]) return;
      const v = model.variable(`m${a}_${b}_${i}`, s.movable, true);
      moves.push({ a, b, i, v });
      out.push([1, v]);
      add(a, i, -1, v);
      add(b, i, 1, v);
    });
    model.row(out, "<=", s.movable);
  }
  warehouses.forEach((from, a) => {
    const truck = biggest(from.id) ?? biggest(undefined);
    warehouses.forEach((_, b) => {
      const pair = moves.filter((m) => m.a === a && m.b === b);
      if (pair.length === 0 || !truck) return;
      const v = model.variable(`L${a}_${b}`, options.maxTruckloads, true);
      loads.push({ a, b, v });
      tieBreak.push([1, v]);
      const kg = pair.map((m): [number, string] => [items[m.i]?.kg ?? 0, m.v]);
      model.row([...kg, [-truck.capacityKg, v]], "<=", 0);
      tieBreak.push(...kg.map(([c, x]): [number, string] => [c / truck.capacityKg, x]));
      if (truck.capacityM3 !== undefined)
        model.row(
          [...pair.map((m): [number, string] => [items[m.i]?.m3 ?? 0, m.v]), [-truck.capacityM3, v]],
          "<=",
          0,
        );
    });
  });
  model.row(
    loads.map((l) => [1, l.v]),
    "<=",
    options.maxTruckloads,
  );

  const budget = options.budgetYuan ?? 0;
  const price = (i: number) => options.prices?.[items[i]?.id ?? ""] ?? items[i]?.priceYuan;
  const buys: { w: number; i: number; v: string; price: number }[] = [];
  if (budget > 0)
    items.forEach((_, i) => {
      const p = price(i);
      if (p === undefined || p <= 0 || p > budget) return;
      warehouses.forEach((_, w) => {
        if (!receives[w]) return;
        const most = Math.floor(budget / p);
        const v = model.variable(`b${w}_${i}`, most, true);
        buys.push({ w, i, v, price: p });
        add(w, i, 1, v);
        // A purchase line is a yes/no: fewer lines make a shorter list for the same figures.
        const line = model.variable(`z${w}_${i}`, 1, true);
        model.row(
          [
            [1, v],
            [-most, line],
          ],
          "<=",
          0,
        );
        tieBreak.push([p / budget, v], [1, line]);
      });
    });
  model.row(
    buys.map((b) => [b.price, b.v]),
    "<=",
    budget,
  );

  warehouses.forEach((w, k) => {
    const held = items.reduce((s, item) => s + item.m3 * (base[w.id]?.[item.id] ?? 0), 0);
    model.row(volume[k] as Terms, "<=", Math.max(0, w.capacityM3 - held));
  });
  const stockOf = (w: number, i: number): StockTerms | undefined => {
    const constant = base[warehouses[w]?.id ?? ""]?.[items[i]?.id ?? ""] ?? 0;
    const terms = stock[w]?.[i] ?? [];
    return constant > 0 || terms.length > 0 ? { constant, terms } : undefined;
  };

  const t = model.variable("t", 1);
  const weights = problem.scenarios.map((s) => s.weight);
  const total = weights.reduce((s, w) => s + w, 0);
  const mean: Terms = [];
  problem.scenarios.forEach((scenario, k) => {
    const { served, people } = addScenario(model, k, problem, roads.scenario(scenario), stockOf);
    if (people === 0) return;
    model.row([...served, [-people, t]], ">=", 0);
    const w = total > 0 ? (weights[k] as number) / total : 1 / problem.scenarios.length;
    mean.push(...served.map(([c, v]): [number, string] => [(c * w) / people, v]));
  });
  // Scaled so that the largest coefficient is 1: HiGHS's tolerances are absolute.
  const top = Math.max(1e-12, ...mean.map(([c]) => c));
  const meanObjective = mean.map(([c, v]): [number, string] => [c / top, v]);

  const holds: string[] = [];
  const coverage = buys.length > 0 ? districtCoverage(problem) : undefined;
  const solved = stageCounter("optimise", coverage ? 4 : 3, onProgress);
  if (coverage) {
    // c ≤ (held_i + bought_i) ÷ need_i for every needed item, and c ≤ the district-wide scenario's people.
    const c = model.variable("c", coverage.people);
    items.forEach((x, i) => {
      const need = coverage.needPerPerson[x.id] ?? 0;
      if (need <= 0) return;
      const held = Object.values(base).reduce((s, row) => s + (row[x.id] ?? 0), 0);
      const bought = buys.filter((b) => b.i === i).map((b): [number, string] => [-1, b.v]);
      model.row([[need, c], ...bought], "<=", held);
    });
    const best = model.solve(solver, "Maximize", [[1, c]], holds).value;
    solved();
    holds.push(LinearModel.hold([[1, c]], ">=", best - TOLERANCE * Math.max(1, best)));
  }
  const worst = model.solve(solver, "Maximize", [[1, t]], holds).value;
  solved();
  holds.push(LinearModel.hold([[1, t]], ">=", worst - TOLERANCE));
  const meanBest = model.solve(solver, "Maximize", meanObjective, holds).value;
  solved();
  holds.push(LinearModel.hold(meanObjective, ">=", meanBest - TOLERANCE));
  const final = model.solve(solver, "Minimize", tieBreak, holds);
  solved();

  const layout: Layout = structuredClone(base);
  const put = (w: number, i: number, q: number) => {
    const id = warehouses[w]?.id as string;
    const row = layout[id] ?? {};
    row[items[i]?.id as string] = (row[items[i]?.id as string] ?? 0) + q;
    layout[id] = row;
  };
  const moved = moves.flatMap((m) => {
    const quantity = Math.round(final.get(m.v));
    if (quantity <= 0) return [];
    put(m.a, m.i, -quantity);
    put(m.b, m.i, quantity);
    return [{ ...m, quantity }];
  });
  const bought = buys.flatMap((b) => {
    const quantity = Math.round(final.get(b.v));
    if (quantity <= 0) return [];
    put(b.w, b.i, quantity);
    return [{ ...b, quantity }];
  });
  const after = await evaluateParsed(
    problem,
    layout,
    roads,
    stageCounter("boundAfter", problem.scenarios.length, onProgress),
  );
  const why = { problem, roads, base, layout, before, after };
  const id = (w: number) => warehouses[w]?.id as string;
  const item = (i: number) => items[i]?.id as string;
  const byKey =
    <T>(key: (x: T) => string) =>
    (x: T, y: T) =>
      key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0;
  return {
    transfers: moved
      .map((m) => ({
        fromWarehouseId: id(m.a),
        toWarehouseId: id(m.b),
        itemId: item(m.i),
        quantity: m.quantity,
        reason: explainTransfer(why, m.b, m.i),
      }))
      .sort(byKey((x) => `${x.fromWarehouseId}\u0000${x.toWarehouseId}\u0000${x.itemId}`)),
    truckloads: loads
      .map((l) => ({ fromWarehouseId: id(l.a), toWarehouseId: id(l.b), loads: Math.round(final.get(l.v)) }))
      .filter((l) => l.loads > 0)
      .sort(byKey((x) => `${x.fromWarehouseId}\u0000${x.toWarehouseId}`)),
    purchases: bought
      .map((b) => ({
        itemId: item(b.i),
        warehouseId: id(b.w),
        quantity: b.quantity,
        costYuan: Math.round(b.quantity * b.price * 100) / 100,
        reason: explainPurchase(why, b.w, b.i, coverage),
      }))
      .sort(byKey((x) => `${x.itemId}\u0000${x.warehouseId}`)),
    layout,
    before,
    after,
    ...(coverage
      ? { coverage: { before: coverage.of(base), after: coverage.of(layout), people: coverage.people } }
      : {}),
  };
}
