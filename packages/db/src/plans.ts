import type Database from "better-sqlite3";

/** One execution of a prepared statement: its SQL and the arguments it was run with. */
export interface ExecutedStatement {
  sql: string;
  params: unknown[];
}

const EXECUTING = new Set<PropertyKey>(["all", "get", "run", "iterate"]);

/**
 * Records every statement executed on the connection from now on, with its parameters. Drizzle's queries,
 * raw `db.all(sql…)` calls and statements prepared once per connection all pass through `prepare`, so
 * wrapping it (and the statements it returns, whose `raw()`/`pluck()` hand back the statement itself) sees
 * everything but `exec` — which the application uses only for migrations and scripts.
 */
export function recordStatements(sqlite: Database.Database): ExecutedStatement[] {
  const executed: ExecutedStatement[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  const watch = (statement: Database.Statement, source: string): Database.Statement => {
    const watched: Database.Statement = new Proxy(statement, {
      get(target, key) {
        const value = Reflect.get(target, key, target);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          if (EXECUTING.has(key)) executed.push({ sql: source, params: args });
          const result = value.apply(target, args);
          return result === target ? watched : result;
        };
      },
    });
    return watched;
  };
  sqlite.prepare = ((source: string) => watch(prepare(source), source)) as typeof sqlite.prepare;
  return executed;
}

interface Instruction {
  opcode: string;
  p1: number;
  p2: number;
  p3: number;
}

/** Opcodes that start walking a cursor from one end: a full scan of the table or index behind it. */
const FULL_WALKS = new Set(["Rewind", "Last", "Count"]);

/**
 * The tables among `tables` that the statement reads from end to end — a full scan of the table, of one of
 * its indexes (`SCAN … USING COVERING INDEX`), or to build an automatic index — found in its bytecode:
 * a cursor opened on one of the tables' B-trees and then rewound (or counted) rather than sought. The
 * bytecode names B-trees by root page, so aliases (`SCAN b`) and CTEs of the same name do not confuse it.
 */
export function fullScans(
  sqlite: Database.Database,
  statement: ExecutedStatement,
  tables: readonly string[],
): string[] {
  const roots = new Map(
    (
      sqlite
        .prepare(
          `SELECT rootpage, tbl_name AS name FROM sqlite_schema WHERE tbl_name IN (${tables.map(() => "?").join(", ")}) AND rootpage > 0`,
        )
        .all(...tables) as Array<{ rootpage: number; name: string }>
    ).map((r) => [r.rootpage, r.name]),
  );
  const program = sqlite.prepare(`EXPLAIN ${statement.sql}`).all(...statement.params) as Instruction[];
  const cursors = new Map<number, string>();
  const scanned = new Set<string>();
  for (const op of program) {
    if (op.opcode === "OpenRead" || op.opcode === "OpenWrite" || op.opcode === "ReopenIdx") {
      const table = op.p3 === 0 ? roots.get(op.p2) : undefined;
      if (table) cursors.set(op.p1, table);
      else cursors.delete(op.p1);
    } else if (FULL_WALKS.has(op.opcode)) {
      const table = cursors.get(op.p1);
      if (table) scanned.add(table);
    }
  }
  return [...scanned];
}

/** `EXPLAIN QUERY PLAN` of the statement as indented lines, for a reader. */
export function queryPlan(sqlite: Database.Database, statement: ExecutedStatement): string {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as Array<{
    id: number;
    parent: number;
    detail: string;
  }>;
  const depth = new Map<number, number>([[0, 0]]);
  return rows
    .map((row) => {
      const level = (depth.get(row.parent) ?? 0) + 1;
      depth.set(row.id, level);
      return `${"  ".repeat(level)}${row.detail}`;
    })
    .join("\n");
}
