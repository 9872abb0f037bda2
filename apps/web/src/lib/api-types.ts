import type { AppRouter } from "@relief/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

/** Shapes of what the API returns and accepts, read from the router's types (nothing of it runs in the browser). */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

export type CurrentUser = RouterOutputs["auth"]["me"];
export type Role = CurrentUser["role"];
export type UserItem = RouterOutputs["users"]["list"][number];

export type AreasOverview = RouterOutputs["areas"]["list"];
export type AreaItem = AreasOverview["areas"][number];
export type AreaKind = AreaItem["kind"];
export type AreaLevel = AreaItem["level"];
export type PopulationBasis = AreaItem["populationBasis"];
export type PopulationImportResult = RouterOutputs["areas"]["importPopulation"];

export type AuditPage = RouterOutputs["audit"]["list"];
export type AuditItem = AuditPage["rows"][number];
export type AuditQuery = RouterInputs["audit"]["list"];

export const ROLES: readonly Role[] = ["admin", "civil_affairs", "commerce", "dispatcher", "leader"];
export const POPULATION_BASES: readonly PopulationBasis[] = ["census", "official", "estimate"];
