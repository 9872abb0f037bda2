import { createTestDatabase, type ReliefDatabase } from "@relief/db/testing";
import { receiveStock } from "../../stock/receive";
import { contextFor } from "../../testing";

/**
 * A two-township district where the right move is obvious: all 300 tents sit in the west store, the east store
 * has a truck and room but no tents, and the east's flood (300 people relocated) closes the only road between
 * the two sides. Tents are the only quota (1 per 3 persons).
 */
export function obviousCase(): ReliefDatabase {
  const database = createTestDatabase();
  const at = "2026-01-01T00:00:00.000Z";
  database.sqlite.exec(`
    INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at)
      VALUES (1, 'admin', 'admin', 'admin', '-', '${at}', '${at}');
    INSERT INTO areas (id, parent_id, level, kind, name, population, population_year, population_basis, updated_at)
      VALUES (1, NULL, 'district', 'district', '测试区', 2000, 2025, 'census', '${at}'),
             (2, 1, 'township', 'town', '西镇', 1000, 2025, 'census', '${at}'),
             (3, 1, 'township', 'town', '东镇', 1000, 2025, 'census', '${at}');
    INSERT INTO item_categories (id, code, name, name_en) VALUES (1, 'tent', '帐篷', 'Tent');
    INSERT INTO items (id, code, name, category_id, base_unit, kg_per_unit, m3_per_unit, created_at, updated_at)
      VALUES (1, 'ZP', '帐篷', 1, '顶', 20, 0.1, '${at}', '${at}');
    INSERT INTO quotas (category_id, measure, unit_label, quantity, per_persons, basis, required, estimate, source,
                        effective_from, recorded_at)
      VALUES (1, 'unit', '顶', 1, 3, 'person', 1, 1, '', '${at}', '${at}');
    INSERT INTO warehouses (id, code, name, kind, organisation, area_id, capacity_m3, load_minutes, created_at, updated_at)
      VALUES (1, 'WEST', '西库', 'civil_affairs', '民政局', 2, 1000, 30, '${at}', '${at}'),
             (2, 'EAST', '东库', 'civil_affairs', '民政局', 3, 1000, 30, '${at}', '${at}');
    INSERT INTO vehicles (plate, type, payload_kg, volume_m3, home_warehouse_id, created_at, updated_at)
      VALUES ('渝A00001', 'light', 2000, 14, 1, '${at}', '${at}'), ('渝A00002', 'light', 2000, 14, 2, '${at}', '${at}');
    INSERT INTO road_nodes (id, code, name, kind, lat, lon, area_id, warehouse_id, created_at, updated_at)
      VALUES (1, 'T:西镇', '西镇', 'township', 29.5, 106.5, 2, NULL, '${at}', '${at}'),
             (2, 'T:东镇', '东镇', 'township', 29.5, 107.5, 3, NULL, '${at}', '${at}'),
             (3, 'W:WEST', '西库', 'warehouse', 29.5, 106.49, 2, 1, '${at}', '${at}'),
             (4, 'W:EAST', '东库', 'warehouse', 29.5, 107.51, 3, 2, '${at}', '${at}');
    INSERT INTO road_edges (id, code, name, from_node_id, to_node_id, road_class, km, km_basis, created_at, updated_at)
      VALUES (1, 'R1', '西库进场道路', 3, 1, 'county', 1, 'estimated', '${at}', '${at}'),
             (2, 'R2', '东西大道', 1, 2, 'county', 100, 'estimated', '${at}', '${at}'),
             (3, 'R3', '东库进场道路', 4, 2, 'county', 1, 'estimated', '${at}', '${at}');
    INSERT INTO risk_versions (area_id, hazard, relocated, weight, closed_road_ids, basis, effective_from, recorded_at)
      VALUES (3, 'flood', 300, 1, '[2]', '测试', '${at}', '${at}');
  `);
  receiveStock({
    ctx: contextFor(database),
    input: {
      warehouseId: 1,
      source: { kind: "purchase" },
      lines: [{ itemId: 1, lotCode: "ZP-T1", quantity: 300 }],
    },
  });
  return database;
}
