import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS_FOLDER, migrateDatabase, openDatabase } from "@relief/db";

/**
 * The migrations of the previous release (commit 9d0334e: 0000_init … 0006_coverage) with the SHA-256 of
 * each file as released. They are still the first files of `drizzle/`; a changed checksum means a released
 * migration was edited, which a district's database (which ran the old text) would never see.
 */
const PREVIOUS_RELEASE: Array<[tag: string, sha256: string]> = [
  ["0000_init", "69d1443f142f9ace"],
  ["0001_audit_append_only", "94091391fb9a5358"],
  ["0002_reserves", "7b8485e3b19d2d73"],
  ["0003_ledger_storage", "8336dcbb94105f6d"],
  ["0004_enterprises", "d4a1a215faf131a0"],
  ["0005_agreements", "cd717777d85fb778"],
  ["0006_coverage", "2507c55c7a8a5da6"],
];

/** A migrations folder holding only the previous release's migrations, as drizzle's migrator reads one. */
export function previousReleaseMigrations(dir: string): string {
  const folder = path.join(dir, "drizzle-previous");
  mkdirSync(path.join(folder, "meta"), { recursive: true });
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as {
    entries: Array<{ tag: string }>;
  };
  const entries = journal.entries.slice(0, PREVIOUS_RELEASE.length);
  for (const [index, [tag, sha256]] of PREVIOUS_RELEASE.entries()) {
    if (entries[index]?.tag !== tag) throw new Error(`migration ${index} is no longer ${tag}`);
    const file = path.join(MIGRATIONS_FOLDER, `${tag}.sql`);
    const actual = createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 16);
    if (actual !== sha256) throw new Error(`released migration ${tag} was edited (sha256 ${actual})`);
    copyFileSync(file, path.join(folder, `${tag}.sql`));
  }
  writeFileSync(path.join(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  return folder;
}

/** Rows 1..n, for generating data in SQL. */
const upTo = (n: number) => `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n})`;
const AT = "'2025-06-01T08:00:00.000Z'";

/**
 * Data in every table of the previous release's schema, as a district would have it after a while: the
 * area register, catalog, warehouses, partner enterprises and agreements with their records, quotas,
 * shelters, snapshots, users with sessions and refused logins, the audit trail, and a ledger of receipts,
 * reservations, holds, transfers (one still in transit), a reversal and stocktakes, with the balance cache
 * summed from it. `receipts` documents of ten lines each set the ledger's size.
 */
function previousReleaseData(receipts: number): string {
  // Receipt d, line k: the key every other movement of d leans on, so no bucket ever goes negative.
  const warehouse = (d: string) => `(1 + ${d} % 20)`;
  const item = (d: string, k: string) => `(1 + (${d} * 10 + ${k}) % 60)`;
  const lot = (d: string, k: string) => `((${item(d, k)} - 1) * 10 + 1 + ${d} % 10)`;
  const ownership = (d: string) => `(CASE WHEN ${d} % 5 = 0 THEN 'donation' ELSE 'government' END)`;
  const key = (d: string, k: string) => `${warehouse(d)}, ${item(d, k)}, ${lot(d, k)}, ${ownership(d)}`;
  const quantity = (d: string, k: string) => `(50 + (${d} * 7 + ${k}) % 50)`;
  const line = (documentId: string, d: string, k: string, deltas: string) =>
    `INSERT INTO ledger_lines (document_id, warehouse_id, item_id, lot_id, ownership, on_hand_delta, reserved_delta, on_hold_delta, in_transit_delta)
     SELECT ${documentId}, ${key(d, k)}, ${deltas}`;
  return `
    INSERT INTO users (id, username, display_name, role, password_hash) VALUES
      (1, 'admin', '管理员', 'admin', 'x'), (2, 'minzheng', '民政', 'civil_affairs', 'x'),
      (3, 'shangwu', '商务', 'commerce', 'x'), (4, 'diaodu', '调度', 'dispatcher', 'x'), (5, 'lingdao', '领导', 'leader', 'x');
    INSERT INTO sessions VALUES ('s1', 1, ${AT}, '2099-01-01T00:00:00.000Z', '10.0.0.1', 'ua'), ('s2', 4, ${AT}, '2099-01-01T00:00:00.000Z', NULL, NULL);
    INSERT INTO login_failures (username, ip, at) VALUES ('admin', '10.0.0.9', ${AT}), ('nobody', NULL, ${AT});
    INSERT INTO areas (id, parent_id, level, kind, name, population, population_year, population_basis, household_size, sort_order, updated_at)
      VALUES (1, NULL, 'district', 'district', '巴南区', 1180000, 2024, 'census', 2.45, 0, ${AT});
    ${upTo(23)} INSERT INTO areas (id, parent_id, level, kind, name, population, population_year, population_basis, sort_order, updated_at)
      SELECT 1 + i, 1, 'township', CASE WHEN i % 2 THEN 'town' ELSE 'subdistrict' END, '镇街' || i, 40000 + i * 100, 2024, 'census', i, ${AT} FROM n;
    ${upTo(230)} INSERT INTO areas (parent_id, level, kind, name, population, population_year, population_basis, updated_at)
      SELECT 2 + i % 23, 'village', 'village', '村社' || i, 1000 + i, 2024, 'estimate', ${AT} FROM n;
    ${upTo(10)} INSERT INTO item_categories (id, code, name, name_en, sort_order) SELECT i, 'C' || i, '类' || i, 'Category ' || i, i FROM n;
    ${upTo(60)} INSERT INTO items (id, code, name, category_id, base_unit, kg_per_unit, m3_per_unit, shelf_life_months, created_at, updated_at)
      SELECT i, 'I' || i, '物资' || i, 1 + i % 10, '件', 1.5, 0.01, CASE WHEN i % 3 = 0 THEN 24 END, ${AT}, ${AT} FROM n;
    ${upTo(60)} INSERT INTO item_packs (item_id, name, base_quantity) SELECT i, '箱', 10 FROM n;
    ${upTo(10)} INSERT INTO enterprises (id, name, credit_code, kind, key_supplier, area_id, created_at, updated_at)
      SELECT i, '企业' || i, '91500113MA' || printf('%08d', i), 'manufacturer', i % 2, 2 + i, ${AT}, ${AT} FROM n;
    ${upTo(10)} INSERT INTO enterprise_contacts (enterprise_id, name, role, mobile) SELECT i, '联系人' || i, '经理', '1380000' || printf('%04d', i) FROM n;
    ${upTo(22)} INSERT INTO warehouses (id, code, name, kind, organisation, area_id, capacity_m3, created_at, updated_at, enterprise_id)
      SELECT i, 'W' || i, '仓库' || i, CASE WHEN i > 20 THEN 'enterprise' ELSE 'township_point' END, '民政局', 2 + i % 23, 500, ${AT}, ${AT},
             CASE WHEN i > 20 THEN i - 20 END FROM n;
    INSERT INTO user_warehouses VALUES (2, 1), (2, 2), (3, 21), (3, 22), (4, 1);
    INSERT INTO adjustment_reasons (id, code, name, direction, note_required) VALUES
      (1, 'found', '盘盈', 'increase', 0), (2, 'lost', '盘亏', 'decrease', 1), (3, 'stocktake', '盘点', 'both', 0);
    ${upTo(600)} INSERT INTO lots (id, item_id, lot_code, production_date, expiry_date, status, created_at, updated_at)
      SELECT i, 1 + (i - 1) / 10, 'L' || i, '2025-01-01', CASE WHEN i % 3 = 0 THEN '2027-01-01' END,
             CASE WHEN i % 50 = 0 THEN 'quarantined' ELSE 'available' END, ${AT}, ${AT} FROM n;

    ${upTo(receipts)} INSERT INTO stock_documents (id, number, type, warehouse_id, receipt_kind, posted_at, posted_by)
      SELECT i, 'RK-' || i, 'receipt', ${warehouse("i")}, 'purchase', ${AT}, 2 FROM n;
    ${upTo(receipts)}, k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 9)
      ${line("n.i", "n.i", "k.j", `${quantity("n.i", "k.j")}, 0, 0, 0 FROM n, k`)};
    -- Reservations, holds, transfers and a reversal, each on line 0 of its own receipt.
    ${upTo(300)} INSERT INTO stock_documents (id, number, type, warehouse_id, dispatch_ref, posted_at, posted_by)
      SELECT ${receipts} + i, 'YL-' || i, 'reserve', ${warehouse("i")}, 'DSP-' || i, ${AT}, 4 FROM n;
    ${upTo(300)} ${line(`${receipts} + i`, "i", "0", "0, 10, 0, 0 FROM n")};
    ${upTo(100)} INSERT INTO stock_documents (id, number, type, warehouse_id, posted_at) SELECT ${receipts} + 300 + i, 'DJ-' || i, 'hold', ${warehouse("(300 + i)")}, ${AT} FROM n;
    ${upTo(100)} ${line(`${receipts} + 300 + i`, "(300 + i)", "0", "0, 0, 5, 0 FROM n")};
    ${upTo(50)} INSERT INTO stock_documents (id, number, type, warehouse_id, counterpart_warehouse_id, posted_at)
      SELECT ${receipts} + 400 + i, 'DC-' || i, 'transfer_out', ${warehouse("(400 + i)")}, 1 + (400 + i + 1) % 20, ${AT} FROM n;
    ${upTo(50)} ${line(`${receipts} + 400 + i`, "(400 + i)", "0", "-5, 0, 0, 0 FROM n")};
    ${upTo(50)} INSERT INTO ledger_lines (document_id, warehouse_id, item_id, lot_id, ownership, in_transit_delta)
      SELECT ${receipts} + 400 + i, ${warehouse("(401 + i)")}, ${item("(400 + i)", "0")}, ${lot("(400 + i)", "0")}, ${ownership("(400 + i)")}, 5 FROM n;
    ${upTo(49)} INSERT INTO stock_documents (id, number, type, warehouse_id, counterpart_warehouse_id, related_document_id, posted_at)
      SELECT ${receipts} + 450 + i, 'DR-' || i, 'transfer_in', ${warehouse("(401 + i)")}, ${warehouse("(400 + i)")}, ${receipts} + 400 + i, ${AT} FROM n;
    ${upTo(49)} INSERT INTO ledger_lines (document_id, warehouse_id, item_id, lot_id, ownership, on_hand_delta, in_transit_delta)
      SELECT ${receipts} + 450 + i, ${warehouse("(401 + i)")}, ${item("(400 + i)", "0")}, ${lot("(400 + i)", "0")}, ${ownership("(400 + i)")}, 5, -5 FROM n;
    INSERT INTO stock_documents (id, number, type, warehouse_id, related_document_id, posted_at)
      VALUES (${receipts} + 500, 'CX-1', 'reversal', ${warehouse("500")}, 500, ${AT});
    ${line(`${receipts} + 500`, "500", "0", `-${quantity("500", "0")}, 0, 0, 0`)};
    INSERT INTO stock_documents (id, number, type, warehouse_id, adjustment_reason_id, posted_at)
      VALUES (${receipts} + 501, 'TZ-1', 'adjustment', ${warehouse("501")}, 1, ${AT});
    ${line(`${receipts} + 501`, "501", "1", "3, 0, 0, 0")};
    INSERT INTO balances (warehouse_id, item_id, lot_id, ownership, on_hand, reserved, on_hold, in_transit)
      SELECT warehouse_id, item_id, lot_id, ownership, SUM(on_hand_delta), SUM(reserved_delta), SUM(on_hold_delta), SUM(in_transit_delta)
      FROM ledger_lines GROUP BY warehouse_id, item_id, lot_id, ownership;
    ${upTo(20)} INSERT INTO document_sequences SELECT 'RK', '202506', i, ${receipts} / 20 + 1 FROM n;
    INSERT INTO stock_counts (id, number, warehouse_id, status, opened_at, opened_by, closed_at, closed_by, adjustment_document_id)
      VALUES (1, 'PD-1', ${warehouse("501")}, 'submitted', ${AT}, 2, ${AT}, 2, ${receipts} + 501), (2, 'PD-2', 2, 'open', ${AT}, 2, NULL, NULL, NULL);
    INSERT INTO stock_count_lines (count_id, item_id, lot_id, ownership, expected, counted, reason_id)
      SELECT 2, item_id, lot_id, ownership, on_hand, CASE WHEN lot_id % 2 THEN on_hand END, NULL FROM balances WHERE warehouse_id = 2;

    ${upTo(20)} INSERT INTO agreements (id, number, enterprise_id, kind, start_date, end_date, signed_on, created_at, updated_at)
      SELECT i, 'XY-' || i, 1 + i % 10, CASE WHEN i % 4 = 0 THEN 'transport' ELSE 'stock' END, '2025-01-01', '2027-12-31', '2025-01-01', ${AT}, ${AT} FROM n;
    ${upTo(40)} INSERT INTO agreement_lines (id, agreement_id, line_no, item_id, vehicle_type, quantity, response_hours, warehouse_id, unit_price_fen)
      SELECT i, 1 + (i - 1) / 2, 1 + (i - 1) % 2, CASE WHEN (1 + (i - 1) / 2) % 4 = 0 THEN NULL ELSE 1 + i END,
             CASE WHEN (1 + (i - 1) / 2) % 4 = 0 THEN 'medium' END, 1000, 24, 21 + i % 2, 500 FROM n;
    ${upTo(40)} INSERT INTO agreement_declarations (line_id, declared_on, quantity, recorded_by, recorded_at) SELECT i, '2025-06-01', 900, 3, ${AT} FROM n;
    ${upTo(40)} INSERT INTO agreement_verifications (line_id, inspected_on, quantity, inspector, recorded_by, recorded_at) SELECT i, '2025-06-02', 880, '检查员', 3, ${AT} FROM n;
    ${upTo(10)} INSERT INTO agreement_calloffs (number, line_id, quantity, requested_at, required_by, delivered_quantity, delivered_at, recorded_by, created_at, updated_at)
      SELECT 'DY-' || i, i, 100, ${AT}, '2025-06-02T08:00:00.000Z', CASE WHEN i % 2 THEN 100 END, CASE WHEN i % 2 THEN '2025-06-01T20:00:00.000Z' END, 3, ${AT}, ${AT} FROM n;
    ${upTo(5)} INSERT INTO credit_events (enterprise_id, occurred_on, kind, note, recorded_by, recorded_at) SELECT i, '2025-05-01', 'failed_delivery', '迟交', 3, ${AT} FROM n;
    ${upTo(10)} INSERT INTO quotas (category_id, measure, unit_label, quantity, season, effective_from, recorded_by, recorded_at) SELECT i, 'unit', '件', 1, CASE i % 4 WHEN 0 THEN 'winter' ELSE 'all' END, '2025-01-01', 1, ${AT} FROM n;
    ${upTo(20)} INSERT INTO shelters (name, area_id, type, capacity, created_at, updated_at) SELECT '避难场所' || i, 2 + i % 23, 'school', 500, ${AT}, ${AT} FROM n;
    ${upTo(3)} INSERT INTO coverage_snapshots (taken_at, day, trigger, target_ratio, population, target_people, people_covered, government_people_covered, shelter_capacity, summary)
      SELECT ${AT}, '2025-06-0' || i, 'daily', 0.1, 1180000, 118000, 90000, 80000, 10000, '{}' FROM n;
    ${upTo(5000)} INSERT INTO audit_log (at, user_id, username, action, target_type, target_ids, summary, ip)
      SELECT ${AT}, 1 + i % 5, 'admin', 'stock.receive', 'stock_document', '[' || i || ']', '{}', '10.0.0.1' FROM n;`;
}

/**
 * A database file as the previous release left it: its migrations applied by drizzle's migrator, then data
 * in every table.
 */
export function buildPreviousReleaseDatabase(dir: string, file: string, receipts = 2000): void {
  const database = openDatabase(file);
  try {
    migrateDatabase(database.db, previousReleaseMigrations(dir));
    database.sqlite.transaction(() => database.sqlite.exec(previousReleaseData(receipts)))();
  } finally {
    database.close();
  }
}
