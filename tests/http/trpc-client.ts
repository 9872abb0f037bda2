import type { AppRouter } from "@relief/api";
import { createTRPCClient, httpLink } from "@trpc/client";

/** A typed client that keeps its session cookie, signed in as `username`. */
export async function signedIn(url: string, username: string, password = "relief-demo") {
  let cookie = "";
  const client = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${url}/trpc`,
        async fetch(input, init) {
          const headers = new Headers(init?.headers);
          if (cookie) headers.set("cookie", cookie);
          const response = await fetch(input, { ...init, headers });
          const set = response.headers.getSetCookie()[0];
          if (set) cookie = set.split(";")[0] ?? "";
          return response;
        },
      }),
    ],
  });
  await client.auth.login.mutate({ username, password });
  return client;
}
export type Client = Awaited<ReturnType<typeof signedIn>>;

/** Sets aside, under another dispatch, all of an item's available stock in the district but `keep` at `warehouseId`. */
export async function makeScarce(client: Client, itemId: number, warehouseId: number, keep: number) {
  const { rows, total } = await client.stock.balances.query({ itemId, pageSize: 200 });
  if (total > rows.length) throw new Error("more balances of the item than one page");
  const available = new Map<number, number>();
  for (const row of rows)
    available.set(row.warehouseId, (available.get(row.warehouseId) ?? 0) + row.available);
  for (const [id, quantity] of available) {
    const left = id === warehouseId ? keep : 0;
    if (quantity <= left) continue;
    await client.stock.reserve.mutate({
      warehouseId: id,
      dispatchRef: "其他灾情",
      lines: [{ itemId, quantity: quantity - left }],
    });
  }
}

/** Planned quantity of one warehouse × item over a plan's trips. */
export function planned(
  view: {
    routes: Array<{
      warehouseId: number | null;
      stops: Array<{ deliveries: Array<{ itemId: number; quantity: number }> }>;
    }>;
  },
  warehouseId: number,
  itemId: number,
): number {
  return view.routes
    .filter((r) => r.warehouseId === warehouseId)
    .flatMap((r) => r.stops.flatMap((s) => s.deliveries))
    .filter((d) => d.itemId === itemId)
    .reduce((sum, d) => sum + d.quantity, 0);
}
