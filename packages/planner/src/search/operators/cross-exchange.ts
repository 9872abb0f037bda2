import { RELOAD, type Route } from "../route";
import type { MoveContext, Operator } from "./operator";

/** Cross-exchange: strings of up to 3 deliveries starting at u and at w change routes (1 ↔ 1 is a swap). */
export const crossExchange: Operator = {
  name: "cross-exchange",
  scope: "pair",
  attempt(ctx: MoveContext, ru: number, pu: number, rw: number, pw: number): boolean {
    if (ru === rw) return false;
    const { sol, a, b } = ctx;
    const U = sol.routes[ru] as Route;
    const W = sol.routes[rw] as Route;
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
        if (ctx.improves(ru, rw)) return true;
      }
    }
    return false;
  },
};
