import type { Solution } from "../solution";
import type { Sequence } from "./sequence";

/**
 * What an operator works with. A candidate move is written as the new node sequence of one route (`a`) or of
 * two (`a` and `b`), each built from positions of the current routes; `improves` then checks it (drives the
 * vehicles through it: windows, capacity, trips, return limit, and depot stock when deliveries change depot),
 * evaluates its gain with the objective, and applies it when it is strictly better. The checks, the gain and
 * the application are the same for every move; only the candidate sequences differ.
 */
export interface MoveContext {
  readonly sol: Solution;
  readonly a: Sequence;
  readonly b: Sequence;
  /** Checks candidate a on route ra (and b on route rb when rb ≥ 0); applies it and returns true if it improves. */
  improves(ra: number, rb: number): boolean;
}

/**
 * A local-search move. `pair` operators are tried between a delivery u (route ru, position pu) and one of its
 * nearest neighbours w (route rw, position pw), which may be on the same route; `route` operators are tried on
 * route ru alone (rw and pw are −1). `attempt` proposes the move's candidates one by one, first improvement:
 * it returns true as soon as one was applied, false when none improves or the move does not apply.
 */
export interface Operator {
  readonly name: string;
  readonly scope: "pair" | "route";
  attempt(ctx: MoveContext, ru: number, pu: number, rw: number, pw: number): boolean;
}
