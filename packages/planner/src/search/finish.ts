import { RELOAD, type Route } from "./route";
import type { Solution } from "./solution";

/**
 * Drops deliveries that serve nobody: items of a point that another, missing item keeps from counting (people
 * are counted by their least-covered item). They cost km and can only delay the plan.
 */
export function dropIdle(sol: Solution): void {
  const m = sol.model;
  const K = m.itemCount;
  for (let r = 0; r < sol.routes.length; r++) {
    const route = sol.routes[r] as Route;
    for (let p = route.n; p >= 1; p--) {
      const o = route.order[p] as number;
      if (o === RELOAD) continue;
      const i = m.orderDemand[o] as number;
      const before = sol.demandServed(i);
      for (let k = 0; k < K; k++)
        sol.delivered[i * K + k] = (sol.delivered[i * K + k] as number) - (route.qty[p * K + k] as number);
      const after = sol.demandServed(i);
      for (let k = 0; k < K; k++)
        sol.delivered[i * K + k] = (sol.delivered[i * K + k] as number) + (route.qty[p * K + k] as number);
      if (after < before) continue;
      // A matrix that breaks the triangle rule can make the shortcut slower than the detour: keep the stop then.
      const prev = route.place[p - 1] as number;
      const shortcut =
        (route.start[p - 1] as number) +
        (route.service[p - 1] as number) +
        route.time(prev, route.place[p + 1] as number);
      if (shortcut > (route.latestStart[p + 1] as number) + 1e-9) continue;
      sol.removeDelivery(r, p);
      route.normalize();
      route.update();
    }
  }
  sol.evaluate();
}

/**
 * Top-up: adds units to deliveries already planned, using room left on their trips and stock left at their
 * depots, whenever that serves one more person at the point. Deliveries are sized in whole people when they are
 * inserted, so a point served by several trips can lose a few units to rounding; this gets them back.
 * Timing never changes, so the plan stays feasible.
 */
export function topUp(sol: Solution): void {
  const m = sol.model;
  const K = m.itemCount;
  const visits: [number, number][][] = Array.from({ length: m.demandCount }, () => []);
  sol.routes.forEach((route, r) => {
    for (let p = 1; p <= route.n; p++) {
      const o = route.order[p] as number;
      if (o >= 0) (visits[m.orderDemand[o] as number] as [number, number][]).push([r, p]);
    }
  });
  const changed = new Set<number>();
  const more = new Float64Array(K);
  for (let i = 0; i < m.demandCount; i++) {
    const list = visits[i] as [number, number][];
    const P = m.people[i] as number;
    if (list.length === 0) continue;
    for (;;) {
      const S = sol.demandServed(i);
      if (S >= P) break;
      for (let k = 0; k < K; k++) {
        const n = m.need[i * K + k] as number;
        more[k] =
          n === 0
            ? 0
            : Math.max(0, Math.floor(((S + 1) * n + P - 1) / P) - (sol.delivered[i * K + k] as number));
      }
      const plan = allocate(sol, list, more);
      if (!plan) break;
      for (const [r, p, k, x] of plan) {
        const route = sol.routes[r] as Route;
        route.qty[p * K + k] = (route.qty[p * K + k] as number) + x;
        route.kg[p] = (route.kg[p] as number) + x * (m.itemKg[k] as number);
        route.m3[p] = (route.m3[p] as number) + x * (m.itemM3[k] as number);
        const t = route.trip[p] as number;
        route.tripKg[t] = (route.tripKg[t] as number) + x * (m.itemKg[k] as number);
        route.tripM3[t] = (route.tripM3[t] as number) + x * (m.itemM3[k] as number);
        sol.delivered[i * K + k] = (sol.delivered[i * K + k] as number) + x;
        sol.used[route.depot * K + k] = (sol.used[route.depot * K + k] as number) + x;
        changed.add(r);
      }
    }
  }
  for (const r of changed) (sol.routes[r] as Route).update();
  sol.evaluate();
}

/** Spreads the extra units over the point's deliveries; null when room or stock runs short. */
function allocate(
  sol: Solution,
  list: [number, number][],
  more: Float64Array,
): [number, number, number, number][] | null {
  const m = sol.model;
  const K = m.itemCount;
  const out: [number, number, number, number][] = [];
  const roomKg = new Map<string, number>();
  const roomM3 = new Map<string, number>();
  const stockLeft = new Map<number, number>();
  for (let k = 0; k < K; k++) {
    let want = more[k] as number;
    const kg = m.itemKg[k] as number;
    const m3 = m.itemM3[k] as number;
    for (const [r, p] of list) {
      if (want <= 0) break;
      const route = sol.routes[r] as Route;
      const t = route.trip[p] as number;
      const key = `${r}:${t}`;
      const rk = roomKg.get(key) ?? route.capKg - (route.tripKg[t] as number);
      const rm = roomM3.get(key) ?? route.capM3 - (route.tripM3[t] as number);
      const sk = route.depot * K + k;
      const left = stockLeft.get(sk) ?? (m.stock[sk] as number) - (sol.used[sk] as number);
      let x = Math.min(want, left);
      if (kg > 0) x = Math.min(x, Math.floor((rk + 1e-9) / kg));
      if (m3 > 0) x = Math.min(x, Math.floor((rm + 1e-9) / m3));
      if (x <= 0) continue;
      out.push([r, p, k, x]);
      roomKg.set(key, rk - x * kg);
      roomM3.set(key, rm - x * m3);
      stockLeft.set(sk, left - x);
      want -= x;
    }
    if (want > 0) return null;
  }
  return out;
}
