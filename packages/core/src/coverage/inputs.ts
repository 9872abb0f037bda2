import { type DbOrTx, dispatchOrders, incidents } from "@relief/db";
import { eq, inArray, sql } from "drizzle-orm";
import { agreementViews } from "../agreements/list";
import { localDate } from "../time";
import type { CategoryStock, CoverageQuota, ReservedStock } from "./compute";

/** Household size assumed where the register has none: Chongqing's average (7th census). */
export const DEFAULT_HOUSEHOLD_SIZE = 2.45;

export interface PopulationArea {
  id: number;
  name: string;
  population: number;
  householdSize: number;
}

export interface PopulationInputs {
  population: number;
  /** population ÷ Σ(township population ÷ township household size). */
  householdSize: number;
  townships: PopulationArea[];
}

export function populationInputs(db: DbOrTx): PopulationInputs {
  const rows = db.all<{
    id: number;
    level: string;
    name: string;
    population: number | null;
    householdSize: number | null;
  }>(sql`
    SELECT id, level, name, population, household_size AS householdSize FROM areas
    WHERE level IN ('district', 'township') ORDER BY sort_order, id`);
  const townships = rows
    .filter((r) => r.level === "township")
    .map((r) => ({
      id: r.id,
      name: r.name,
      population: r.population ?? 0,
      householdSize: r.householdSize ?? DEFAULT_HOUSEHOLD_SIZE,
    }));
  const townshipTotal = townships.reduce((sum, t) => sum + t.population, 0);
  const population = rows.find((r) => r.level === "district")?.population ?? townshipTotal;
  const households = townships.reduce((sum, t) => sum + t.population / t.householdSize, 0);
  return {
    population,
    householdSize: households > 0 ? townshipTotal / households : DEFAULT_HOUSEHOLD_SIZE,
    townships,
  };
}

/** Usable stock and agreement reserves per area (or district-wide) and category, in each quota's measure. */
export interface StockInputs {
  /** Keyed by area id; the district-wide totals under key 0. */
  byArea: Map<number, Map<number, CategoryStock>>;
}

interface CategoryRow {
  id: number;
  code: string;
  name: string;
  nameEn: string;
}

interface ItemRow {
  id: number;
  categoryId: number;
  kgPerUnit: number;
  m3PerUnit: number;
}

/**
 * Reads everything coverage counts, as of `now`:
 * - usable ledger stock (available = on hand − reserved − on hold, in lots neither expired nor held back)
 *   in every warehouse except enterprise sites, by the warehouse's township and the stock's ownership;
 * - agreement stock of agreements in force, at enterprise sites: the latest verified and the latest declared
 *   figure of each line, each at most the committed quantity;
 * - production capacity per day of agreements in force;
 * - stock reserved for dispatches in those same warehouses and usable lots, by dispatch reference: not counted
 *   (it is leaving), but named beside the figure so a drop after a reservation is explained.
 * Quantities are converted to each category's quota measure (base units, or kg).
 */
export function stockInputs(
  db: DbOrTx,
  quotas: CoverageQuota[],
  now: string,
  areaIds: number[] = [],
): StockInputs {
  const today = localDate(now);
  const measure = new Map(quotas.map((q) => [q.categoryId, q.measure]));
  const categories = new Map(
    db
      .all<CategoryRow>(sql`SELECT id, code, name, name_en AS nameEn FROM item_categories`)
      .map((c) => [c.id, c]),
  );
  const items = new Map(
    db
      .all<ItemRow>(
        sql`SELECT id, category_id AS categoryId, kg_per_unit AS kgPerUnit, m3_per_unit AS m3PerUnit FROM items`,
      )
      .map((i) => [i.id, i]),
  );
  const inMeasure = (item: ItemRow, units: number) =>
    measure.get(item.categoryId) === "kg" ? units * item.kgPerUnit : units;

  const byArea = new Map<number, Map<number, CategoryStock>>();
  const unitsByItem = new Map<number, number>();
  const entry = (areaId: number, categoryId: number): CategoryStock | null => {
    const category = categories.get(categoryId);
    if (!category || !measure.has(categoryId)) return null;
    let area = byArea.get(areaId);
    if (!area) {
      area = new Map();
      byArea.set(areaId, area);
    }
    let stock = area.get(categoryId);
    if (!stock) {
      stock = {
        categoryId,
        code: category.code,
        name: category.name,
        nameEn: category.nameEn,
        government: 0,
        agreementVerified: 0,
        agreementDeclared: 0,
        capacityPerDay: 0,
        flaggedEnterprises: [],
        reserved: [],
        onLoan: 0,
        kgPerMeasure: 0,
        m3PerMeasure: 0,
      };
      area.set(categoryId, stock);
    }
    return stock;
  };
  const add = (areaId: number, categoryId: number, apply: (s: CategoryStock) => void) => {
    for (const key of [0, areaId]) {
      const stock = entry(key, categoryId);
      if (stock) apply(stock);
    }
  };

  // One pass over the balance cache in key order (grouped by warehouse × item without a sort). A bucket counts
  // unless its lot is among the unusable ones, gathered once from the lot register (a Bloom filter answers
  // most buckets' IN test at once), tested only for buckets holding stock: most buckets of a district with
  // years of history are spent. Probing the balance key for each unusable lot in each warehouse instead grew
  // with the expired lots that pile up over the years (5,300 lots × 47 warehouses at four years). Every
  // warehouse × item keeps its row, so the sums below add up in the same order as ever.
  // Loan stock (mutual aid) is the lender's: summed apart in the same pass, never into the figure.
  const unusableLots = sql`SELECT id FROM lots
    WHERE status <> 'available' OR (expiry_date IS NOT NULL AND expiry_date < ${today})`;
  const usable = new Map<string, { areaId: number; itemId: number; available: number; onLoan: number }>();
  const key = (areaId: number, itemId: number) => `${areaId}:${itemId}`;
  for (const row of db.all<{ areaId: number; itemId: number; available: number; onLoan: number }>(sql`
    SELECT wh.area_id AS areaId, t.item_id AS itemId, t.available, t.onLoan
    FROM (SELECT warehouse_id, item_id,
                 SUM(CASE WHEN ownership = 'loan' THEN 0 WHEN on_hand > 0 AND lot_id IN (${unusableLots})
                          THEN 0 ELSE on_hand - reserved - on_hold END) AS available,
                 SUM(CASE WHEN ownership <> 'loan' THEN 0 WHEN on_hand > 0 AND lot_id IN (${unusableLots})
                          THEN 0 ELSE on_hand - reserved - on_hold END) AS onLoan
          FROM balances GROUP BY warehouse_id, item_id) t
    JOIN warehouses wh ON wh.id = t.warehouse_id
    WHERE wh.kind <> 'enterprise'`)) {
    const entry = usable.get(key(row.areaId, row.itemId));
    if (entry) {
      entry.available += row.available;
      entry.onLoan += row.onLoan;
    } else usable.set(key(row.areaId, row.itemId), { ...row });
  }
  for (const row of usable.values()) {
    const item = items.get(row.itemId);
    if (!item) continue;
    unitsByItem.set(item.id, (unitsByItem.get(item.id) ?? 0) + row.available);
    add(row.areaId, item.categoryId, (s) => {
      s.government += inMeasure(item, row.available);
      s.onLoan += inMeasure(item, row.onLoan);
    });
  }

  const reservedRows = reservedRefs(db, today);
  const incidentOf = reservedIncidents(db, reservedRows);
  for (const row of reservedRows) {
    const item = items.get(row.itemId);
    if (!item) continue;
    add(row.areaId, item.categoryId, (s) => {
      const quantity = inMeasure(item, row.reserved);
      const entry = s.reserved.find((r) => r.dispatchRef === row.dispatchRef);
      if (entry) entry.quantity += quantity;
      else
        s.reserved.push({
          dispatchRef: row.dispatchRef,
          incident: incidentOf.get(row.dispatchRef) ?? null,
          quantity,
        });
    });
  }

  const warehouseArea = new Map(
    db
      .all<{ id: number; areaId: number }>(sql`SELECT id, area_id AS areaId FROM warehouses`)
      .map((w) => [w.id, w.areaId]),
  );
  for (const agreement of agreementViews(db, {}, now)) {
    if (!agreement.inForce || agreement.kind === "transport") continue;
    const flagged = agreement.enterpriseFlagged;
    for (const line of agreement.lines) {
      const item = line.itemId === null ? undefined : items.get(line.itemId);
      if (!item) continue;
      const areaId = line.warehouseId === null ? -1 : (warehouseArea.get(line.warehouseId) ?? -1);
      add(areaId, item.categoryId, (s) => {
        if (agreement.kind === "production") {
          s.capacityPerDay += inMeasure(item, line.quantity);
          return;
        }
        const verified = Math.min(line.latestVerification?.quantity ?? 0, line.quantity);
        const declared = Math.min(line.latestDeclaration?.quantity ?? 0, line.quantity);
        s.agreementVerified += inMeasure(item, verified);
        s.agreementDeclared += inMeasure(item, declared);
        if (flagged && !s.flaggedEnterprises.includes(agreement.enterpriseName)) {
          s.flaggedEnterprises.push(agreement.enterpriseName);
        }
      });
    }
  }

  // Every category with a quota appears for the district and each area asked for, with zeros where nothing is held.
  for (const areaId of [0, ...areaIds]) for (const categoryId of measure.keys()) entry(areaId, categoryId);
  // kg and m³ per unit of measure, from each category's main item: the one with most usable stock.
  const mainItem = new Map<number, ItemRow>();
  for (const item of items.values()) {
    const current = mainItem.get(item.categoryId);
    if (!current || (unitsByItem.get(item.id) ?? 0) > (unitsByItem.get(current.id) ?? 0)) {
      mainItem.set(item.categoryId, item);
    }
  }
  for (const area of byArea.values()) {
    for (const stock of area.values()) {
      const item = mainItem.get(stock.categoryId);
      if (!item) continue;
      const kg = measure.get(stock.categoryId) === "kg";
      stock.kgPerMeasure = kg ? 1 : item.kgPerUnit;
      stock.m3PerMeasure = kg ? (item.kgPerUnit > 0 ? item.m3PerUnit / item.kgPerUnit : 0) : item.m3PerUnit;
    }
  }
  return { byArea };
}

interface ReservedRow {
  dispatchRef: string;
  areaId: number;
  itemId: number;
  reserved: number;
}

/**
 * Stock each dispatch still holds reserved in government warehouses, in lots that would otherwise count
 * (neither expired nor held back, nor on loan from a neighbour), per warehouse's township and item. The documents of dispatches lead, as in
 * the reservations list: a district has few of them against years of ledger lines.
 */
function reservedRefs(db: DbOrTx, today: string): ReservedRow[] {
  return db.all<ReservedRow>(sql`
    SELECT d.dispatch_ref AS dispatchRef, w.area_id AS areaId, ll.item_id AS itemId,
           SUM(ll.reserved_delta) AS reserved
    FROM stock_documents d
    CROSS JOIN ledger_lines ll ON ll.document_id = d.id
    JOIN warehouses w ON w.id = ll.warehouse_id
    JOIN lots l ON l.id = ll.lot_id
    WHERE d.dispatch_ref IS NOT NULL AND w.kind <> 'enterprise' AND l.status = 'available'
      AND (l.expiry_date IS NULL OR l.expiry_date >= ${today}) AND ll.ownership <> 'loan'
    GROUP BY d.dispatch_ref, ll.warehouse_id, ll.item_id
    HAVING SUM(ll.reserved_delta) > 0
    ORDER BY d.dispatch_ref, ll.warehouse_id, ll.item_id`);
}

/** The incident each 调拨单 among the references serves (a reference typed by hand has none). */
function reservedIncidents(db: DbOrTx, rows: ReservedRow[]): Map<string, ReservedStock["incident"]> {
  const refs = [...new Set(rows.map((r) => r.dispatchRef))];
  if (refs.length === 0) return new Map();
  return new Map(
    db
      .select({
        ref: dispatchOrders.number,
        id: incidents.id,
        number: incidents.number,
        title: incidents.title,
      })
      .from(dispatchOrders)
      .innerJoin(incidents, eq(incidents.id, dispatchOrders.incidentId))
      .where(inArray(dispatchOrders.number, refs))
      .all()
      .map(({ ref, ...incident }) => [ref, incident]),
  );
}
