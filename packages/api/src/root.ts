import { agreementsRouter } from "./routers/agreements";
import { aidRouter } from "./routers/aid";
import { areasRouter } from "./routers/areas";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { coverageRouter } from "./routers/coverage";
import { declarationsRouter } from "./routers/declarations";
import { dispatchRouter } from "./routers/dispatch";
import { enterprisesRouter } from "./routers/enterprises";
import { incidentsRouter } from "./routers/incidents";
import { itemsRouter } from "./routers/items";
import { layoutRouter } from "./routers/layout";
import { neighboursRouter } from "./routers/neighbours";
import { portalRouter } from "./routers/portal";
import { quotasRouter } from "./routers/quotas";
import { risksRouter } from "./routers/risks";
import { roadsRouter } from "./routers/roads";
import { settingsRouter } from "./routers/settings";
import { sheltersRouter } from "./routers/shelters";
import { stockRouter } from "./routers/stock";
import { usersRouter } from "./routers/users";
import { vehiclesRouter } from "./routers/vehicles";
import { warehousesRouter } from "./routers/warehouses";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  areas: areasRouter,
  audit: auditRouter,
  items: itemsRouter,
  warehouses: warehousesRouter,
  stock: stockRouter,
  enterprises: enterprisesRouter,
  agreements: agreementsRouter,
  declarations: declarationsRouter,
  portal: portalRouter,
  quotas: quotasRouter,
  coverage: coverageRouter,
  shelters: sheltersRouter,
  dispatch: dispatchRouter,
  roads: roadsRouter,
  incidents: incidentsRouter,
  vehicles: vehiclesRouter,
  neighbours: neighboursRouter,
  aid: aidRouter,
  settings: settingsRouter,
  risks: risksRouter,
  layout: layoutRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
