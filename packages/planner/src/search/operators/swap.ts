import type { Route } from "../route";
import type { MoveContext, Operator } from "./operator";

/** Swap: u and w change places (in one route, or between two). */
export const swap: Operator = {
  name: "swap",
  scope: "pair",
  attempt(ctx: MoveContext, ru: number, pu: number, rw: number, pw: number): boolean {
    const { sol, a, b } = ctx;
    const U = sol.routes[ru] as Route;
    if (ru === rw) {
      const [x, y] = pu < pw ? [pu, pw] : [pw, pu];
      a.clear();
      a.range(sol, ru, 1, x - 1);
      a.range(sol, ru, y, y);
      a.range(sol, ru, x + 1, y - 1);
      a.range(sol, ru, x, x);
      a.range(sol, ru, y + 1, U.n);
      return ctx.improves(ru, -1);
    }
    const W = sol.routes[rw] as Route;
    a.clear();
    a.range(sol, ru, 1, pu - 1);
    a.range(sol, rw, pw, pw);
    a.range(sol, ru, pu + 1, U.n);
    b.clear();
    b.range(sol, rw, 1, pw - 1);
    b.range(sol, ru, pu, pu);
    b.range(sol, rw, pw + 1, W.n);
    return ctx.improves(ru, rw);
  },
};
