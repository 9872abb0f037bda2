import { type DbOrTx, items, roadEdges, warehouses } from "@relief/db";
import { type Message, msg } from "@relief/domain";
import type { LayoutAdvice, LayoutConfirmation, LayoutEvaluation, MoveReason } from "@relief/planner";
import { databaseId, problemId } from "../dispatch/ids";

export interface ScenarioView {
  /** `A12:flood`, or `district` for the district-wide 10 %. */
  id: string;
  /** The township; null for the district-wide case. */
  areaId: number | null;
  hazard: string;
  people: number;
  /** The flow bound: at most this many people can be equipped within 10 h. */
  servedInTime: number;
  share: number;
}

export interface EvaluationView {
  scenarios: ScenarioView[];
  worst: { scenarioId: string; share: number; people: number; servedInTime: number } | null;
  mostUnserved: { scenarioId: string; unserved: number; people: number } | null;
  weightedMean: { share: number; servedInTime: number };
}

export interface TransferView {
  fromWarehouseId: number;
  fromWarehouse: string;
  toWarehouseId: number;
  toWarehouse: string;
  itemId: number;
  item: string;
  quantity: number;
  reason: Message;
}

export interface PurchaseView {
  itemId: number;
  item: string;
  warehouseId: number;
  warehouse: string;
  quantity: number;
  costYuan: number;
  reason: Message;
}

export interface AdviceView {
  adviceId: number;
  maxTruckloads: number;
  budgetYuan: number | null;
  createdAt: string;
  acceptedAt: string | null;
  transfers: TransferView[];
  truckloads: { fromWarehouseId: number; toWarehouseId: number; loads: number }[];
  purchases: PurchaseView[];
  before: EvaluationView;
  after: EvaluationView;
  coverage: { before: number; after: number; people: number } | null;
  /** The full planner on every scenario with the advised layout, once `layout.confirm` has run. */
  confirmation: ConfirmationView | null;
}

/**
 * The advice replanned: per scenario the flow bound and the people the full planner equips in time, after
 * and before, with the planner's worst scenario and weighted mean; `search` is the planner's budget.
 */
export interface ConfirmationView extends LayoutConfirmation {
  computedAt: string;
}

/** What an advice stores: the view less what the row itself holds; the confirmation comes later. */
export type StoredAdvice = Omit<
  AdviceView,
  "adviceId" | "maxTruckloads" | "budgetYuan" | "createdAt" | "acceptedAt" | "confirmation"
> & { confirmation?: ConfirmationView };

export function evaluationView(e: LayoutEvaluation): EvaluationView {
  return {
    scenarios: e.scenarios.map((s) => ({
      id: s.id,
      areaId: s.areaId === undefined ? null : databaseId(s.areaId),
      hazard: s.hazard,
      people: s.people,
      servedInTime: s.servedInTime,
      share: s.share,
    })),
    worst: e.worst,
    mostUnserved: e.mostUnserved,
    weightedMean: e.weightedMean,
  };
}

/** Names of warehouses, items, townships and roads, to put the engine's ids and reasons into words. */
export class Names {
  private readonly warehouse: Map<number, string>;
  private readonly item: Map<number, string>;
  private readonly road: Map<string, string>;

  constructor(
    db: DbOrTx,
    private readonly townships: Map<string, string>,
  ) {
    this.warehouse = new Map(
      db
        .select({ id: warehouses.id, name: warehouses.name })
        .from(warehouses)
        .all()
        .map((w) => [w.id, w.name]),
    );
    this.item = new Map(
      db
        .select({ id: items.id, name: items.name })
        .from(items)
        .all()
        .map((i) => [i.id, i.name]),
    );
    this.road = new Map();
    for (const e of db
      .select({ from: roadEdges.fromNodeId, to: roadEdges.toNodeId, name: roadEdges.name })
      .from(roadEdges)
      .all()) {
      this.road.set(`${problemId.node(e.from)}|${problemId.node(e.to)}`, e.name);
      this.road.set(`${problemId.node(e.to)}|${problemId.node(e.from)}`, e.name);
    }
  }

  warehouseName(id: string): string {
    return this.warehouse.get(databaseId(id)) ?? id;
  }

  itemName(id: string): string {
    return this.item.get(databaseId(id)) ?? id;
  }

  /** A move's reason in words: the scenario it helps, why, and its people before and after. */
  reason(reason: MoveReason): Message {
    const item = this.itemName(reason.itemId);
    if (reason.code === "balance") return msg("layout.reason.balance", { item });
    if (reason.code === "coverage")
      return msg("layout.reason.coverage", { item, before: reason.peopleBefore, after: reason.peopleAfter });
    const scenario =
      reason.areaId === undefined
        ? msg("layout.scenario.district")
        : msg("layout.scenario.township", {
            township: this.townships.get(reason.areaId) ?? reason.areaId,
            hazard: msg(`risks.hazard.${reason.hazard as "flood"}`),
          });
    const served = msg("layout.reason.served", { before: reason.peopleBefore, after: reason.peopleAfter });
    const why =
      reason.code === "short"
        ? msg("layout.reason.short", { scenario, item, reachable: reason.reachable, needed: reason.needed })
        : reason.code === "fleet"
          ? msg("layout.reason.fleet", { scenario, item })
          : reason.closedRoads && reason.closedRoads.length > 0
            ? msg("layout.reason.unreachableClosed", {
                scenario,
                item,
                roads: [
                  ...new Set(reason.closedRoads.map((r) => this.road.get(`${r.from}|${r.to}`) ?? r.from)),
                ].join("、"),
              })
            : msg("layout.reason.unreachable", { scenario, item });
    return msg("layout.reason.withServed", { reason: why, served });
  }

  advice(a: LayoutAdvice): StoredAdvice {
    return {
      transfers: a.transfers.map((t) => ({
        fromWarehouseId: databaseId(t.fromWarehouseId),
        fromWarehouse: this.warehouseName(t.fromWarehouseId),
        toWarehouseId: databaseId(t.toWarehouseId),
        toWarehouse: this.warehouseName(t.toWarehouseId),
        itemId: databaseId(t.itemId),
        item: this.itemName(t.itemId),
        quantity: t.quantity,
        reason: this.reason(t.reason),
      })),
      truckloads: a.truckloads.map((l) => ({
        fromWarehouseId: databaseId(l.fromWarehouseId),
        toWarehouseId: databaseId(l.toWarehouseId),
        loads: l.loads,
      })),
      purchases: a.purchases.map((p) => ({
        itemId: databaseId(p.itemId),
        item: this.itemName(p.itemId),
        warehouseId: databaseId(p.warehouseId),
        warehouse: this.warehouseName(p.warehouseId),
        quantity: p.quantity,
        costYuan: p.costYuan,
        reason: this.reason(p.reason),
      })),
      before: evaluationView(a.before),
      after: evaluationView(a.after),
      coverage: a.coverage ?? null,
    };
  }
}
