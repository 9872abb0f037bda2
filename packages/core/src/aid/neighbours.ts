import {
  type DbOrTx,
  items,
  neighbourContacts,
  neighbourLendableLines,
  neighbourLendableLists,
  neighbours,
  roadNodes,
} from "@relief/db";
import { msg } from "@relief/domain";
import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { NotFoundError, ValidationError } from "../errors";
import { type Page, pageWindow, sortTerms } from "../paging";
import { containsText } from "../search";
import { ListNeighboursInput, UpdateNeighbourInput } from "./schemas";

export interface NeighbourContact {
  name: string;
  post: string;
  phone: string;
}

export interface LendableLine {
  lineNo: number;
  itemId: number;
  itemCode: string;
  itemName: string;
  baseUnit: string;
  quantity: number;
  note: string;
}

export interface LendableList {
  id: number;
  listDate: string;
  fileName: string;
  importedAt: string;
  lines: number;
}

export interface NeighbourRow {
  id: number;
  code: string;
  name: string;
  seatLat: number;
  seatLon: number;
  entryNodeId: number | null;
  entryNodeCode: string | null;
  entryNodeName: string | null;
  note: string;
  active: boolean;
  /** The date of the list that counts (the latest), null before any was imported. */
  lendableDate: string | null;
  /** Whom to call, in the register's order. */
  contacts: NeighbourContact[];
}

export interface NeighbourView extends NeighbourRow {
  /** What the latest list says it can lend. */
  lendable: LendableLine[];
  /** Every list imported, latest first: the history of what it said it could lend. */
  lists: LendableList[];
}

const latestListDate = sql<
  string | null
>`(SELECT MAX(${neighbourLendableLists.listDate}) FROM ${neighbourLendableLists} WHERE ${neighbourLendableLists.neighbourId} = ${neighbours.id})`;

/** The contacts of each of the neighbours, in the register's order. */
function contactsOf(db: DbOrTx, ids: readonly number[]): Map<number, NeighbourContact[]> {
  const byNeighbour = new Map<number, NeighbourContact[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byNeighbour;
  const rows = db
    .select({
      neighbourId: neighbourContacts.neighbourId,
      name: neighbourContacts.name,
      post: neighbourContacts.post,
      phone: neighbourContacts.phone,
    })
    .from(neighbourContacts)
    .where(inArray(neighbourContacts.neighbourId, [...ids]))
    .orderBy(asc(neighbourContacts.neighbourId), asc(neighbourContacts.position))
    .all();
  for (const { neighbourId, ...contact } of rows) byNeighbour.get(neighbourId)?.push(contact);
  return byNeighbour;
}

function neighbourRows(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({
      id: neighbours.id,
      code: neighbours.code,
      name: neighbours.name,
      seatLat: neighbours.seatLat,
      seatLon: neighbours.seatLon,
      entryNodeId: neighbours.entryNodeId,
      entryNodeCode: roadNodes.code,
      entryNodeName: roadNodes.name,
      note: neighbours.note,
      active: neighbours.active,
      lendableDate: latestListDate,
    })
    .from(neighbours)
    .leftJoin(roadNodes, eq(roadNodes.id, neighbours.entryNodeId))
    .where(where)
    .$dynamic();
}

const SORT_COLUMNS = {
  code: (d: SQL) => sql`${neighbours.code} ${d}`,
  name: (d: SQL) => sql`${neighbours.name} ${d}`,
};

/** One page of the neighbour register (ten or so districts, paged like every list all the same). */
export function listNeighbours(db: DbOrTx, input: ListNeighboursInput): Page<NeighbourRow> {
  const q = ListNeighboursInput.parse(input);
  const where = and(
    q.search
      ? or(containsText(neighbours.name, q.search), containsText(neighbours.code, q.search))
      : undefined,
    q.active === undefined ? undefined : eq(neighbours.active, q.active),
  );
  const total = db.select({ n: count() }).from(neighbours).where(where).get()?.n ?? 0;
  const { limit, offset } = pageWindow(q);
  const rows = neighbourRows(db, where)
    .orderBy(sortTerms(SORT_COLUMNS, q.sort, q.order, asc(neighbours.id)))
    .limit(limit)
    .offset(offset)
    .all();
  const contacts = contactsOf(
    db,
    rows.map((r) => r.id),
  );
  return { total, rows: rows.map((r) => ({ ...r, contacts: contacts.get(r.id) ?? [] })) };
}

/** The list that counts: the latest by the date it bears, the later import among lists of one date. */
export function latestLendableList(db: DbOrTx, neighbourId: number): { id: number } | undefined {
  return db
    .select({ id: neighbourLendableLists.id })
    .from(neighbourLendableLists)
    .where(eq(neighbourLendableLists.neighbourId, neighbourId))
    .orderBy(desc(neighbourLendableLists.listDate), desc(neighbourLendableLists.id))
    .limit(1)
    .get();
}

export function lendableLines(db: DbOrTx, listId: number): LendableLine[] {
  return db
    .select({
      lineNo: neighbourLendableLines.lineNo,
      itemId: neighbourLendableLines.itemId,
      itemCode: items.code,
      itemName: items.name,
      baseUnit: items.baseUnit,
      quantity: neighbourLendableLines.quantity,
      note: neighbourLendableLines.note,
    })
    .from(neighbourLendableLines)
    .innerJoin(items, eq(items.id, neighbourLendableLines.itemId))
    .where(eq(neighbourLendableLines.listId, listId))
    .orderBy(asc(neighbourLendableLines.lineNo))
    .all();
}

export function getNeighbour(db: DbOrTx, id: number): NeighbourView {
  const row = neighbourRows(db, eq(neighbours.id, id)).get();
  if (!row) throw new NotFoundError(msg("aid.error.neighbourNotFound", { id: String(id) }));
  const contacts = contactsOf(db, [id]).get(id) ?? [];
  const lists = db
    .select({
      id: neighbourLendableLists.id,
      listDate: neighbourLendableLists.listDate,
      fileName: neighbourLendableLists.fileName,
      importedAt: neighbourLendableLists.importedAt,
      lines: sql<number>`(SELECT COUNT(*) FROM ${neighbourLendableLines} WHERE ${neighbourLendableLines.listId} = ${neighbourLendableLists.id})`,
    })
    .from(neighbourLendableLists)
    .where(eq(neighbourLendableLists.neighbourId, id))
    .orderBy(desc(neighbourLendableLists.listDate), desc(neighbourLendableLists.id))
    .all();
  const latest = lists[0];
  return { ...row, contacts, lendable: latest ? lendableLines(db, latest.id) : [], lists };
}

/** The neighbour, refused by name when unknown or taken out of the register. */
export function activeNeighbour(db: DbOrTx, id: number, field = "neighbourId") {
  const row = db.select().from(neighbours).where(eq(neighbours.id, id)).get();
  if (!row)
    throw new ValidationError(msg("aid.error.neighbourNotFound", { id: String(id) }), [
      { field, message: msg("aid.error.chooseNeighbour") },
    ]);
  if (!row.active)
    throw new ValidationError(msg("aid.error.neighbourInactive", { name: row.name }), [
      { field, message: msg("aid.error.chooseNeighbour") },
    ]);
  return row;
}

/**
 * Changes a neighbour's entry node, contacts (the whole list, as the form holds it), note and whether it is
 * in the register. The entry must be a boundary node of the road network.
 */
export function updateNeighbour({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: UpdateNeighbourInput;
}): NeighbourView {
  const fields = UpdateNeighbourInput.parse(input);
  return withTransaction(ctx, (tx) => {
    const before = tx.select().from(neighbours).where(eq(neighbours.id, fields.id)).get();
    if (!before) throw new NotFoundError(msg("aid.error.neighbourNotFound", { id: String(fields.id) }));
    if (fields.entryNodeId !== null) {
      const node = tx
        .select({
          code: roadNodes.code,
          name: roadNodes.name,
          kind: roadNodes.kind,
          active: roadNodes.active,
        })
        .from(roadNodes)
        .where(eq(roadNodes.id, fields.entryNodeId))
        .get();
      if (!node)
        throw new ValidationError(msg("aid.error.entryNodeNotFound", { id: String(fields.entryNodeId) }), [
          { field: "entryNodeId", message: msg("aid.error.chooseBoundaryNode") },
        ]);
      if (node.kind !== "boundary" || !node.active)
        throw new ValidationError(msg("aid.error.entryNotBoundary", { node: node.name, code: node.code }), [
          { field: "entryNodeId", message: msg("aid.error.chooseBoundaryNode") },
        ]);
    }
    const at = nowIso(ctx);
    tx.update(neighbours)
      .set({ entryNodeId: fields.entryNodeId, note: fields.note, active: fields.active, updatedAt: at })
      .where(eq(neighbours.id, fields.id))
      .run();
    tx.delete(neighbourContacts).where(eq(neighbourContacts.neighbourId, fields.id)).run();
    if (fields.contacts.length > 0)
      tx.insert(neighbourContacts)
        .values(fields.contacts.map((c, i) => ({ ...c, neighbourId: fields.id, position: i + 1 })))
        .run();
    recordAudit(tx, ctx, {
      action: "neighbours.update",
      targetType: "neighbour",
      targetIds: [fields.id],
      summary: fields,
    });
    return getNeighbour(tx, fields.id);
  });
}
