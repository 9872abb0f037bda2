export { type ErrorDetails, incidentId } from "./errors";
export { type AppRouter, appRouter, createCaller } from "./root";
export type { ApiContext, ApiMeta } from "./trpc";
