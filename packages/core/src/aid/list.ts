import {
  type AidDirection,
  type AidStatus,
  aidReplies,
  aidReplyLines,
  aidReplyTrucks,
  aidRequestLines,
  aidRequests,
  areas,
  type DbOrTx,
  type FleetVehicleType,
  incidents,
  items,
  neighbours,
  roadNodes,
  users,
} from "@relief/db";
import { msg } from "@relief/domain";
import { and, asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { NotFoundError } from "../errors";
import { type Page, pageWindow, sortTerms } from "../paging";
import { ListAidInput } from "./schemas";

export interface AidRow {
  id: number;
  number: string;
  direction: AidDirection;
  status: AidStatus;
  neighbourId: number;
  neighbourName: string;
  incidentId: number | null;
  incidentNumber: string | null;
  deliveryAreaId: number | null;
  deliveryAreaName: string | null;
  neededBy: string;
  requestedBy: string;
  requestedAt: string;
  /** The latest reply's promised arrival at the entry node. */
  promisedAt: string | null;
}

export interface AidLineView {
  lineNo: number;
  itemId: number;
  itemCode: string;
  itemName: string;
  baseUnit: string;
  quantity: number;
  /** Promised in the latest reply (null before any reply). */
  promised: number | null;
  delivered: number;
  returned: number;
}

export interface AidReplyView {
  id: number;
  arriveAt: string;
  note: string;
  recordedBy: string;
  recordedAt: string;
  lines: Array<{ itemId: number; quantity: number }>;
  trucks: Array<{
    plate: string;
    type: FleetVehicleType;
    payloadKg: number;
    volumeM3: number;
    driver: string;
    phone: string;
  }>;
}

export interface AidView extends AidRow {
  note: string;
  entryNodeId: number | null;
  entryNodeName: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  lines: AidLineView[];
  /** Every reply, latest first: the first is the one that counts. */
  replies: AidReplyView[];
}

const latestReplyId = sql<
  number | null
>`(SELECT ${aidReplies.id} FROM ${aidReplies} WHERE ${aidReplies.requestId} = ${aidRequests.id} ORDER BY ${aidReplies.recordedAt} DESC, ${aidReplies.id} DESC LIMIT 1)`;
const promisedAt = sql<
  string | null
>`(SELECT ${aidReplies.arriveAt} FROM ${aidReplies} WHERE ${aidReplies.id} = ${latestReplyId})`;

function aidRows(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({
      id: aidRequests.id,
      number: aidRequests.number,
      direction: aidRequests.direction,
      status: aidRequests.status,
      neighbourId: aidRequests.neighbourId,
      neighbourName: neighbours.name,
      incidentId: aidRequests.incidentId,
      incidentNumber: incidents.number,
      deliveryAreaId: aidRequests.deliveryAreaId,
      deliveryAreaName: areas.name,
      neededBy: aidRequests.neededBy,
      requestedBy: users.username,
      requestedAt: aidRequests.requestedAt,
      promisedAt,
    })
    .from(aidRequests)
    .innerJoin(neighbours, eq(neighbours.id, aidRequests.neighbourId))
    .innerJoin(users, eq(users.id, aidRequests.requestedBy))
    .leftJoin(incidents, eq(incidents.id, aidRequests.incidentId))
    .leftJoin(areas, eq(areas.id, aidRequests.deliveryAreaId))
    .where(where)
    .$dynamic();
}

const SORT_COLUMNS = {
  requestedAt: (d: SQL) => sql`${aidRequests.requestedAt} ${d}`,
  number: (d: SQL) => sql`${aidRequests.number} ${d}`,
  neededBy: (d: SQL) => sql`${aidRequests.neededBy} ${d}`,
};

/** One page of requests, out and in, filtered by direction, status, neighbour and incident. */
export function listAid(db: DbOrTx, input: ListAidInput): Page<AidRow> {
  const q = ListAidInput.parse(input);
  const where = and(
    q.direction ? eq(aidRequests.direction, q.direction) : undefined,
    q.status ? eq(aidRequests.status, q.status) : undefined,
    q.neighbourId ? eq(aidRequests.neighbourId, q.neighbourId) : undefined,
    q.incidentId ? eq(aidRequests.incidentId, q.incidentId) : undefined,
  );
  const total = db.select({ n: count() }).from(aidRequests).where(where).get()?.n ?? 0;
  const { limit, offset } = pageWindow(q);
  const rows = aidRows(db, where)
    .orderBy(sortTerms(SORT_COLUMNS, q.sort, q.order, asc(aidRequests.id)))
    .limit(limit)
    .offset(offset)
    .all();
  return { total, rows };
}

function replies(db: DbOrTx, requestId: number): AidReplyView[] {
  return db
    .select({
      id: aidReplies.id,
      arriveAt: aidReplies.arriveAt,
      note: aidReplies.note,
      recordedBy: users.username,
      recordedAt: aidReplies.recordedAt,
    })
    .from(aidReplies)
    .innerJoin(users, eq(users.id, aidReplies.recordedBy))
    .where(eq(aidReplies.requestId, requestId))
    .orderBy(desc(aidReplies.recordedAt), desc(aidReplies.id))
    .all()
    .map((r) => ({
      ...r,
      lines: db
        .select({ itemId: aidReplyLines.itemId, quantity: aidReplyLines.quantity })
        .from(aidReplyLines)
        .where(eq(aidReplyLines.replyId, r.id))
        .orderBy(asc(aidReplyLines.id))
        .all(),
      trucks: db
        .select({
          plate: aidReplyTrucks.plate,
          type: aidReplyTrucks.type,
          payloadKg: aidReplyTrucks.payloadKg,
          volumeM3: aidReplyTrucks.volumeM3,
          driver: aidReplyTrucks.driver,
          phone: aidReplyTrucks.phone,
        })
        .from(aidReplyTrucks)
        .where(eq(aidReplyTrucks.replyId, r.id))
        .orderBy(asc(aidReplyTrucks.id))
        .all(),
    }));
}

export function getAid(db: DbOrTx, requestId: number): AidView {
  const row = aidRows(db, eq(aidRequests.id, requestId)).get();
  if (!row) throw new NotFoundError(msg("aid.error.requestNotFound", { id: String(requestId) }));
  const extra = db
    .select({
      note: aidRequests.note,
      entryNodeId: neighbours.entryNodeId,
      entryNodeName: roadNodes.name,
      closedAt: aidRequests.closedAt,
      cancelledAt: aidRequests.cancelledAt,
      cancelReason: aidRequests.cancelReason,
    })
    .from(aidRequests)
    .innerJoin(neighbours, eq(neighbours.id, aidRequests.neighbourId))
    .leftJoin(roadNodes, eq(roadNodes.id, neighbours.entryNodeId))
    .where(eq(aidRequests.id, requestId))
    .get();
  const answered = replies(db, requestId);
  const promised = new Map((answered[0]?.lines ?? []).map((l) => [l.itemId, l.quantity]));
  const lines = db
    .select({
      lineNo: aidRequestLines.lineNo,
      itemId: aidRequestLines.itemId,
      itemCode: items.code,
      itemName: items.name,
      baseUnit: items.baseUnit,
      quantity: aidRequestLines.quantity,
      delivered: aidRequestLines.delivered,
      returned: aidRequestLines.returned,
    })
    .from(aidRequestLines)
    .innerJoin(items, eq(items.id, aidRequestLines.itemId))
    .where(eq(aidRequestLines.requestId, requestId))
    .orderBy(asc(aidRequestLines.lineNo))
    .all()
    .map((l) => ({ ...l, promised: answered.length > 0 ? (promised.get(l.itemId) ?? 0) : null }));
  return {
    ...row,
    note: extra?.note ?? "",
    entryNodeId: extra?.entryNodeId ?? null,
    entryNodeName: extra?.entryNodeName ?? null,
    closedAt: extra?.closedAt ?? null,
    cancelledAt: extra?.cancelledAt ?? null,
    cancelReason: extra?.cancelReason ?? null,
    lines,
    replies: answered,
  };
}
