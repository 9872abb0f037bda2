import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;
/** A transaction handle; actions accept either, so one can join a caller's transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface ReliefDatabase {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

/**
 * Opens the SQLite file, `:memory:`, or an in-memory copy of a serialized database image, with the pragmas the application relies on:
 * WAL so readers never block the writer, foreign keys enforced, and a busy timeout so a
 * second process (the CLI's backup, say) waits instead of failing.
 */
export function openDatabase(source: string | Buffer): ReliefDatabase {
  const sqlite = new Database(source);
  if (typeof source === "string" && source !== ":memory:") sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // FULL: in WAL mode, NORMAL may roll back the last transactions after a power cut even though they were
  // acknowledged; FULL syncs the WAL at every commit, so a receipt the user saw posted stays posted.
  sqlite.pragma("synchronous = FULL");
  // 64 MB of page cache: the ledger's indexes stay in memory as they grow.
  sqlite.pragma("cache_size = -64000");
  // Checkpoint the WAL every ~40 MB instead of every 4 MB: a page rewritten by many commits (the balance
  // cache, the ledger's item index) is copied into the database file once per checkpoint, not once per few.
  sqlite.pragma("wal_autocheckpoint = 10000");
  return wrap(sqlite);
}

function wrap(sqlite: Database.Database): ReliefDatabase {
  return {
    db: drizzle(sqlite, { schema }),
    sqlite,
    close() {
      if (sqlite.open) sqlite.close();
    },
  };
}

/**
 * A read-only connection to a database file the server's connection writes, for long reads in worker
 * threads: in WAL mode it reads a committed state without blocking the writer or being blocked by it.
 */
export function openReadOnlyDatabase(file: string): ReliefDatabase {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("cache_size = -64000");
  return wrap(sqlite);
}
