import {
  type AidDirection,
  type AidStatus,
  aidRequestLines,
  aidRequests,
  type DbOrTx,
  items,
  neighbours,
} from "@relief/db";
import { msg, zh } from "@relief/domain";
import { buildAidRequestSheet, buildLoansSheet } from "@relief/sheets";
import { and, asc, count, desc, eq, gt, type SQL, sql } from "drizzle-orm";
import type { FileDownload } from "../areas/population-sheet";
import { type Page, pageWindow } from "../paging";
import { localDate, localDateTime } from "../time";
import { getAid } from "./list";
import { AidIdInput, LoansInput } from "./schemas";

/**
 * One line of the loans list: goods that moved under a request and what of them is still to go back. Out:
 * lent to Banan by the neighbour (Banan returns them); in: lent by Banan to the neighbour (it returns them).
 */
export interface LoanRow {
  requestId: number;
  number: string;
  direction: AidDirection;
  status: AidStatus;
  neighbourId: number;
  neighbourName: string;
  requestedAt: string;
  itemId: number;
  itemCode: string;
  itemName: string;
  baseUnit: string;
  delivered: number;
  returned: number;
  outstanding: number;
}

const outstanding = sql<number>`${aidRequestLines.delivered} - ${aidRequestLines.returned}`;

function loanWhere(q: ReturnType<typeof LoansInput.parse>): SQL | undefined {
  return and(
    gt(aidRequestLines.delivered, 0),
    q.direction ? eq(aidRequests.direction, q.direction) : undefined,
    q.neighbourId ? eq(aidRequests.neighbourId, q.neighbourId) : undefined,
    q.outstanding ? sql`${outstanding} > 0` : undefined,
  );
}

function loanRows(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({
      requestId: aidRequests.id,
      number: aidRequests.number,
      direction: aidRequests.direction,
      status: aidRequests.status,
      neighbourId: aidRequests.neighbourId,
      neighbourName: neighbours.name,
      requestedAt: aidRequests.requestedAt,
      itemId: aidRequestLines.itemId,
      itemCode: items.code,
      itemName: items.name,
      baseUnit: items.baseUnit,
      delivered: aidRequestLines.delivered,
      returned: aidRequestLines.returned,
      outstanding,
    })
    .from(aidRequestLines)
    .innerJoin(aidRequests, eq(aidRequests.id, aidRequestLines.requestId))
    .innerJoin(neighbours, eq(neighbours.id, aidRequests.neighbourId))
    .innerJoin(items, eq(items.id, aidRequestLines.itemId))
    .where(where)
    .orderBy(desc(aidRequests.requestedAt), desc(aidRequests.id), asc(aidRequestLines.lineNo))
    .$dynamic();
}

/** Loans out and in, newest request first, with what is still to return; paged. */
export function listLoans(db: DbOrTx, input: LoansInput): Page<LoanRow> {
  const q = LoansInput.parse(input);
  const where = loanWhere(q);
  const total =
    db
      .select({ n: count() })
      .from(aidRequestLines)
      .innerJoin(aidRequests, eq(aidRequests.id, aidRequestLines.requestId))
      .where(where)
      .get()?.n ?? 0;
  const { limit, offset } = pageWindow(q);
  return { total, rows: loanRows(db, where).limit(limit).offset(offset).all() };
}

/**
 * The loans list as a spreadsheet, with the page's filters. A district lends and borrows a few dozen lines a
 * year, so the whole list is read at once on the request thread.
 */
export function exportLoans(db: DbOrTx, input: LoansInput, now: string): FileDownload {
  const q = LoansInput.parse(input);
  const rows = loanRows(db, loanWhere(q)).all();
  return {
    fileName: zh(msg("aid.file.loans", { date: localDate(now) })),
    content: buildLoansSheet(
      rows.map((r) => ({
        number: r.number,
        direction: zh(msg(`aid.direction.${r.direction}`)),
        neighbour: r.neighbourName,
        requestedAt: localDateTime(r.requestedAt),
        itemCode: r.itemCode,
        itemName: r.itemName,
        baseUnit: r.baseUnit,
        delivered: r.delivered,
        returned: r.returned,
        outstanding: r.outstanding,
        status: zh(msg(`aid.status.${r.status}`)),
      })),
    ),
  };
}

/** The request document (.xlsx) to send to the neighbour, in Chinese like every form the district sends. */
export function aidRequestSheet(db: DbOrTx, input: AidIdInput): FileDownload {
  const { requestId } = AidIdInput.parse(input);
  const aid = getAid(db, requestId);
  return {
    fileName: zh(msg("aid.file.request", { number: aid.number })),
    content: buildAidRequestSheet({
      number: aid.number,
      direction: zh(msg(`aid.direction.${aid.direction}`)),
      neighbour: aid.neighbourName,
      incident: aid.incidentNumber ?? "",
      deliverTo: aid.deliveryAreaName ?? aid.entryNodeName ?? "",
      entry: aid.entryNodeName ?? "",
      neededBy: localDateTime(aid.neededBy),
      requestedAt: localDateTime(aid.requestedAt),
      requestedBy: aid.requestedBy,
      status: zh(msg(`aid.status.${aid.status}`)),
      note: aid.note,
      lines: aid.lines.map((l) => [l.lineNo, l.itemCode, l.itemName, l.quantity, l.baseUnit]),
    }),
  };
}
