import type { ReliefDatabase } from "@relief/db";

/**
 * `sqlite_stat1` rows describing a Banan database after four years, so the planner chooses on a small test
 * database as it would on the real one. The SQLite documentation describes exactly this use: statistics
 * written by hand, then loaded with `ANALYZE sqlite_schema`. Each entry is the row count, then the average
 * rows sharing a value of the index's first column, first two columns, and so on. The figures are those
 * `PRAGMA optimize` gathered on the simulated district of `bench:years` at 1,460 days (1.35 M ledger lines,
 * 56,855 documents, 17,150 lots, 262,027 balances, 73,521 audit rows, 3,024 areas, 511 agreements).
 */
const FOUR_YEARS: Record<string, Record<string, string>> = {
  ledger_lines: {
    ledger_lines_document_idx: "1354570 24",
    ledger_lines_item_idx: "1354570 2225 48",
  },
  balances: {
    // WITHOUT ROWID: the primary key (warehouse, item, lot, ownership) is the table.
    balances: "262027 5576 10 2 1",
  },
  lots: {
    lots_item_code_idx: "17150 29 1",
    lots_expiry_idx: "17150 7",
  },
  stock_documents: {
    stock_documents_number_unique: "56855 1",
    stock_documents_warehouse_idx: "56855 1210 1",
    stock_documents_type_idx: "56855 5686",
    stock_documents_dispatch_idx: "56855 27",
    stock_documents_related_idx: "56855 11",
    stock_documents_one_follower_idx: "5512 1 1",
  },
  items: {
    items_code_unique: "609 1",
    items_category_idx: "609 61",
  },
  areas: {
    areas_level_idx: "3024 1008",
    areas_parent_name_idx: "3024 121 1",
  },
  audit_log: {
    audit_log_at_idx: "73521 1",
    audit_log_user_idx: "73521 36761",
    audit_log_action_idx: "73521 2626",
  },
  warehouses: { warehouses_area_idx: "82 4", warehouses_code_unique: "82 1" },
  enterprises: { enterprises_area_idx: "38 2" },
  agreements: { agreements_enterprise_idx: "511 14" },
  agreement_lines: { agreement_lines_line_idx: "1337 3 1", agreement_lines_item_idx: "1337 7" },
  agreement_declarations: { agreement_declarations_line_idx: "6957 10 1" },
  agreement_verifications: { agreement_verifications_line_idx: "2344 4 1" },
  agreement_calloffs: { agreement_calloffs_line_idx: "555 2" },
  coverage_snapshots: { coverage_snapshots_day_idx: "1461 1" },
};

/**
 * Analyzes the small demo database (every table gets statistics, as `PRAGMA optimize` gives a real one), then
 * overwrites the figures of the tables that grow with the years and makes the planner load them.
 */
export function describeFourYears(sqlite: ReliefDatabase["sqlite"]): void {
  sqlite.exec("ANALYZE");
  // An index of the table, or the table itself for a WITHOUT ROWID primary key.
  const exists = sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE tbl_name = ? AND name = ?");
  const clear = sqlite.prepare("DELETE FROM sqlite_stat1 WHERE tbl = ? AND idx = ?");
  const insert = sqlite.prepare("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)");
  for (const [table, indexes] of Object.entries(FOUR_YEARS)) {
    for (const [index, stat] of Object.entries(indexes)) {
      if (!exists.get(table, index)) throw new Error(`no index ${index} on ${table}`);
      clear.run(table, index);
      insert.run(table, index, stat);
    }
  }
  sqlite.exec("ANALYZE sqlite_schema");
}
