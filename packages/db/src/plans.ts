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
  addr: number;
  opcode: string;
  p1: number;
  p2: number;
  p3: number;
}

/** Opcodes that start walking a cursor from one end: a full scan of the table or index behind it. */
const WALKS = new Set(["Rewind", "Last"]);
/** Opcodes that position a cursor by key: a search. */
const SEEKS = new Set(["SeekGE", "SeekGT", "SeekLE", "SeekLT"]);
/** The end of each pass of a loop over a cursor. */
const STEPS = new Set(["Next", "Prev"]);

interface Loop {
  cursor: number;
  from: number;
  to: number;
  walk: boolean;
  /** A walk that then seeks past each value of the index's first column: a skip-scan. */
  skip: boolean;
}

/**
 * The tables among `tables` that the statement reads from end to end, found in its bytecode: a cursor on
 * one of their B-trees (the table or an index: `SCAN … USING COVERING INDEX`, an automatic index's build)
 * that is rewound or counted rather than sought. A skip-scan (`SEARCH … (ANY(warehouse_id) AND item_id=?)`:
 * one probe per value of the index's first column, a few dozen warehouses) passes, unless it runs directly
 * inside a full scan of another table, once per row of it — all warehouses × every item's lines is the whole
 * ledger. The bytecode names B-trees by root page, so aliases (`SCAN b`) and CTEs of the same name do not
 * confuse it.
 */
export function fullScans(
  sqlite: Database.Database,
  statement: ExecutedStatement,
  tables: readonly string[],
): string[] {
  const roots = new Map(
    (
      sqlite
        .prepare("SELECT rootpage, tbl_name AS name FROM sqlite_schema WHERE rootpage > 0")
        .all() as Array<{
        rootpage: number;
        name: string;
      }>
    ).map((r) => [r.rootpage, r.name]),
  );
  const program = sqlite.prepare(`EXPLAIN ${statement.sql}`).all(...statement.params) as Instruction[];
  const cursors = new Map<number, string>();
  const counted = new Set<number>();
  const loops = new Map<number, Loop>();
  for (const op of program) {
    if (op.opcode === "OpenRead" || op.opcode === "OpenWrite" || op.opcode === "ReopenIdx") {
      const table = op.p3 === 0 ? roots.get(op.p2) : undefined;
      if (table) cursors.set(op.p1, table);
      else cursors.delete(op.p1);
      continue;
    }
    if (!cursors.has(op.p1)) continue;
    const loop = loops.get(op.p1);
    if (op.opcode === "Count") counted.add(op.p1);
    else if (!loop && (WALKS.has(op.opcode) || SEEKS.has(op.opcode))) {
      const walk = WALKS.has(op.opcode);
      loops.set(op.p1, { cursor: op.p1, from: op.addr, to: op.addr, walk, skip: false });
    } else if (loop?.walk && (op.opcode === "SeekGT" || op.opcode === "SeekLT")) loop.skip = true;
    else if (loop && STEPS.has(op.opcode)) loop.to = op.addr;
  }
  const enclosing = (inner: Loop) =>
    [...loops.values()]
      .filter((o) => o.cursor !== inner.cursor && o.from < inner.from && inner.from < o.to)
      .sort((a, b) => b.from - a.from)[0];
  const scanned = [...loops.values()]
    .filter((loop) => loop.walk && (!loop.skip || isFullWalk(enclosing(loop))))
    .map((loop) => loop.cursor);
  return [
    ...new Set(
      [...scanned, ...counted].map((c) => cursors.get(c) as string).filter((t) => tables.includes(t)),
    ),
  ];
}

function isFullWalk(loop: Loop | undefined): boolean {
  return loop?.walk === true && !loop.skip;
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
