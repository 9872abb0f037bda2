import type { AppRouter } from "@relief/api";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { isRetryable, isUnauthorized } from "./lib/errors";
import { notifySessionLost } from "./lib/session";

/** Mutations marked with this meta handle UNAUTHORIZED themselves (logging in with a wrong password). */
export const OWN_AUTH_ERRORS = { ownAuthErrors: true } as const;

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError(error) {
      if (isUnauthorized(error)) notifySessionLost();
    },
  }),
  mutationCache: new MutationCache({
    onError(error, _variables, _context, mutation) {
      if (isUnauthorized(error) && !mutation.meta?.ownAuthErrors) notifySessionLost();
    },
  }),
  defaultOptions: {
    queries: {
      retry: (failures, error) => failures < 2 && isRetryable(error),
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
    mutations: { retry: false },
  },
});

/**
 * Same origin as the page, so the session cookie goes along without further setup. The server refuses
 * batches of more than 10 calls and any batch holding `auth.login` (apps/server/src/request-guards.ts):
 * logging in travels alone, and batches are cut at 10.
 */
export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.path === "auth.login",
      true: httpLink({ url: "/trpc" }),
      false: httpBatchLink({ url: "/trpc", maxItems: 10 }),
    }),
  ],
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
