import { crossExchange } from "./cross-exchange";
import type { Operator } from "./operator";
import { relocate } from "./relocate";
import { swap } from "./swap";
import { tripSwap } from "./trip-swap";
import { twoOpt } from "./two-opt";
import { twoOptStar } from "./two-opt-star";

export type { MoveContext, Operator } from "./operator";
export { Sequence } from "./sequence";

/**
 * The local search's moves, in the order they are tried (first improvement): for each route its route moves,
 * then for each delivery and neighbour the pair moves in this order.
 */
export const OPERATORS: readonly Operator[] = [tripSwap, relocate, swap, twoOpt, twoOptStar, crossExchange];
