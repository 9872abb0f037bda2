import type { Route } from "../route";
import type { MoveContext, Operator } from "./operator";

/** 2-opt*: u's route continues with w and everything after it; w's route takes over u's tail. */
export const twoOptStar: Operator = {
  name: "2-opt*",
  scope: "pair",
  attempt(ctx: MoveContext, ru: number, pu: number, rw: number, pw: number): boolean {
    if (ru === rw) return false;
    const { sol, a, b } = ctx;
    const U = sol.routes[ru] as Route;
    const W = sol.routes[rw] as Route;
    a.clear();
    a.range(sol, ru, 1, pu);
    a.range(sol, rw, pw, W.n);
    b.clear();
    b.range(sol, rw, 1, pw - 1);
    b.range(sol, ru, pu + 1, U.n);
    return ctx.improves(ru, rw);
  },
};
