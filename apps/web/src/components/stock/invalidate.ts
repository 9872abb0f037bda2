import { queryClient, trpc } from "../../trpc";

/** After any posting: balances, documents, cards, counts, expiry and warehouse usage may all have moved. */
export function invalidateStock(): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries(trpc.stock.pathFilter()),
    queryClient.invalidateQueries(trpc.warehouses.pathFilter()),
  ]);
}
