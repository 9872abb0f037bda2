import {
  aidReplies,
  aidReplyLines,
  aidReplyTrucks,
  aidRequestLines,
  aidRequests,
  type DbOrTx,
  neighbourLendableLines,
  neighbourLendableLists,
  neighbours,
} from "@relief/db";
import { type Message, msg } from "@relief/domain";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { localDateTime } from "../time";

/** Aid a neighbour has promised for an incident, as planning sees it: a depot at its entry node. */
export interface PromisedAid {
  requestId: number;
  number: string;
  neighbourName: string;
  /** The road node where its trucks enter Banan. */
  entryNodeId: number;
  /** The promised arrival at the entry node: nothing leaves it earlier. */
  readyAt: string;
  /** Base units per item id still to come: promised less what has arrived. */
  stock: Map<number, number>;
  trucks: Array<{ id: number; plate: string; payloadKg: number; volumeM3: number }>;
}

/**
 * Every request out for the incident whose latest reply promises goods, and whose neighbour has an entry node.
 * What has already been received is in a warehouse, counted there, not here.
 */
export function promisedAidFor(db: DbOrTx, incidentId: number): PromisedAid[] {
  const requests = db
    .select({
      id: aidRequests.id,
      number: aidRequests.number,
      neighbourName: neighbours.name,
      entryNodeId: neighbours.entryNodeId,
    })
    .from(aidRequests)
    .innerJoin(neighbours, eq(neighbours.id, aidRequests.neighbourId))
    .where(
      and(
        eq(aidRequests.incidentId, incidentId),
        eq(aidRequests.direction, "out"),
        eq(aidRequests.status, "promised"),
        isNotNull(neighbours.entryNodeId),
      ),
    )
    .all();
  const out: PromisedAid[] = [];
  for (const r of requests) {
    const reply = db
      .select({ id: aidReplies.id, arriveAt: aidReplies.arriveAt })
      .from(aidReplies)
      .where(eq(aidReplies.requestId, r.id))
      .orderBy(desc(aidReplies.recordedAt), desc(aidReplies.id))
      .limit(1)
      .get();
    if (!reply || r.entryNodeId === null) continue;
    const arrived = new Map(
      db
        .select({ itemId: aidRequestLines.itemId, delivered: aidRequestLines.delivered })
        .from(aidRequestLines)
        .where(eq(aidRequestLines.requestId, r.id))
        .all()
        .map((l) => [l.itemId, l.delivered]),
    );
    const stock = new Map<number, number>();
    for (const l of db
      .select({ itemId: aidReplyLines.itemId, quantity: aidReplyLines.quantity })
      .from(aidReplyLines)
      .where(eq(aidReplyLines.replyId, reply.id))
      .all()) {
      const left = l.quantity - (arrived.get(l.itemId) ?? 0);
      if (left > 0) stock.set(l.itemId, left);
    }
    if (stock.size === 0) continue;
    out.push({
      requestId: r.id,
      number: r.number,
      neighbourName: r.neighbourName,
      entryNodeId: r.entryNodeId,
      readyAt: reply.arriveAt,
      stock,
      trucks: db
        .select({
          id: aidReplyTrucks.id,
          plate: aidReplyTrucks.plate,
          payloadKg: aidReplyTrucks.payloadKg,
          volumeM3: aidReplyTrucks.volumeM3,
        })
        .from(aidReplyTrucks)
        .where(eq(aidReplyTrucks.replyId, reply.id))
        .all(),
    });
  }
  return out;
}

/**
 * The promised aid a plan can use: needed items only, and only where the neighbour named trucks (its goods
 * move on its own trucks, from its entry node, no earlier than the promised time). Each is named in the notes.
 */
export function plannableAid(
  promised: PromisedAid[],
  needed: Set<number>,
  now: string,
  notes: Message[],
): Map<number, PromisedAid> {
  const usable = new Map<number, PromisedAid>();
  for (const a of promised) {
    const stock = new Map([...a.stock].filter(([itemId]) => needed.has(itemId)));
    if (stock.size === 0) continue;
    const at = localDateTime(Date.parse(a.readyAt) > Date.parse(now) ? a.readyAt : now);
    if (a.trucks.length === 0) {
      notes.push(msg("aid.note.noTrucks", { number: a.number, neighbour: a.neighbourName }));
      continue;
    }
    notes.push(msg("aid.note.inPlan", { number: a.number, neighbour: a.neighbourName, at }));
    usable.set(a.requestId, { ...a, stock });
  }
  return usable;
}

/** One item of a neighbour's latest lendable list, where its trucks would enter Banan. */
export interface LendableOffer {
  neighbourName: string;
  entryNodeId: number;
  listDate: string;
  itemId: number;
  quantity: number;
}

/**
 * What the neighbours in the register have said they can lend (each one's latest list), for the plan's
 * suggestions: whom to ask for an item the district lacks.
 */
export function lendableForPlanning(db: DbOrTx): LendableOffer[] {
  const out: LendableOffer[] = [];
  for (const n of db
    .select({ id: neighbours.id, name: neighbours.name, entryNodeId: neighbours.entryNodeId })
    .from(neighbours)
    .where(and(eq(neighbours.active, true), isNotNull(neighbours.entryNodeId)))
    .all()) {
    const list = db
      .select({ id: neighbourLendableLists.id, listDate: neighbourLendableLists.listDate })
      .from(neighbourLendableLists)
      .where(eq(neighbourLendableLists.neighbourId, n.id))
      .orderBy(desc(neighbourLendableLists.listDate), desc(neighbourLendableLists.id))
      .limit(1)
      .get();
    if (!list || n.entryNodeId === null) continue;
    for (const line of db
      .select({ itemId: neighbourLendableLines.itemId, quantity: neighbourLendableLines.quantity })
      .from(neighbourLendableLines)
      .where(eq(neighbourLendableLines.listId, list.id))
      .all())
      out.push({ neighbourName: n.name, entryNodeId: n.entryNodeId, listDate: list.listDate, ...line });
  }
  return out;
}
