import type { ReliefDatabase } from "@relief/db";

/**
 * `sqlite_stat1` rows describing a Banan database after four years (issue 11: 1.23 M ledger lines, 53,293
 * documents, 15,930 lots, 609 items, 82 warehouses, 3,001 villages, 509 agreements, 70 k audit rows; about
 * 350,000 balance keys), so the planner chooses on a small test database as it would on the real one. The
 * SQLite documentation describes exactly this use: statistics written by hand, then loaded with
 * `ANALYZE sqlite_schema`. Each entry is the row count, then the average rows sharing a value of the index's
 * first column, first two columns, and so on.
 */
const FOUR_YEARS: Record<string, Record<string, string>> = {
  ledger_lines: {
    // ~23 lines per document (document rows of a transfer are counted on both sides).
    ledger_lines_document_idx: "1230000 23",
    // 609 items; an item sits in about 40 of the 82 warehouses.
    ledger_lines_item_idx: "1230000 2020 50",
  },
  balances: {
    // WITHOUT ROWID: the primary key is the table. Per warehouse, per warehouse × item (~25,000 pairs),
    // per lot (one or two ownerships each).
    balances: "350000 4268 14 2 1",
    // ~575 keys per item, ~22 per lot (a lot spread over warehouses and ownerships).
    balances_item_idx: "350000 575",
    balances_lot_idx: "350000 22",
  },
  lots: {
    lots_item_code_idx: "15930 26 1",
    lots_expiry_idx: "15930 4",
  },
  stock_documents: {
    stock_documents_number_unique: "53293 1",
    stock_documents_warehouse_idx: "53293 650 1",
    stock_documents_type_idx: "53293 5329",
    stock_documents_dispatch_idx: "53293 10",
    stock_documents_related_idx: "53293 2",
    stock_documents_one_follower_idx: "6000 1 1",
  },
  items: {
    items_code_unique: "609 1",
    items_category_idx: "609 61",
  },
  warehouses: {
    warehouses_area_idx: "82 3",
  },
  areas: {
    areas_level_idx: "3025 1008",
    areas_parent_name_idx: "3025 130 1",
  },
  audit_log: {
    audit_log_at_idx: "70000 1",
    audit_log_user_idx: "70000 7000",
    audit_log_action_idx: "70000 700",
  },
  agreements: {
    agreements_enterprise_idx: "509 5",
  },
  agreement_lines: {
    agreement_lines_line_idx: "2500 5 1",
    agreement_lines_item_idx: "2500 4",
  },
  agreement_declarations: {
    agreement_declarations_line_idx: "24000 10 1",
  },
  agreement_verifications: {
    agreement_verifications_line_idx: "12000 5 1",
  },
  agreement_calloffs: {
    agreement_calloffs_line_idx: "4000 2",
  },
  enterprises: {
    enterprises_area_idx: "110 5",
  },
  coverage_snapshots: {
    coverage_snapshots_day_idx: "1460 1",
  },
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
