import type { Route } from "../route";
import type { MoveContext, Operator } from "./operator";

/** 2-opt: u then w, the stretch between them reversed (within one trip of one route). */
export const twoOpt: Operator = {
  name: "2-opt",
  scope: "pair",
  attempt(ctx: MoveContext, ru: number, pu: number, rw: number, pw: number): boolean {
    if (ru !== rw) return false;
    const { sol, a } = ctx;
    const U = sol.routes[ru] as Route;
    if (pu >= pw || (U.trip[pu] as number) !== (U.trip[pw] as number)) return false;
    a.clear();
    a.range(sol, ru, 1, pu);
    a.reversed(sol, ru, pu + 1, pw);
    a.range(sol, ru, pw + 1, U.n);
    return ctx.improves(ru, -1);
  },
};
