import { describe, expect, it } from "vitest";
import { openDatabase } from "../client";
import { refreshStatistics } from "../statistics";

describe("planner statistics", () => {
  it("are gathered at open and follow a table that grows tenfold", () => {
    const database = openDatabase(":memory:");
    const { sqlite } = database;
    sqlite.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER); CREATE INDEX t_a ON t (a)");
    const insert = sqlite.prepare("INSERT INTO t (a) VALUES (?)");
    const grow = (n: number) =>
      sqlite.transaction(() => Array.from({ length: n }, (_, i) => insert.run(i % 10)))();
    const rows = () =>
      (
        sqlite.prepare("SELECT stat FROM sqlite_stat1 WHERE idx = 't_a'").get() as { stat: string }
      ).stat.split(" ")[0];
    grow(1000);
    refreshStatistics(sqlite, "open");
    expect(rows()).toBe("1000");
    grow(2000);
    sqlite.prepare("SELECT * FROM t WHERE a = 3").all();
    refreshStatistics(sqlite, "periodic");
    expect(rows()).toBe("1000");
    grow(12000);
    sqlite.prepare("SELECT * FROM t WHERE a = 3").all();
    refreshStatistics(sqlite, "periodic");
    expect(rows()).toBe("15000");
    database.close();
  });
});
