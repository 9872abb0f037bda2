import type Database from "better-sqlite3";
import type { DbOrTx } from "./client";

/**
 * The better-sqlite3 connection behind a drizzle handle or transaction. Hot paths (the stock ledger) use
 * prepared statements on it directly; drizzle builds a query per call, which costs more than the write.
 * A transaction shares its database's session, so statements run on the raw connection join the transaction.
 */
export function rawClient(db: DbOrTx): Database.Database {
  const client = (db as unknown as { session?: { client?: Database.Database } }).session?.client;
  if (!client) throw new Error("not a better-sqlite3 drizzle handle");
  return client;
}

const caches = new WeakMap<Database.Database, Map<string, unknown>>();

/** Statements prepared once per connection and reused, keyed by a name of the caller's choosing. */
export function preparedOnce<T>(db: DbOrTx, key: string, prepare: (client: Database.Database) => T): T {
  const client = rawClient(db);
  let cache = caches.get(client);
  if (!cache) {
    cache = new Map();
    caches.set(client, cache);
  }
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = prepare(client);
    cache.set(key, value);
  }
  return value;
}
