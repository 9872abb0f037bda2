import { type DbOrTx, itemCategories, items, warehouses } from "@relief/db";
import { RELIEF_DEADLINE_HOURS } from "@relief/domain";
import { eq } from "drizzle-orm";
import { isInSeason, peopleFor } from "../coverage/compute";
import { populationInputs } from "../coverage/inputs";
import { quotasAt } from "../coverage/quotas";
import { localDate } from "../time";
import { effectiveEdges, RoadGraph } from "./network";
import { NO_OPTIONS, usableStock } from "./problem";
import { PLANNING_SOURCES, type PlanningSources } from "./sources";

export interface TownshipReach {
  areaId: number;
  name: string;
  population: number;
  /** People the usable stock that can reach the township's seat within 10 hours could equip. */
  peopleWithinReach: number;
  bottleneckCategory: { categoryId: number; name: string } | null;
  /** The warehouses that reach the seat in time, fastest first, with their minutes (readiness, loading, driving). */
  warehouses: Array<{ warehouseId: number; minutes: number }>;
  /** False when the township's seat is not in the road network: nothing reaches it. */
  inNetwork: boolean;
}

/**
 * Coverage within reach, per township: the usable stock of every warehouse that can get a loaded truck to
 * the township's seat within 10 hours over today's roads — its response time (agreement stock at an
 * enterprise site), its loading time and the fastest drive, closed roads closed and slowed roads slow — and
 * the people it equips, counted as the coverage figure counts them: per required category (in season),
 * quantity ÷ the quota per person (per household with the township's household size), and the minimum over
 * the categories. Stock is usable as for planning (available to promise, lots not expired 10 hours from
 * now; agreement stock of agreements in force). Trucks are not counted: this is what could reach, not a plan.
 */
export function reachByTownship(
  db: DbOrTx,
  now: string,
  sources: Pick<PlanningSources, "roadNetwork"> = PLANNING_SOURCES,
): TownshipReach[] {
  const budget = RELIEF_DEADLINE_HOURS * 60;
  const network = sources.roadNetwork(db);
  const graph = new RoadGraph(effectiveEdges(network, NO_OPTIONS));
  const quotas = quotasAt(db, now).filter((q) => q.required && isInSeason(q.seasonMonths, localDate(now)));
  const categoryOf = new Map(
    db
      .select({ id: items.id, categoryId: items.categoryId, kg: items.kgPerUnit })
      .from(items)
      .all()
      .map((i) => [i.id, i]),
  );
  const categoryName = new Map(
    db
      .select({ id: itemCategories.id, name: itemCategories.name })
      .from(itemCategories)
      .all()
      .map((c) => [c.id, c.name]),
  );
  const deadlineAt = new Date(Date.parse(now) + budget * 60_000).toISOString();
  const stock = usableStock(db, new Set(categoryOf.keys()), now, deadlineAt);
  const warehouseRows = db
    .select({ id: warehouses.id, loadMinutes: warehouses.loadMinutes })
    .from(warehouses)
    .where(eq(warehouses.active, true))
    .all();
  const nodeOf = new Map(
    network.nodes.filter((n) => n.warehouseId !== null).map((n) => [n.warehouseId as number, n.id]),
  );
  const seatOf = new Map(
    network.nodes.filter((n) => n.seat && n.areaId !== null).map((n) => [n.areaId as number, n.id]),
  );
  const measure = new Map(quotas.map((q) => [q.categoryId, q.measure]));

  return populationInputs(db).townships.map((township) => {
    const seat = seatOf.get(township.id);
    const reaching =
      seat === undefined
        ? []
        : warehouseRows
            .flatMap((w) => {
              const node = nodeOf.get(w.id);
              if (node === undefined) return [];
              const minutes = (stock.readyMinutes.get(w.id) ?? 0) + w.loadMinutes + graph.minutes(node, seat);
              return minutes <= budget ? [{ warehouseId: w.id, minutes: Math.round(minutes) }] : [];
            })
            .sort((a, b) => a.minutes - b.minutes || a.warehouseId - b.warehouseId);
    const quantity = new Map<number, number>();
    for (const { warehouseId } of reaching)
      for (const [itemId, units] of stock.byWarehouse.get(warehouseId) ?? []) {
        const item = categoryOf.get(itemId);
        if (!item || !measure.has(item.categoryId)) continue;
        const amount = measure.get(item.categoryId) === "kg" ? units * item.kg : units;
        quantity.set(item.categoryId, (quantity.get(item.categoryId) ?? 0) + amount);
      }
    let people = quotas.length > 0 ? Number.POSITIVE_INFINITY : 0;
    let bottleneck: TownshipReach["bottleneckCategory"] = null;
    for (const quota of quotas) {
      const covered = peopleFor(quantity.get(quota.categoryId) ?? 0, quota, township.householdSize);
      if (covered < people) {
        people = covered;
        bottleneck = { categoryId: quota.categoryId, name: categoryName.get(quota.categoryId) ?? "" };
      }
    }
    return {
      areaId: township.id,
      name: township.name,
      population: township.population,
      peopleWithinReach: people,
      bottleneckCategory: bottleneck,
      warehouses: reaching,
      inNetwork: seat !== undefined,
    };
  });
}
