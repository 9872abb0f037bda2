import { describe, expect, it } from "vitest";
import { prepareDatabase } from "../database";

describe("database at start", () => {
  it("gives the planner statistics of every stock table, the seeded demo included", async () => {
    const { database, seeded } = await prepareDatabase(":memory:", "banan");
    try {
      expect(seeded).toBe(true);
      const analyzed = database.sqlite.prepare("SELECT idx, stat FROM sqlite_stat1").all() as Array<{
        idx: string;
        stat: string;
      }>;
      const rows = (table: string) =>
        (database.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      const stat = (idx: string) => analyzed.find((r) => r.idx === idx)?.stat.split(" ")[0];
      expect(stat("ledger_lines_item_idx")).toBe(String(rows("ledger_lines")));
      expect(stat("balances")).toBe(String(rows("balances")));
      expect(stat("lots_item_code_idx")).toBe(String(rows("lots")));
      expect(stat("stock_documents_warehouse_idx")).toBe(String(rows("stock_documents")));
    } finally {
      database.close();
    }
  });
});
