import { RELOAD, type Route } from "../route";
import type { MoveContext, Operator } from "./operator";

/** Relocate / or-opt: a string of 1–3 deliveries starting at u goes right after w, or right before it. */
export const relocate: Operator = {
  name: "relocate",
  scope: "pair",
  attempt(ctx: MoveContext, ru: number, pu: number, rw: number, pw: number): boolean {
    const { sol, a, b } = ctx;
    const U = sol.routes[ru] as Route;
    const W = sol.routes[rw] as Route;
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
          if (ctx.improves(ru, -1)) return true;
        } else {
          a.clear();
          a.range(sol, ru, 1, pu - 1);
          a.range(sol, ru, end + 1, U.n);
          b.clear();
          b.range(sol, rw, 1, at);
          b.range(sol, ru, pu, end);
          b.range(sol, rw, at + 1, W.n);
          if (ctx.improves(ru, rw)) return true;
        }
      }
    }
    return false;
  },
};
