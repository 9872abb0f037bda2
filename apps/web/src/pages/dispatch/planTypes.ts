import type { RouterOutputs } from "../../lib/api-types";

/** The plan page's shapes, read from the dispatch, roads and incidents procedures' types. */
export type PlanView = RouterOutputs["dispatch"]["get"];
export type PlanRoute = PlanView["routes"][number];
export type PlanStop = PlanRoute["stops"][number];
export type PlanAreaOutcome = PlanView["outcomes"][number];
export type PlanShortfall = PlanView["shortfalls"][number];
export type PlanOptions = PlanView["options"];
export type PlanVersion = RouterOutputs["dispatch"]["list"][number];
export type PlanComparison = RouterOutputs["dispatch"]["compare"];
export type PlanFlag = NonNullable<PlanView["flag"]>;
export type ReplanResult = RouterOutputs["dispatch"]["replan"];
export type ReplanAreaChange = ReplanResult["areas"][number];
