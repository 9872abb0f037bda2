import { areasRouter } from "./routers/areas";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { usersRouter } from "./routers/users";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  areas: areasRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
