import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { fullScans, queryPlan, recordStatements } from "../plans";

function ledger() {
  const sqlite = new Database(":memory:");
  sqlite.exec(`
    CREATE TABLE lines (id INTEGER PRIMARY KEY, item INTEGER, store INTEGER, qty INTEGER);
    CREATE INDEX lines_item ON lines (item, store);
    CREATE TABLE stock (store INTEGER, item INTEGER, qty INTEGER, PRIMARY KEY (store, item)) WITHOUT ROWID;
    ANALYZE;
    INSERT INTO sqlite_stat1 VALUES ('lines', 'lines_item', '1000000 2000 50'), ('stock', 'stock', '300000 4000 1');
    ANALYZE sqlite_schema;`);
  return sqlite;
}

const scans = (sqlite: Database.Database, sql: string, ...params: unknown[]) =>
  fullScans(sqlite, { sql, params }, ["lines", "stock"]);

describe("full scans found in the bytecode", () => {
  it("flags a table read end to end, under an alias or through a covering index", () => {
    const sqlite = ledger();
    expect(scans(sqlite, "SELECT * FROM lines l WHERE l.qty > 0")).toEqual(["lines"]);
    expect(scans(sqlite, "SELECT item, COUNT(*) FROM lines GROUP BY item")).toEqual(["lines"]);
    expect(scans(sqlite, "SELECT COUNT(*) FROM stock")).toEqual(["stock"]);
    expect(scans(sqlite, "SELECT * FROM stock b WHERE b.qty > ?", 7)).toEqual(["stock"]);
  });

  it("passes reads led by an index, and other tables under a scanned table's alias", () => {
    const sqlite = ledger();
    expect(scans(sqlite, "SELECT * FROM lines WHERE item = ? AND store = ?", 1, 2)).toEqual([]);
    expect(scans(sqlite, "SELECT * FROM stock b WHERE b.store = ?", 3)).toEqual([]);
    // A skip-scan: one probe per store, each led by the item.
    const skip = { sql: "SELECT * FROM stock b WHERE b.item = ?", params: [7] };
    expect(queryPlan(sqlite, skip)).toContain("ANY(store) AND item=?");
    expect(fullScans(sqlite, skip, ["stock"])).toEqual([]);
  });

  it("flags a skip-scan repeated for every row of a full scan: every row of the table, one probe at a time", () => {
    const sqlite = ledger();
    sqlite.exec(`CREATE TABLE stores (id INTEGER PRIMARY KEY, name TEXT);
      INSERT INTO sqlite_stat1 VALUES ('stores', NULL, '80');
      ANALYZE sqlite_schema;`);
    const everyStore = {
      sql: "SELECT s.name, SUM(l.qty) FROM stores s CROSS JOIN lines l ON l.store = s.id GROUP BY s.id",
      params: [],
    };
    expect(queryPlan(sqlite, everyStore)).toContain("ANY(item) AND store=?");
    expect(fullScans(sqlite, everyStore, ["lines", "stock"])).toEqual(["lines"]);
    expect(
      scans(
        sqlite,
        "WITH stock AS (SELECT 1 AS store) SELECT * FROM stock s JOIN lines l ON l.item = 5 AND l.store = s.store",
      ),
    ).toEqual([]);
  });

  it("records every statement a connection runs, with its parameters, and explains it", () => {
    const sqlite = ledger();
    const executed = recordStatements(sqlite);
    sqlite.prepare("SELECT qty FROM lines WHERE item = ? AND store = ?").pluck().get(1, 2);
    sqlite.prepare("SELECT * FROM stock WHERE store = ?").raw().all(3);
    expect(executed).toEqual([
      { sql: "SELECT qty FROM lines WHERE item = ? AND store = ?", params: [1, 2] },
      { sql: "SELECT * FROM stock WHERE store = ?", params: [3] },
    ]);
    expect(queryPlan(sqlite, executed[1] as (typeof executed)[number])).toContain(
      "SEARCH stock USING PRIMARY KEY (store=?)",
    );
  });
});
