import { createHash } from "node:crypto";
import { type DbOrTx, items, layoutPrices, warehouses } from "@relief/db";
import { RELIEF_DEADLINE_HOURS } from "@relief/domain";
import { buildScenarios, type LayoutProblem, type TownshipRegister } from "@relief/planner";
import { asc, eq, sql } from "drizzle-orm";
import { DEFAULT_HOUSEHOLD_SIZE } from "../coverage/inputs";
import { problemId } from "../dispatch/ids";
import { UNLOAD_MINUTES } from "../dispatch/problem";
import { plannerNetwork } from "../dispatch/problem-parts";
import { areaInfo } from "../incidents/areas";
import { defaultPackage } from "../incidents/package";
import { risksAt } from "../risks/register";
import { roadNetworkForPlanning } from "../roads/planning";
import { addDays, localDate } from "../time";
import { vehiclesForPlanning } from "../vehicles/planning";

/**
 * Lots expiring within this many days stay where they are: they rotate out there (the expiry list's default
 * "expiring soon" window), so advice never moves them.
 */
export const ROTATION_LEAD_DAYS = 90;

/** The layout problem read from the database, and what the caller needs to put its answer back into ids. */
export interface LayoutInputs {
  problem: LayoutProblem;
  /** Township names by problem area id ("A12"). */
  townships: Map<string, string>;
  /** Sha-256 of the problem: the same data gives the same fingerprint. */
  fingerprint: string;
}

/**
 * Builds the layout engine's problem from the database at `now`:
 * - warehouses with a road node: capacity m³ (none recorded: it receives nothing beyond what it holds), loading
 *   minutes; enterprise sites never receive advice (their stock is the enterprise's);
 * - usable stock per warehouse and item (available, unexpired lots, less reserved and held); the movable part
 *   leaves out lots expiring within ROTATION_LEAD_DAYS, agreement and borrowed stock, and enterprise sites;
 * - the government vehicles available now, pooled by home warehouse and size;
 * - today's roads (closed roads stay closed), and each scenario's closures from the risk register;
 * - need per person per item from the relief package an incident starting now would get (required quotas in
 *   season); a household line counts per person ÷ each township's household size (the area's own, else
 *   Chongqing's average), ÷ the district's overall size in the district-wide case;
 * - scenarios: every township × its registered hazards, and the district-wide 10 %;
 * - prices from the layout price list.
 */
export function readLayoutInputs(db: DbOrTx, now: string): LayoutInputs {
  const today = localDate(now);
  const network = roadNetworkForPlanning(db);
  const warehouseNode = new Map(
    network.nodes.filter((n) => n.warehouseId !== null).map((n) => [n.warehouseId as number, n.id]),
  );
  const sites = db
    .select({
      id: warehouses.id,
      kind: warehouses.kind,
      capacityM3: warehouses.capacityM3,
      loadMinutes: warehouses.loadMinutes,
    })
    .from(warehouses)
    .where(eq(warehouses.active, true))
    .orderBy(asc(warehouses.id))
    .all()
    .filter((w) => warehouseNode.has(w.id));
  const onRoads = new Set(sites.map((w) => w.id));

  const stock = db
    .all<{ warehouseId: number; itemId: number; usable: number; movable: number }>(sql`
      SELECT b.warehouse_id AS warehouseId, b.item_id AS itemId,
             SUM(b.on_hand - b.reserved - b.on_hold) AS usable,
             SUM(CASE WHEN w.kind = 'enterprise' OR b.ownership IN ('agreement', 'loan')
                        OR (l.expiry_date IS NOT NULL AND l.expiry_date < ${addDays(today, ROTATION_LEAD_DAYS)})
                      THEN 0 ELSE b.on_hand - b.reserved - b.on_hold END) AS movable
      FROM balances b JOIN lots l ON l.id = b.lot_id JOIN warehouses w ON w.id = b.warehouse_id
      WHERE b.on_hand - b.reserved - b.on_hold > 0 AND l.status = 'available'
        AND (l.expiry_date IS NULL OR l.expiry_date >= ${today}) AND w.active = 1
      GROUP BY b.warehouse_id, b.item_id
      ORDER BY b.warehouse_id, b.item_id`)
    .filter((s) => onRoads.has(s.warehouseId));

  const needPerPerson: Record<string, number> = {};
  const needPerHousehold: Record<string, number> = {};
  for (const line of defaultPackage(db, now, now)) {
    const item = problemId.item(line.itemId);
    if (line.basis === "household") needPerHousehold[item] = line.quantity * (line.days ?? 1);
    else needPerPerson[item] = (line.quantity / line.perPersons) * (line.days ?? 1);
  }

  const used = new Set([
    ...stock.map((s) => s.itemId),
    ...[...Object.keys(needPerPerson), ...Object.keys(needPerHousehold)].map((k) => Number(k.slice(1))),
  ]);
  const price = new Map(
    db
      .select({ itemId: layoutPrices.itemId, priceYuan: layoutPrices.priceYuan })
      .from(layoutPrices)
      .all()
      .map((p) => [p.itemId, p.priceYuan]),
  );
  const itemRows = db
    .select({ id: items.id, kg: items.kgPerUnit, m3: items.m3PerUnit })
    .from(items)
    .orderBy(asc(items.id))
    .all()
    .filter((i) => used.has(i.id));

  const fleet = new Map<string, NonNullable<LayoutProblem["fleet"]>[number]>();
  for (const v of vehiclesForPlanning(db)) {
    if (!onRoads.has(v.homeWarehouseId)) continue;
    const key = `${v.homeWarehouseId}|${v.payloadKg}|${v.volumeM3}`;
    const pooled = fleet.get(key);
    if (pooled) pooled.count += 1;
    else
      fleet.set(key, {
        warehouseId: problemId.warehouse(v.homeWarehouseId),
        count: 1,
        capacityKg: v.payloadKg,
        capacityM3: v.volumeM3,
      });
  }

  const edgeEnds = new Map(network.edges.map((e) => [e.id, e]));
  const seat = new Map(
    network.nodes.filter((n) => n.seat && n.areaId !== null).map((n) => [n.areaId as number, n.id]),
  );
  const risks = risksAt(db, now);
  const townships = new Map<string, string>();
  const townshipRows = db.all<{ id: number; name: string; population: number }>(sql`
    SELECT id, name, population FROM areas WHERE level = 'township' ORDER BY sort_order, id`);
  const households = areaInfo(
    db,
    townshipRows.map((t) => t.id),
  );
  const registers: TownshipRegister[] = townshipRows.flatMap((t) => {
    const node = seat.get(t.id);
    if (node === undefined) return [];
    townships.set(problemId.area(t.id), t.name);
    return [
      {
        areaId: problemId.area(t.id),
        node: problemId.node(node),
        population: t.population,
        householdSize: households.get(t.id)?.householdSize ?? DEFAULT_HOUSEHOLD_SIZE,
        risks: risks
          .filter((r) => r.areaId === t.id)
          .map((r) => ({
            hazard: r.hazard,
            ...(r.relocated !== null
              ? { relocated: r.relocated }
              : { shareOfResidents: r.shareOfResidents ?? 0 }),
            weight: r.weight,
            closedRoads: r.closedRoads.flatMap((road) => {
              const e = edgeEnds.get(road.id);
              return e ? [{ from: problemId.node(e.from), to: problemId.node(e.to) }] : [];
            }),
          })),
      },
    ];
  });

  const problem: LayoutProblem = {
    deadlineMinutes: RELIEF_DEADLINE_HOURS * 60,
    serviceMinutes: UNLOAD_MINUTES,
    warehouses: sites.map((w) => ({
      id: problemId.warehouse(w.id),
      node: problemId.node(warehouseNode.get(w.id) as number),
      capacityM3: w.capacityM3 ?? 0,
      loadMinutes: w.loadMinutes,
      ...(w.kind === "enterprise" ? { receives: false } : {}),
    })),
    items: itemRows.map((i) => {
      const yuan = price.get(i.id);
      return { id: problemId.item(i.id), kg: i.kg, m3: i.m3, ...(yuan ? { priceYuan: yuan } : {}) };
    }),
    stock: stock.map((s) => ({
      warehouseId: problemId.warehouse(s.warehouseId),
      itemId: problemId.item(s.itemId),
      quantity: s.usable,
      movable: s.movable,
    })),
    fleet: [...fleet.values()],
    network: plannerNetwork(network, network.edges),
    scenarios: buildScenarios(registers, { needPerPerson, needPerHousehold }),
  };
  return {
    problem,
    townships,
    fingerprint: createHash("sha256").update(JSON.stringify(problem)).digest("hex"),
  };
}
