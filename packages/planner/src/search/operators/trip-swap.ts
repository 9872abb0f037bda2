import { RELOAD, type Route } from "../route";
import type { MoveContext, Operator } from "./operator";

/** Trip swap: two trips of one vehicle run in the opposite order. */
export const tripSwap: Operator = {
  name: "trip swap",
  scope: "route",
  attempt(ctx: MoveContext, r: number): boolean {
    const { sol, a } = ctx;
    const route = sol.routes[r] as Route;
    if (route.trips < 2) return false;
    const starts: number[] = [1];
    for (let p = 1; p <= route.n; p++) if ((route.order[p] as number) === RELOAD) starts.push(p + 1);
    starts.push(route.n + 2);
    const T = starts.length - 1;
    for (let x = 0; x < T; x++)
      for (let y = x + 1; y < T; y++) {
        a.clear();
        for (let t = 0; t < T; t++) {
          const s = t === x ? y : t === y ? x : t;
          if (t > 0) a.range(sol, r, (starts[t] as number) - 1, (starts[t] as number) - 1);
          a.range(sol, r, starts[s] as number, (starts[s + 1] as number) - 2);
        }
        if (ctx.improves(r, -1)) return true;
      }
    return false;
  },
};
