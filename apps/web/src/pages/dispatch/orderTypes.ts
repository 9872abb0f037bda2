import type { RouterOutputs } from "../../lib/api-types";

/** The dispatch orders' shapes, read from the dispatch procedures' types. */
export type OrderView = RouterOutputs["dispatch"]["order"];
export type OrderLine = OrderView["lines"][number];
export type OrderSummary = RouterOutputs["dispatch"]["orders"]["rows"][number];
export type OrderStatus = OrderView["status"];
