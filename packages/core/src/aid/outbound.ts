import { type DbOrTx, warehouses } from "@relief/db";
import { msg } from "@relief/domain";
import { effectiveEdges, RoadGraph } from "../dispatch/network";
import { NO_OPTIONS } from "../dispatch/problem";
import { PLANNING_SOURCES } from "../dispatch/sources";
import { ConflictError } from "../errors";
import { availableByWarehouseItem } from "../stock/balances";
import { localDate } from "../time";
import { getAid } from "./list";
import { AidIdInput } from "./schemas";

/** A warehouse that can send some of what a neighbour asked for, and when a truck from it reaches the entry. */
export interface AidSource {
  warehouseId: number;
  code: string;
  name: string;
  /** Loading and the fastest drive over today's roads to the neighbour's entry node, in minutes. */
  minutes: number;
  arriveAt: string;
  /** Usable stock of each item still to send (available to promise on the needed-by day). */
  available: Array<{ itemId: number; quantity: number }>;
}

/** How to answer a request in: where each item comes from, fastest warehouse first. */
export interface AidOutboundPlan {
  requestId: number;
  entryNodeId: number;
  sources: AidSource[];
  /** Greedy, fastest first: the issues to post (aid.issue per warehouse), and what no warehouse holds. */
  proposal: Array<{ warehouseId: number; itemId: number; quantity: number }>;
  unmet: Array<{ itemId: number; quantity: number }>;
}

/**
 * Plans Banan's answer to a neighbour's request: the district's warehouses (not enterprise sites) that hold
 * usable stock of what is still to send, each with its loading time plus the fastest drive over today's roads
 * to the neighbour's entry node, and a proposal that takes each item from the fastest warehouses first. Trucks
 * are the clerk's to assign when issuing; no stock is reserved.
 */
export function planAidOutbound(db: DbOrTx, input: AidIdInput, now: string): AidOutboundPlan {
  const { requestId } = AidIdInput.parse(input);
  const aid = getAid(db, requestId);
  if (aid.direction !== "in")
    throw new ConflictError(msg("aid.error.outboundOnlyIn", { number: aid.number }));
  if (aid.entryNodeId === null)
    throw new ConflictError(msg("aid.error.noEntryNode", { neighbour: aid.neighbourName }));
  const entry = aid.entryNodeId;
  const toSend = new Map(
    aid.lines.filter((l) => l.quantity > l.delivered).map((l) => [l.itemId, l.quantity - l.delivered]),
  );
  const network = PLANNING_SOURCES.roadNetwork(db);
  const graph = new RoadGraph(effectiveEdges(network, NO_OPTIONS));
  const nodeOf = new Map(
    network.nodes.filter((n) => n.warehouseId !== null).map((n) => [n.warehouseId as number, n.id]),
  );
  const held = new Map<number, Array<{ itemId: number; quantity: number }>>();
  for (const row of availableByWarehouseItem(db, localDate(aid.neededBy > now ? aid.neededBy : now))) {
    if (row.available <= 0 || !toSend.has(row.itemId)) continue;
    held.set(row.warehouseId, [
      ...(held.get(row.warehouseId) ?? []),
      { itemId: row.itemId, quantity: row.available },
    ]);
  }
  const sources: AidSource[] = db
    .select({
      id: warehouses.id,
      code: warehouses.code,
      name: warehouses.name,
      kind: warehouses.kind,
      active: warehouses.active,
      loadMinutes: warehouses.loadMinutes,
    })
    .from(warehouses)
    .all()
    .flatMap((w) => {
      const node = nodeOf.get(w.id);
      const available = held.get(w.id);
      if (!w.active || w.kind === "enterprise" || node === undefined || !available) return [];
      const minutes = w.loadMinutes + graph.minutes(node, entry);
      if (!Number.isFinite(minutes)) return [];
      return [
        {
          warehouseId: w.id,
          code: w.code,
          name: w.name,
          minutes: Math.round(minutes),
          arriveAt: new Date(Date.parse(now) + minutes * 60_000).toISOString(),
          available,
        },
      ];
    })
    .sort((a, b) => a.minutes - b.minutes || a.warehouseId - b.warehouseId);
  const proposal: AidOutboundPlan["proposal"] = [];
  const left = new Map(toSend);
  for (const source of sources)
    for (const a of source.available) {
      const take = Math.min(a.quantity, left.get(a.itemId) ?? 0);
      if (take <= 0) continue;
      proposal.push({ warehouseId: source.warehouseId, itemId: a.itemId, quantity: take });
      left.set(a.itemId, (left.get(a.itemId) ?? 0) - take);
    }
  const unmet = [...left].filter(([, q]) => q > 0).map(([itemId, quantity]) => ({ itemId, quantity }));
  return { requestId, entryNodeId: entry, sources, proposal, unmet };
}
