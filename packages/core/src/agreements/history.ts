import {
  type AgreementKind,
  agreementCalloffs,
  agreementDeclarations,
  agreementLines,
  agreements,
  agreementVerifications,
  type DbOrTx,
  enterprises,
  items,
  users,
  type VehicleType,
} from "@relief/db";
import { msg } from "@relief/domain";
import { and, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { NotFoundError } from "../errors";
import { type Page, pageWindow } from "../paging";
import { ListCalloffsInput, ListLineRecordsInput } from "./schemas";
import { type CalloffStatus, calloffStatus, calloffStatusSql } from "./status";

/** Declarations, verifications and call-offs: they accumulate for years, so each is read a page at a time. */

export interface DeclarationView {
  id: number;
  lineId: number;
  declaredOn: string;
  quantity: number;
  source: "entered" | "imported";
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface VerificationView {
  id: number;
  lineId: number;
  inspectedOn: string;
  quantity: number;
  inspector: string;
  findings: string;
  recordedBy: string;
  recordedAt: string;
}

export interface CalloffView {
  id: number;
  number: string;
  lineId: number;
  agreementId: number;
  agreementNumber: string;
  enterpriseId: number;
  enterpriseName: string;
  kind: AgreementKind;
  itemName: string | null;
  baseUnit: string | null;
  vehicleType: VehicleType | null;
  quantity: number;
  requestedAt: string;
  requiredBy: string;
  deliveredQuantity: number | null;
  deliveredAt: string | null;
  confirmedBy: string | null;
  cancelledAt: string | null;
  dispatchRef: string | null;
  note: string | null;
  recordedBy: string;
  status: CalloffStatus;
}

/** Records of one agreement's lines or of one line. */
function lineRecordWhere(
  table: typeof agreementDeclarations | typeof agreementVerifications,
  q: { agreementId?: number; lineId?: number },
): SQL | undefined {
  return and(
    q.agreementId !== undefined ? eq(agreementLines.agreementId, q.agreementId) : undefined,
    q.lineId !== undefined ? eq(table.lineId, q.lineId) : undefined,
  );
}

/** Stock declarations, newest first (by date declared, then as recorded). */
export function listDeclarations(db: DbOrTx, input: ListLineRecordsInput): Page<DeclarationView> {
  const q = ListLineRecordsInput.parse(input);
  const d = agreementDeclarations;
  const where = lineRecordWhere(d, q);
  const { limit, offset } = pageWindow(q);
  return {
    total:
      db
        .select({ n: count() })
        .from(d)
        .innerJoin(agreementLines, eq(agreementLines.id, d.lineId))
        .where(where)
        .get()?.n ?? 0,
    rows: db
      .select({
        id: d.id,
        lineId: d.lineId,
        declaredOn: d.declaredOn,
        quantity: d.quantity,
        source: d.source,
        note: d.note,
        recordedBy: users.displayName,
        recordedAt: d.recordedAt,
      })
      .from(d)
      .innerJoin(agreementLines, eq(agreementLines.id, d.lineId))
      .innerJoin(users, eq(users.id, d.recordedBy))
      .where(where)
      .orderBy(desc(d.declaredOn), desc(d.id))
      .limit(limit)
      .offset(offset)
      .all(),
  };
}

/** Inspections, newest first (by inspection date, then as recorded). */
export function listVerifications(db: DbOrTx, input: ListLineRecordsInput): Page<VerificationView> {
  const q = ListLineRecordsInput.parse(input);
  const v = agreementVerifications;
  const where = lineRecordWhere(v, q);
  const { limit, offset } = pageWindow(q);
  return {
    total:
      db
        .select({ n: count() })
        .from(v)
        .innerJoin(agreementLines, eq(agreementLines.id, v.lineId))
        .where(where)
        .get()?.n ?? 0,
    rows: db
      .select({
        id: v.id,
        lineId: v.lineId,
        inspectedOn: v.inspectedOn,
        quantity: v.quantity,
        inspector: v.inspector,
        findings: v.findings,
        recordedBy: users.displayName,
        recordedAt: v.recordedAt,
      })
      .from(v)
      .innerJoin(agreementLines, eq(agreementLines.id, v.lineId))
      .innerJoin(users, eq(users.id, v.recordedBy))
      .where(where)
      .orderBy(desc(v.inspectedOn), desc(v.id))
      .limit(limit)
      .offset(offset)
      .all(),
  };
}

// The status expression names the call-off `c`.
const c = alias(agreementCalloffs, "c");

/** Call-offs newest first, filtered by enterprise, agreement, line and status (derived from the clock in SQL). */
export function listCalloffs(db: DbOrTx, input: ListCalloffsInput, now: string): Page<CalloffView> {
  const q = ListCalloffsInput.parse(input);
  const where = and(
    q.id !== undefined ? eq(c.id, q.id) : undefined,
    q.enterpriseId !== undefined ? eq(agreements.enterpriseId, q.enterpriseId) : undefined,
    q.agreementId !== undefined ? eq(agreementLines.agreementId, q.agreementId) : undefined,
    q.lineId !== undefined ? eq(c.lineId, q.lineId) : undefined,
    q.status !== undefined ? sql`${calloffStatusSql(now)} = ${q.status}` : undefined,
  );
  const { limit, offset } = pageWindow(q);
  const total =
    db
      .select({ n: count() })
      .from(c)
      .innerJoin(agreementLines, eq(agreementLines.id, c.lineId))
      .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
      .where(where)
      .get()?.n ?? 0;
  const rows = db
    .select({
      id: c.id,
      number: c.number,
      lineId: c.lineId,
      agreementId: agreements.id,
      agreementNumber: agreements.number,
      enterpriseId: agreements.enterpriseId,
      enterpriseName: enterprises.name,
      kind: agreements.kind,
      itemName: items.name,
      baseUnit: items.baseUnit,
      vehicleType: agreementLines.vehicleType,
      quantity: c.quantity,
      requestedAt: c.requestedAt,
      requiredBy: c.requiredBy,
      deliveredQuantity: c.deliveredQuantity,
      deliveredAt: c.deliveredAt,
      confirmedBy: c.confirmedBy,
      cancelledAt: c.cancelledAt,
      dispatchRef: c.dispatchRef,
      note: c.note,
      recordedBy: users.displayName,
    })
    .from(c)
    .innerJoin(agreementLines, eq(agreementLines.id, c.lineId))
    .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
    .innerJoin(enterprises, eq(enterprises.id, agreements.enterpriseId))
    .leftJoin(items, eq(items.id, agreementLines.itemId))
    .innerJoin(users, eq(users.id, c.recordedBy))
    .where(where)
    .orderBy(desc(c.requestedAt), desc(c.id))
    .limit(limit)
    .offset(offset)
    .all();
  return { total, rows: rows.map((row) => ({ ...row, status: calloffStatus(row, now) })) };
}

export function getCalloff(db: DbOrTx, id: number, now: string): CalloffView {
  const [view] = listCalloffs(db, { id, pageSize: 1 }, now).rows;
  if (!view) throw new NotFoundError(msg("agreements.error.calloffNotFound", { id: String(id) }));
  return view;
}
