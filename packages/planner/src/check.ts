import type { DispatchPlan } from "./plan-types";
import { parseProblem, type ValidProblem } from "./schema";

/**
 * An independent plan checker: it recomputes every travel time with its own shortest-path code and checks the
 * plan against the contract's rules (capacity, stock, travel times, windows, deadline, trips) and the reported
 * figures. It shares no code with the solver, so a solver bug cannot hide itself. Returns the violations found;
 * an empty list means the plan is valid.
 */
export function checkPlan(input: unknown, plan: DispatchPlan): string[] {
  const problem = parseProblem(input);
  const errors: string[] = [];
  const fail = (message: string) => {
    if (errors.length < 200) errors.push(message);
  };
  const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
  const atMost = (a: number, b: number) => a <= b + 1e-6 * Math.max(1, Math.abs(b));

  const travel = legTravel(problem);
  const items = new Map(problem.items.map((i) => [i.id, i]));
  const depots = new Map(problem.depots.map((d) => [d.id, d]));
  const demands = new Map(problem.demands.map((d) => [d.id, d]));
  const vehicles = new Map<string, ValidProblem["vehicles"][number]>();
  for (const v of problem.vehicles) {
    if (v.count === undefined) vehicles.set(v.id, v);
    else for (let j = 1; j <= v.count; j++) vehicles.set(`${v.id}#${j}`, v);
  }

  const byVehicle = new Map<string, DispatchPlan["routes"]>();
  for (const r of plan.routes) {
    const list = byVehicle.get(r.vehicle) ?? [];
    list.push(r);
    byVehicle.set(r.vehicle, list);
  }

  const used = new Map<string, number>();
  const delivered = new Map<string, Map<string, number>>();
  const stopsAt = new Map<string, number>();
  const lastStart = new Map<string, number>();
  let latestArrival: number | null = null;
  let totalKm = 0;

  for (const [name, trips] of byVehicle) {
    const v = vehicles.get(name);
    if (!v) {
      fail(`route of unknown vehicle "${name}"`);
      continue;
    }
    const depot = depots.get(v.depot) as ValidProblem["depots"][number];
    const slowness = 1 / (v.speedFactor ?? 1);
    trips.sort((a, b) => a.trip - b.trip);
    if (problem.maxTripsPerVehicle !== undefined && trips.length > problem.maxTripsPerVehicle)
      fail(`${name}: ${trips.length} trips, more than maxTripsPerVehicle ${problem.maxTripsPerVehicle}`);
    let ready = (v.availableAtMinutes ?? 0) + depot.loadMinutes;
    trips.forEach((r, t) => {
      const where = `${name} trip ${r.trip}`;
      if (r.trip !== t + 1) fail(`${where}: trips must be numbered 1, 2, … without gaps`);
      if (r.depot !== v.depot)
        fail(`${where}: leaves from ${r.depot}, but the vehicle belongs to ${v.depot}`);
      if (r.stops.length === 0) fail(`${where}: a trip without stops`);
      if (!atMost(ready, r.departMinutes)) fail(`${where}: departs at ${r.departMinutes}, before ${ready}`);
      let clock = r.departMinutes;
      let at = depot.node;
      let km = 0;
      let kg = 0;
      let m3 = 0;
      for (const s of r.stops) {
        const d = demands.get(s.demand);
        if (!d) {
          fail(`${where}: unknown demand "${s.demand}"`);
          continue;
        }
        if (s.node !== d.node)
          fail(`${where}: stop ${s.demand} at node ${s.node}, but the point is at ${d.node}`);
        const leg = travel(at, d.node);
        if (!leg) {
          fail(`${where}: no open road from ${at} to ${d.node}`);
          continue;
        }
        km += leg.km;
        if (!atMost(clock + leg.minutes * slowness, s.arriveMinutes))
          fail(`${where}: arrives at ${s.demand} at ${s.arriveMinutes}, earlier than possible`);
        const open = d.window?.[0] ?? 0;
        if (!near(s.startMinutes, Math.max(s.arriveMinutes, open)))
          fail(`${where}: service at ${s.demand} must start at max(arrival, window start)`);
        if (!atMost(s.startMinutes, problem.deadlineMinutes))
          fail(`${where}: service at ${s.demand} starts after the deadline`);
        if (d.window && !atMost(s.startMinutes, d.window[1]))
          fail(`${where}: service at ${s.demand} starts after its window closes`);
        latestArrival = Math.max(latestArrival ?? s.arriveMinutes, s.arriveMinutes);
        lastStart.set(s.demand, Math.max(lastStart.get(s.demand) ?? s.startMinutes, s.startMinutes));
        stopsAt.set(s.demand, (stopsAt.get(s.demand) ?? 0) + 1);
        let any = false;
        const got = delivered.get(s.demand) ?? new Map<string, number>();
        delivered.set(s.demand, got);
        for (const [k, q] of Object.entries(s.deliver)) {
          const item = items.get(k);
          if (!item) {
            fail(`${where}: delivers unknown item "${k}"`);
            continue;
          }
          if (!Number.isInteger(q) || q < 0) fail(`${where}: delivers ${q} of ${k}, not a whole number`);
          if (q > 0) any = true;
          kg += q * item.kg;
          m3 += q * item.m3;
          got.set(k, (got.get(k) ?? 0) + q);
          const key = `${v.depot}\u0000${k}`;
          used.set(key, (used.get(key) ?? 0) + q);
        }
        if (!any) fail(`${where}: stop at ${s.demand} delivers nothing`);
        clock = s.startMinutes + (d.serviceMinutes ?? 0);
        at = d.node;
      }
      const back = travel(at, depot.node);
      if (!back) fail(`${where}: no open road back to the depot`);
      else {
        km += back.km;
        if (!atMost(clock + back.minutes * slowness, r.returnMinutes))
          fail(`${where}: returns at ${r.returnMinutes}, earlier than possible`);
      }
      if (v.maxEndMinutes !== undefined && !atMost(r.returnMinutes, v.maxEndMinutes))
        fail(`${where}: returns at ${r.returnMinutes}, after maxEndMinutes ${v.maxEndMinutes}`);
      if (!near(km, r.km)) fail(`${where}: reports ${r.km} km, the roads give ${km}`);
      if (!atMost(kg, v.capacityKg)) fail(`${where}: carries ${kg} kg, more than ${v.capacityKg}`);
      if (v.capacityM3 !== undefined && !atMost(m3, v.capacityM3))
        fail(`${where}: carries ${m3} m³, more than ${v.capacityM3}`);
      totalKm += r.km;
      ready = r.returnMinutes + depot.loadMinutes;
    });
  }

  for (const d of problem.depots)
    for (const item of problem.items) {
      const u = used.get(`${d.id}\u0000${item.id}`) ?? 0;
      if (u > (d.stock[item.id] ?? 0))
        fail(`depot ${d.id}: ${u} ${item.id} sent, ${d.stock[item.id] ?? 0} in stock`);
    }
  if (problem.splitDeliveries === false)
    for (const [d, n] of stopsAt) if (n > 1) fail(`${d}: ${n} deliveries, but split deliveries are off`);

  let people = 0;
  let served = 0;
  const seen = new Set<string>();
  for (const o of plan.outcomes) {
    const d = demands.get(o.demand);
    if (!d) {
      fail(`outcome for unknown demand "${o.demand}"`);
      continue;
    }
    seen.add(o.demand);
    const got = delivered.get(o.demand) ?? new Map<string, number>();
    let coverage = Number.POSITIVE_INFINITY;
    let short = false;
    for (const item of problem.items) {
      const n = d.need[item.id] ?? 0;
      const g = got.get(item.id) ?? 0;
      if (g > n) fail(`${o.demand}: ${g} ${item.id} delivered, more than the ${n} needed`);
      if ((o.delivered[item.id] ?? 0) !== g)
        fail(`${o.demand}: outcome says ${o.delivered[item.id] ?? 0} ${item.id} delivered, routes ${g}`);
      if ((o.shortfall[item.id] ?? 0) !== Math.max(0, n - g))
        fail(`${o.demand}: wrong shortfall of ${item.id}`);
      if (n > 0) {
        // Whole-number arithmetic, so that 3 people × 1/3 counts as 1 person, not 0.999….
        coverage = Math.min(coverage, Math.floor((d.people * Math.min(g, n)) / n));
        if (g < n) short = true;
      }
    }
    const expect = coverage === Number.POSITIVE_INFINITY ? d.people : coverage;
    if (o.people !== d.people) fail(`${o.demand}: outcome says ${o.people} people, the problem ${d.people}`);
    if (o.peopleServed !== expect)
      fail(`${o.demand}: ${o.peopleServed} people served reported, ${expect} by the rule`);
    if ((o.completeAtMinutes ?? null) !== (lastStart.get(o.demand) ?? null))
      fail(
        `${o.demand}: completeAtMinutes ${o.completeAtMinutes}, last delivery starts at ${lastStart.get(o.demand) ?? null}`,
      );
    if (short && o.reasons.length === 0) fail(`${o.demand}: a shortfall without a reason`);
    if (!short && o.reasons.length > 0) fail(`${o.demand}: reasons given without a shortfall`);
    people += d.people;
    served += expect;
  }
  for (const d of problem.demands) if (!seen.has(d.id)) fail(`no outcome for demand ${d.id}`);

  const s = plan.summary;
  if (s.people !== people) fail(`summary.people ${s.people}, outcomes give ${people}`);
  if (s.peopleServed !== served) fail(`summary.peopleServed ${s.peopleServed}, outcomes give ${served}`);
  if (!near(s.totalKm, totalKm)) fail(`summary.totalKm ${s.totalKm}, routes give ${totalKm}`);
  if ((s.latestArrivalMinutes ?? null) !== latestArrival)
    fail(`summary.latestArrivalMinutes ${s.latestArrivalMinutes}, stops give ${latestArrival}`);
  if (s.vehiclesUsed !== byVehicle.size)
    fail(`summary.vehiclesUsed ${s.vehiclesUsed}, routes use ${byVehicle.size}`);
  return errors;
}

interface Leg {
  minutes: number;
  km: number;
}

/** Travel between two nodes, at the vehicle's base speed; undefined when no open road connects them. */
function legTravel(problem: ValidProblem): (from: string, to: string) => Leg | undefined {
  if (problem.matrix) {
    const m = problem.matrix;
    const at = new Map(m.nodes.map((n, i) => [n, i]));
    return (from, to) => {
      if (from === to) return { minutes: 0, km: 0 };
      const i = at.get(from) as number;
      const j = at.get(to) as number;
      const t = m.minutes[i]?.[j];
      if (t === null || t === undefined) return undefined;
      return { minutes: t, km: m.km?.[i]?.[j] ?? 0 };
    };
  }
  const network = problem.network as NonNullable<ValidProblem["network"]>;
  const index = new Map(network.nodes.map((n, i) => [n.id, i]));
  const out: { to: number; minutes: number; km: number }[][] = network.nodes.map(() => []);
  for (const e of network.edges) {
    if (e.closed) continue;
    const minutes = (e.minutes ?? ((e.km ?? 0) / (e.speedKmh ?? 1)) * 60) / (e.speedFactor ?? 1);
    const a = index.get(e.from) as number;
    const b = index.get(e.to) as number;
    out[a]?.push({ to: b, minutes, km: e.km ?? 0 });
    if (!e.oneWay) out[b]?.push({ to: a, minutes, km: e.km ?? 0 });
  }
  // Legs from a depot: one tree per depot. Legs back to a depot: one tree per depot on the reversed roads.
  // Other legs (point to point): a search that stops at the target.
  const back: { to: number; minutes: number; km: number }[][] = network.nodes.map(() => []);
  out.forEach((list, a) => {
    for (const e of list) back[e.to]?.push({ to: a, minutes: e.minutes, km: e.km });
  });
  const depotNodes = new Set(problem.depots.map((d) => d.node));
  const cache = new Map<string, { minutes: number[]; km: number[] }>();
  const tree = (key: string, graph: typeof out, source: number, target = -1) => {
    let t = cache.get(key);
    if (!t) {
      t = dijkstra(graph, source, target);
      cache.set(key, t);
    }
    return t;
  };
  return (from, to) => {
    const i = index.get(from) as number;
    const j = index.get(to) as number;
    let minutes: number;
    let km: number;
    if (depotNodes.has(from)) {
      const t = tree(`>${from}`, out, i);
      minutes = t.minutes[j] as number;
      km = t.km[j] as number;
    } else if (depotNodes.has(to)) {
      const t = tree(`<${to}`, back, j);
      minutes = t.minutes[i] as number;
      km = t.km[i] as number;
    } else {
      const t = tree(`${from}>${to}`, out, i, j);
      minutes = t.minutes[j] as number;
      km = t.km[j] as number;
    }
    return minutes === Number.POSITIVE_INFINITY ? undefined : { minutes, km };
  };
}

/**
 * Plain Dijkstra with a lazy-deletion heap of [minutes, km, node] entries; ties on time go to fewer km. Stops once
 * `target` is settled (−1: never).
 */
function dijkstra(
  out: { to: number; minutes: number; km: number }[][],
  source: number,
  target: number,
): { minutes: number[]; km: number[] } {
  const minutes: number[] = out.map(() => Number.POSITIVE_INFINITY);
  const km: number[] = out.map(() => Number.POSITIVE_INFINITY);
  const done: boolean[] = out.map(() => false);
  minutes[source] = 0;
  km[source] = 0;
  const heap: [number, number, number][] = [[0, 0, source]];
  const before = (a: [number, number, number], b: [number, number, number]) =>
    a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  while (heap.length > 0) {
    const top = heap[0] as [number, number, number];
    const last = heap.pop() as [number, number, number];
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (
          l < heap.length &&
          before(heap[l] as [number, number, number], heap[m] as [number, number, number])
        )
          m = l;
        if (
          r < heap.length &&
          before(heap[r] as [number, number, number], heap[m] as [number, number, number])
        )
          m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m] as [number, number, number], heap[i] as [number, number, number]];
        i = m;
      }
    }
    const [t, k, u] = top;
    if (done[u]) continue;
    done[u] = true;
    if (u === target) break;
    for (const e of out[u] ?? []) {
      const cand: [number, number, number] = [t + e.minutes, k + e.km, e.to];
      const old = minutes[e.to] as number;
      if (done[e.to] || !(cand[0] < old || (cand[0] === old && cand[1] < (km[e.to] as number)))) continue;
      minutes[e.to] = cand[0];
      km[e.to] = cand[1];
      heap.push(cand);
      let i = heap.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!before(heap[i] as [number, number, number], heap[p] as [number, number, number])) break;
        [heap[i], heap[p]] = [heap[p] as [number, number, number], heap[i] as [number, number, number]];
        i = p;
      }
    }
  }
  return { minutes, km };
}
